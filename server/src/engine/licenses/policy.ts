// Policies: which licenses back an "open source" claim, and the verdict on an
// expression under a policy (`OR` passes when one branch passes, `AND` only
// when all do).
import { expressionLeaves, isLeaf, type ExpressionNode, type LicenseLeaf } from './expression.js';
import { spdxLicense } from './spdxCatalog.js';
import { describeLicense } from './licenseKnowledge.js';

export type PolicyName = 'osi' | 'cncf' | 'apache-mit' | 'custom';
export const policyNames: readonly PolicyName[] = ['osi', 'cncf', 'apache-mit', 'custom'];

/**
 * The CNCF Allowlist License Policy (adopted by the CNCF Governing Board on
 * 2018-05-01): Apache-2.0, the project license, plus the allowlisted licenses
 * listed in cncf/foundation `allowed-third-party-license-policy.md`.
 */
const cncfAllowlist = ['Apache-2.0', 'BSD-2-Clause', 'BSD-2-Clause-FreeBSD', 'BSD-3-Clause', 'MIT', 'ISC', 'Python-2.0', 'PostgreSQL', 'X11', 'Zlib'];
const apacheMit = ['Apache-2.0', 'MIT'];

export interface Policy {
  name: PolicyName;
  /** Extra ids or expressions the configuration accepts. */
  allow: string[];
  /** Whether one license (no conjunctions) is accepted. */
  acceptsLicense(id: string): boolean;
  /** How a rejected license is described ("not OSI-approved"). */
  rejectionPhrase: string;
  /** The policy for "free software" claims: under `osi`, an FSF-libre license backs them too. */
  freeSoftware: Policy;
}

export function createPolicy(name: PolicyName, allow: string[] = []): Policy {
  const allowed = new Set(allow.map((id) => id.toLowerCase()));
  const inList = (list: string[]) => new Set(list.map((id) => id.toLowerCase()));
  const base: (id: string) => boolean =
    name === 'osi' ? (id) => spdxLicense(id)?.osiApproved === true
      : name === 'cncf' ? ((set) => (id: string) => set.has(id.toLowerCase()))(inList(cncfAllowlist))
        : name === 'apache-mit' ? ((set) => (id: string) => set.has(id.toLowerCase()))(inList(apacheMit))
          : () => false;
  const rejectionPhrase = {
    osi: 'is not OSI-approved',
    cncf: 'is not on the CNCF license allowlist',
    'apache-mit': 'is neither Apache-2.0 nor MIT',
    custom: 'is not on the configured allow list',
  }[name];
  const policy: Policy = {
    name,
    allow,
    acceptsLicense: (id) => allowed.has(id.toLowerCase()) || base(id),
    rejectionPhrase,
    freeSoftware: undefined as unknown as Policy,
  };
  policy.freeSoftware = name !== 'osi' ? policy : {
    ...policy,
    acceptsLicense: (id) => policy.acceptsLicense(id) || spdxLicense(id)?.fsfLibre === true,
    rejectionPhrase: 'is neither OSI-approved nor on the FSF\'s list of free licenses',
  };
  policy.freeSoftware.freeSoftware = policy.freeSoftware;
  return policy;
}

export type Outcome = 'accepted' | 'rejected' | 'partial';

export interface ExpressionVerdict {
  outcome: Outcome;
  /** Leaves that pass the policy. */
  accepted: LicenseLeaf[];
  /** Leaves that fail it. */
  rejected: LicenseLeaf[];
}

/** Judges an expression: `partial` when an `AND` mixes passing and failing parts. */
export function judgeExpression(node: ExpressionNode, policy: Policy, expressionText?: string): ExpressionVerdict {
  if (expressionText !== undefined && policy.allow.some((entry) => entry.trim().toLowerCase() === expressionText.trim().toLowerCase())) {
    return { outcome: 'accepted', accepted: expressionLeaves(node), rejected: [] };
  }
  const outcome = evaluate(node, policy);
  const leaves = expressionLeaves(node);
  return {
    outcome,
    accepted: leaves.filter((leaf) => policy.acceptsLicense(leaf.license)),
    rejected: leaves.filter((leaf) => !policy.acceptsLicense(leaf.license)),
  };
}

function evaluate(node: ExpressionNode, policy: Policy): Outcome {
  if (isLeaf(node)) return policy.acceptsLicense(node.license) ? 'accepted' : 'rejected';
  const left = evaluate(node.left, policy);
  const right = evaluate(node.right, policy);
  if (node.conjunction === 'or') {
    if (left === 'accepted' || right === 'accepted') return 'accepted';
    return left === 'partial' || right === 'partial' ? 'partial' : 'rejected';
  }
  if (left === 'accepted' && right === 'accepted') return 'accepted';
  return left === 'rejected' && right === 'rejected' ? 'rejected' : 'partial';
}

/** "Llama 3 Community License is not OSI-approved: it restricts …" style reason for one leaf. */
export function rejectionReason(leaf: LicenseLeaf, policy: Policy, note?: string): string {
  const knowledge = describeLicense(leaf.license);
  const reason = knowledge.reason ?? (knowledge.known ? undefined : note);
  const because = reason ? `: ${reason}` : '';
  return `${knowledge.name} ${policy.rejectionPhrase}${because}`;
}
