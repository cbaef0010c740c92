// The shape of a rule, as ESLint and markdownlint have it: an id, a default
// severity, a one-line summary, a docs page, and a check that reads the
// project model and returns findings (with their fixes) — never parsing files
// or formatting output.
import type { Claim, Finding, Severity } from '../types.js';
import type { Policy } from '../licenses/policy.js';
import type { Project, Workspace } from '../project.js';
import type { ClaimVerdict } from '../claimVerdict.js';

export const docsBase = 'https://github.com/license-claims/license-claims/blob/main/docs/rules/';

/**
 * A finding before configuration: `severity` only where it differs from the
 * rule's default for this finding (a setting still overrides it), or, with
 * `severityPinned`, a severity no setting changes (an information note that
 * stays information whatever the rule's setting).
 */
export type FindingDraft = Omit<Finding, 'severity'> & { severity?: Severity; severityPinned?: boolean };

export interface RuleContext {
  workspace: Workspace;
  project: Project;
  policy: Policy;
  /** The claim's verdict, computed once per claim. */
  verdictOf(claim: Claim): ClaimVerdict;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  summary: string;
  check(context: RuleContext): FindingDraft[];
}

export function docsUrl(ruleId: string): string {
  return `${docsBase}${ruleId}.md`;
}
