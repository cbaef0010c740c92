import { describeLicense } from '../licenses/licenseKnowledge.js';
import { becauseClause, calledPhrase, capitalise, claimFindings, declarationRelated, licenseName, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

export const claimNonOsiLicense: Rule = {
  id: 'claim-non-osi-license',
  defaultSeverity: 'error',
  summary: 'An open-source claim over a license the policy does not accept (openwashing).',
  check(context) {
    return claimFindings(context, this.id, 'rejected', (claim, verdict) => {
      const { policy } = verdict;
      const rejected = verdict.judged.filter((entry) => entry.outcome === 'rejected');
      const names = [...new Set(rejected.map((entry) => licenseName(entry.declaration)))];
      const leaves = rejected.flatMap((entry) => entry.rejected);
      // WTFPL, CC0-1.0, BSD-3-Clause-Clear: free software by the FSF, just not OSI-approved
      const libre = policy.name === 'osi' && claim.kind === 'open-source' && leaves.length > 0 && leaves.every((leaf) => describeLicense(leaf.license).fsfLibre);
      const message = libre
        ? `${capitalise(subject(claim))} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${policy.rejectionPhrase}, although the FSF counts it as a free software license: call it “free software”, or choose an OSI-approved license.`
        : `Openwashing: ${subject(claim)} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${policy.rejectionPhrase}${becauseClause(rejected, policy)}.`;
      return { message, related: declarationRelated(rejected), fixes: rewordFixes(claim) };
    });
  },
};
