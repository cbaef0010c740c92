import { rejectionReason } from '../licenses/policy.js';
import { calledPhrase, isOpennessClaim, licenseName, relatedDeclarations, rewordFixes, subject } from './claimMessages.js';
import { capitalise } from './claimWithoutLicense.js';
import type { Rule } from './rule.js';

export const claimNonOsiLicense: Rule = {
  id: 'claim-non-osi-license',
  defaultSeverity: 'error',
  summary: 'An open-source claim over a license the policy does not accept (openwashing).',
  check({ project, policy, verdictOf }) {
    return project.claims.filter(isOpennessClaim).flatMap((claim) => {
      const verdict = verdictOf(claim);
      if (verdict.outcome !== 'rejected') return [];
      const rejected = verdict.judged.filter((entry) => entry.outcome === 'rejected');
      const names = [...new Set(rejected.map((entry) => licenseName(entry.declaration)))];
      const first = rejected.find((entry) => entry.rejected.length > 0);
      const reason = first ? rejectionReason(first.rejected[0]!, policy, first.declaration.note) : `${names.join(', ')} ${policy.rejectionPhrase}`;
      const because = reason.includes(': ') ? reason.slice(reason.indexOf(': ')) : '';
      return [{
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `Openwashing: ${subject(claim)} ${calledPhrase(claim)}, but its license (${names.join(', ')}) ${policy.rejectionPhrase}${because}.`,
        related: relatedDeclarations(rejected, (entry) => `${capitalise(entry.declaration.label)}: ${licenseName(entry.declaration)}`),
        fixes: rewordFixes(claim),
      }];
    });
  },
};
