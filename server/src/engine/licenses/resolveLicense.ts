// Turns a declared license value into something the policy can judge: an SPDX
// expression (canonical casing), a LicenseRef for a catalogued AI license, or
// a reason why it cannot be judged.
import { aiLicense, aiLicenseByName, catalogId, hfLicense } from './licenseKnowledge.js';
import { correctExpression, expressionLeaves, formatExpression, parseExpression, type ExpressionNode } from './expression.js';
import { spdxLicense } from './spdxCatalog.js';

export interface ResolvedLicense {
  expression?: string;
  unjudgeable?: string;
  /** The value is not a valid SPDX expression (for fields that require one). */
  invalid?: boolean;
  /** spdx-correct's suggestion when invalid. */
  suggestion?: string;
  /** Deprecated SPDX ids used in the value. */
  deprecatedIds: string[];
  /** Why a license no catalog knows is not open (see Declaration.note). */
  note?: string;
}

/** A LicenseRef id for a license known only by its name. */
export function customLicenseRef(name: string): string {
  return `LicenseRef-${name.trim().replace(/[^A-Za-z0-9.]+/gu, '-').replace(/^-+|-+$/gu, '') || 'custom'}`;
}

/** Every OSI-approved license is on the SPDX list, so a license that is not cannot be OSI-approved. */
export const customLicenseNote = 'it is a custom license, and every OSI-approved license has an SPDX id';

function canonical(node: ExpressionNode): ExpressionNode {
  if ('license' in node) {
    const info = spdxLicense(node.license);
    return { ...node, license: info?.id ?? node.license };
  }
  return { ...node, left: canonical(node.left), right: canonical(node.right) };
}

const proprietaryWords = /^(?:unlicensed|proprietary|commercial|all rights reserved|none|closed|private)$/iu;
const seeLicenseIn = /^see license in\s+(.+)$/iu;

/** A declaration that there is no public license (`UNLICENSED`, `proprietary`, a proprietary classifier). */
export function proprietary(what: string): ResolvedLicense {
  return { expression: 'LicenseRef-Proprietary', note: `${what} declares that there is no public license`, deprecatedIds: [] };
}

/** A value from a field that takes an SPDX expression (package.json, Cargo.toml, pyproject, CITATION.cff). */
export function resolveSpdxValue(value: string): ResolvedLicense {
  const trimmed = value.trim();
  const see = seeLicenseIn.exec(trimmed);
  if (see) return { unjudgeable: `\`${trimmed}\` points to a file instead of naming the license`, deprecatedIds: [] };
  if (proprietaryWords.test(trimmed)) return proprietary(`\`${trimmed}\``);
  const node = parseExpression(trimmed);
  if (node) {
    const canonicalNode = canonical(node);
    // `GPL-2.0+` is reported whole: its replacement is `GPL-2.0-or-later`
    const deprecatedIds = expressionLeaves(canonicalNode).filter((leaf) => spdxLicense(leaf.license)?.deprecated).map((leaf) => `${leaf.license}${leaf.plus ? '+' : ''}`);
    return { expression: formatExpression(canonicalNode), deprecatedIds };
  }
  const suggestion = correctExpression(trimmed);
  const named = aiLicenseByName(trimmed);
  return {
    invalid: true,
    suggestion: suggestion && suggestion !== trimmed ? suggestion : undefined,
    expression: named ? catalogId(named) : suggestion,
    unjudgeable: named || suggestion ? undefined : `\`${trimmed}\` is not an SPDX license expression`,
    deprecatedIds: [],
  };
}

/**
 * A model card's `license:` value: a Hugging Face Hub id, or an SPDX
 * expression; `other` defers to `license_name`.
 */
export function resolveHubValue(value: string, licenseName?: string): ResolvedLicense {
  const trimmed = value.trim();
  const hub = hfLicense(trimmed);
  if (hub) {
    if (hub.kind === 'placeholder') {
      if (licenseName) return resolveLicenseName(licenseName);
      return { unjudgeable: `\`license: ${trimmed}\` names no license`, deprecatedIds: [] };
    }
    if (hub.kind === 'family') return { unjudgeable: hub.note ?? `\`license: ${trimmed}\` names a family of licenses, not one license`, deprecatedIds: [] };
    if (hub.spdx) return { expression: spdxLicense(hub.spdx)?.id ?? hub.spdx, deprecatedIds: [] };
    if (hub.aiLicense) {
      const entry = aiLicense(hub.aiLicense);
      return { expression: entry ? catalogId(entry) : hub.aiLicense, deprecatedIds: [] };
    }
  }
  const resolved = resolveSpdxValue(trimmed);
  if (!resolved.invalid) return resolved;
  const named = aiLicenseByName(trimmed);
  if (named) return { expression: catalogId(named), deprecatedIds: [] };
  return resolved;
}

/** A `license_name:` value or a license named in prose. */
export function resolveLicenseName(name: string): ResolvedLicense {
  const named = aiLicenseByName(name);
  if (named) return { expression: catalogId(named), deprecatedIds: [] };
  const asSpdx = parseExpression(name);
  if (asSpdx) return { expression: formatExpression(canonical(asSpdx)), deprecatedIds: [] };
  return { expression: customLicenseRef(name), note: customLicenseNote, deprecatedIds: [] };
}
