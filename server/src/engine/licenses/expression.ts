// SPDX license expressions: parsing (spdx-expression-parse), correction
// (spdx-correct) and the small tree walks the rules need.
import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';

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

/** Parses an SPDX expression; `undefined` when it is not one. */
export function parseExpression(text: string): ExpressionNode | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return parseSpdx(trimmed);
  } catch {
    return undefined;
  }
}

/** spdx-correct's suggestion for a value that is not a valid expression. */
export function correctExpression(text: string): string | undefined {
  try {
    return correctSpdx(text.trim(), { upgrade: true }) ?? undefined;
  } catch {
    return undefined;
  }
}

export function expressionLeaves(node: ExpressionNode): LicenseLeaf[] {
  return isLeaf(node) ? [node] : [...expressionLeaves(node.left), ...expressionLeaves(node.right)];
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
export function licenseKey(id: string): string {
  return id.toLowerCase().replace(/\+$/, '').replace(/-(only|or-later)$/, '');
}
