import { describeLicense } from '../licenses/licenseKnowledge.js';
import { becauseClause, calledPhrase, capitalise, claimFindings, declarationRelated, licenseName, rewordFixes, sentence, subject } from './claimMessages.js';
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
      const fixes = rewordFixes(claim);
      const related = declarationRelated(rejected);
      // BSD-3-Clause under `apache-mit`: OSI-approved, only not allowed by the policy — a policy failure, not openwashing
      if (policy.name !== 'osi' && leaves.length > 0 && leaves.every((leaf) => describeLicense(leaf.license).osiApproved)) {
        const message = `${capitalise(subject(claim))} ${calledPhrase(claim)}, and its license (${names.join(', ')}) is OSI-approved but not allowed by policy ${policy.name}: it ${policy.rejectionPhrase}.`;
        return { message, related, fixes, severity: 'warning' as const };
      }
      // WTFPL, CC0-1.0, BSD-3-Clause-Clear: free software by the FSF, just not OSI-approved
      const libre = policy.name === 'osi' && claim.kind === 'open-source' && leaves.length > 0 && leaves.every((leaf) => describeLicense(leaf.license).fsfLibre);
      const message = libre
        ? `${capitalise(subject(claim))} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${policy.rejectionPhrase}, though the FSF counts it as free software: call it “free software”.`
        : sentence(`Openwashing: ${subject(claim)} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${policy.rejectionPhrase}`, becauseClause(rejected, policy));
      return { message, related, fixes };
    });
  },
};
