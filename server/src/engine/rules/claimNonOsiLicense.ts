import { becauseClause, calledPhrase, claimFindings, declarationRelated, licenseName, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

export const claimNonOsiLicense: Rule = {
  id: 'claim-non-osi-license',
  defaultSeverity: 'error',
  summary: 'An open-source claim over a license the policy does not accept (openwashing).',
  check(context) {
    return claimFindings(context, this.id, 'rejected', (claim, verdict) => {
      const rejected = verdict.judged.filter((entry) => entry.outcome === 'rejected');
      const names = [...new Set(rejected.map((entry) => licenseName(entry.declaration)))];
      return {
        message: `Openwashing: ${subject(claim)} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${context.policy.rejectionPhrase}${becauseClause(rejected, context.policy)}.`,
        related: declarationRelated(rejected),
        fixes: rewordFixes(claim),
      };
    });
  },
};
