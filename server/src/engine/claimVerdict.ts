// The verdict on a claim: do the declarations that govern it back it under
// the policy? One place decides; the claim rules only report.
import type { Claim, Declaration } from './types.js';
import { expressionLeaves, licenseKey, parseExpression, type LicenseLeaf } from './licenses/expression.js';
import { judgeExpression, type Policy } from './licenses/policy.js';

export interface JudgedDeclaration {
  declaration: Declaration;
  outcome: 'accepted' | 'rejected' | 'partial' | 'unjudgeable';
  accepted: LicenseLeaf[];
  rejected: LicenseLeaf[];
}

export interface ClaimVerdict {
  outcome: 'no-license' | 'accepted' | 'rejected' | 'partial' | 'unverifiable';
  judged: JudgedDeclaration[];
  /** The policy the claim was judged by (free-software claims have their own, see Policy.freeSoftware). */
  policy: Policy;
}

const codeOnly = /(?<!\w)(?:source code|the code|our code|code(?:base)? (?:is|are)|codebase|repository|implementation|scripts?|inference code|training code)\b/iu;

/**
 * Declarations that speak to this claim: those covering a part the claim names ("We are open-sourcing our
 * W2v-BERT 2.0 speech encoder", listed under MIT in the License section); else all but model-only ones when
 * the claim is only about code.
 */
function relevant(claim: Claim, declarations: Declaration[], sentence: string): Declaration[] {
  if (declarations.some((declaration) => declaration.covers)) {
    const lower = sentence.toLowerCase();
    const named = declarations.filter((declaration) => declaration.covers?.some((part) => namesPart(sentence, lower, part)));
    if (named.length > 0) return named;
  }
  const aboutCodeOnly = !claim.aboutModel && codeOnly.test(sentence);
  return aboutCodeOnly ? declarations.filter((declaration) => declaration.scope !== 'model') : declarations;
}

/**
 * Whether a sentence names a part a License section lists: the part itself
 * ("W2v-BERT 2.0 speech encoder"), or a distinctive name in it (a word with an
 * inner capital or a digit: "mExpresso" in "Text only part of the mExpresso
 * dataset found in the … README"). Where the part is found ("found in …")
 * names nothing.
 */
function namesPart(sentence: string, lower: string, part: string): boolean {
  const own = part.replace(/\s+(?:found|as found|available|described)\s+in\b.*$/isu, '');
  if (lower.includes(own.toLowerCase())) return true;
  const distinctive = own.match(/(?<![\p{L}\p{N}-])(?=\p{L})[\p{L}\p{N}-]*?(?:\p{Ll}\p{Lu}|\p{L}\p{N})[\p{L}\p{N}-]*/gu) ?? [];
  if (distinctive.length === 0) return false;
  const words = new Set(sentence.match(/[\p{L}\p{N}-]+/gu) ?? []);
  return distinctive.some((name) => words.has(name));
}

const judgedByPolicy = new WeakMap<Policy, WeakMap<Declaration, JudgedDeclaration>>();

/** The verdict on one declaration under a policy (remembered: every claim of a project asks about the same declarations). */
export function judgeDeclaration(declaration: Declaration, policy: Policy): JudgedDeclaration {
  let judged = judgedByPolicy.get(policy);
  if (!judged) judgedByPolicy.set(policy, (judged = new WeakMap()));
  let verdict = judged.get(declaration);
  if (!verdict) judged.set(declaration, (verdict = judgeDeclarationUncached(declaration, policy)));
  return verdict;
}

function judgeDeclarationUncached(declaration: Declaration, policy: Policy): JudgedDeclaration {
  const node = declaration.expression ? parseExpression(declaration.expression) : undefined;
  // "License :: OSI Approved :: BSD License" names a family, but says itself that it is OSI-approved
  if (!node && policy.name === 'osi' && declaration.raw.startsWith('License :: OSI Approved ::')) return { declaration, outcome: 'accepted', accepted: [], rejected: [] };
  if (!node) return { declaration, outcome: 'unjudgeable', accepted: [], rejected: [] };
  const verdict = judgeExpression(node, policy, declaration.expression);
  return { declaration, outcome: verdict.outcome, accepted: verdict.accepted, rejected: verdict.rejected };
}

/**
 * A declaration that names only branches of an OR another declaration accepts
 * (`license-cc0` beside `"license": "(MIT OR CC0-1.0)"`) is the text of one
 * branch, not a second license: the OR is backed by its open branch.
 */
function branchesOfAcceptedChoice(judged: JudgedDeclaration[]): Set<JudgedDeclaration> {
  const choices = judged.filter((entry) => entry.outcome === 'accepted' && /\bOR\b/u.test(entry.declaration.expression ?? ''));
  if (choices.length === 0) return new Set();
  const branches = choices.map((entry) => new Set(expressionLeaves(parseExpression(entry.declaration.expression!)!).map((leaf) => licenseKey(leaf.license))));
  return new Set(judged.filter((entry) => {
    if (entry.outcome === 'accepted' || entry.outcome === 'unjudgeable' || !entry.declaration.expression) return false;
    const node = parseExpression(entry.declaration.expression);
    const keys = node ? expressionLeaves(node).map((leaf) => licenseKey(leaf.license)) : [];
    return keys.length > 0 && branches.some((set) => keys.every((key) => set.has(key)));
  }));
}

export function judgeClaim(claim: Claim, declarations: Declaration[], projectPolicy: Policy, sentence = claim.text): ClaimVerdict {
  const policy = claim.kind === 'free-software' ? projectPolicy.freeSoftware : projectPolicy;
  const all = relevant(claim, declarations, sentence).map((declaration) => judgeDeclaration(declaration, policy));
  const branches = branchesOfAcceptedChoice(all);
  const judged = branches.size === 0 ? all : all.filter((entry) => !branches.has(entry));
  const verdict = (outcome: ClaimVerdict['outcome']): ClaimVerdict => ({ outcome, judged, policy });
  if (judged.length === 0) return verdict('no-license');
  const count = (outcome: JudgedDeclaration['outcome']) => judged.filter((entry) => entry.outcome === outcome).length;
  const accepted = count('accepted');
  const rejected = count('rejected');
  const partial = count('partial');
  if (partial > 0 || (rejected > 0 && accepted > 0)) return verdict('partial');
  if (rejected > 0) return verdict('rejected');
  const modelPart = judged.filter((entry) => entry.declaration.scope === 'model');
  const modelUnknown = modelPart.length > 0 && modelPart.every((entry) => entry.outcome === 'unjudgeable');
  if (accepted > 0 && !(claim.aboutModel && modelUnknown)) return verdict('accepted');
  return verdict('unverifiable');
}
