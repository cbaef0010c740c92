// SPDX license expressions: parsing (spdx-expression-parse), correction
// (spdx-correct) and the small tree walks the rules need.
import parseSpdx from 'spdx-expression-parse';
import type correctSpdxFunction from 'spdx-correct';

export interface LicenseLeaf {
  license: string;
  plus?: boolean;
  exception?: string;
}
export interface Conjunction {
  left: ExpressionNode;
  conjunction: 'and' | 'or';
  right: ExpressionNode;
}
export type ExpressionNode = LicenseLeaf | Conjunction;

export function isLeaf(node: ExpressionNode): node is LicenseLeaf {
  return (node as LicenseLeaf).license !== undefined;
}

/**
 * Longer values are not read as expressions: real ones are a few dozen characters, the parser (and
 * spdx-correct, which parses each candidate) is superlinear (225 KB took seconds), and the walks over
 * the tree recurse (a few hundred terms at most stay far from the stack's limit).
 */
export const maxExpressionLength = 4096;

/** Parses an SPDX expression; `undefined` when it is not one. */
export function parseExpression(text: string): ExpressionNode | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > maxExpressionLength) return undefined;
  try {
    return parseSpdx(trimmed);
  } catch {
    return undefined;
  }
}

/** spdx-correct's suggestion for a value that is not a valid expression. */
export function correctExpression(text: string): string | undefined {
  if (text.length > maxExpressionLength) return undefined;
  try {
    // loaded on first use: its tables take a while to build, and most judgments correct nothing
    const correctSpdx = require('spdx-correct') as typeof correctSpdxFunction;
    return correctSpdx(text.trim(), { upgrade: true }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The licenses of an expression, left to right (in linear time: a long `OR` chain is a deep tree). */
export function expressionLeaves(node: ExpressionNode): LicenseLeaf[] {
  const leaves: LicenseLeaf[] = [];
  const stack: ExpressionNode[] = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (isLeaf(current)) leaves.push(current);
    else stack.push(current.right, current.left);
  }
  return leaves;
}

export function formatLeaf(leaf: LicenseLeaf): string {
  return `${leaf.license}${leaf.plus ? '+' : ''}${leaf.exception ? ` WITH ${leaf.exception}` : ''}`;
}

export function formatExpression(node: ExpressionNode, parent?: 'and' | 'or'): string {
  if (isLeaf(node)) return formatLeaf(node);
  const text = `${formatExpression(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${formatExpression(node.right, node.conjunction)}`;
  return parent !== undefined && parent !== node.conjunction ? `(${text})` : text;
}

/**
 * A key that treats versions of one license as the same for comparing
 * declarations: `GPL-3.0`, `GPL-3.0-only`, `GPL-3.0-or-later` and `GPL-3.0+`
 * all become `gpl-3.0` (a LICENSE text cannot tell them apart).
 */
/**
 * Ids that name the same license text under two names (PyPI's `Python-2.0` for
 * the PSF License Agreement that SPDX lists as `Python-2.0.1`): not a conflict.
 */
const sameText: Record<string, string> = { 'python-2.0.1': 'python-2.0', 'psf-2.0': 'python-2.0' };

export function licenseKey(id: string): string {
  const key = id.toLowerCase().replace(/\+$/, '').replace(/-(only|or-later)$/, '');
  return sameText[key] ?? key;
}
