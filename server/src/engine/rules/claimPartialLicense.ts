import { describeLicense } from '../licenses/licenseKnowledge.js';
import { formatLeaf } from '../licenses/expression.js';
import { rejectionReason } from '../licenses/policy.js';
import type { JudgedDeclaration } from '../claimVerdict.js';
import { calledPhrase, isOpennessClaim, licenseName, relatedDeclarations, rewordFixes, subject } from './claimMessages.js';
import { capitalise } from './claimWithoutLicense.js';
import type { Rule } from './rule.js';

function part(entry: JudgedDeclaration): string {
  const scope = entry.declaration.scope;
  return scope === 'model' ? 'the model' : scope === 'code' ? 'the code' : entry.declaration.label;
}

export const claimPartialLicense: Rule = {
  id: 'claim-partial-license',
  defaultSeverity: 'warning',
  summary: 'An open-source claim where only part is open: code under an open license, the model or another part under a license the policy does not accept.',
  check({ project, policy, verdictOf }) {
    return project.claims.filter(isOpennessClaim).flatMap((claim) => {
      const verdict = verdictOf(claim);
      if (verdict.outcome !== 'partial') return [];
      const open = verdict.judged.filter((entry) => entry.outcome === 'accepted');
      const closed = verdict.judged.filter((entry) => entry.outcome === 'rejected' || entry.outcome === 'partial');
      const openText = open.length > 0
        ? `${[...new Set(open.map(part))].join(' and ')} is under ${[...new Set(open.map((entry) => licenseName(entry.declaration)))].join(', ')}`
        : `part of it is under ${[...new Set(closed.flatMap((entry) => entry.rejected.length ? [] : [licenseName(entry.declaration)]))].join(', ') || 'an accepted license'}`;
      const leaf = closed.flatMap((entry) => entry.rejected)[0];
      const closedNames = [...new Set(closed.flatMap((entry) => entry.rejected.map((rejected) => describeLicense(rejected.license).name ?? formatLeaf(rejected))))];
      const reason = leaf ? rejectionReason(leaf, policy) : '';
      const because = reason.includes(': ') ? reason.slice(reason.indexOf(': ')) : '';
      const closedPart = closed.length > 0 && closed.every((entry) => entry.declaration.scope === 'model') ? 'the model' : 'the rest';
      return [{
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `Only part of ${subject(claim)} is open source, yet it ${calledPhrase(claim)}: ${openText}, but ${closedPart} is under ${closedNames.join(', ')}, which ${policy.rejectionPhrase}${because}.`,
        related: relatedDeclarations([...open, ...closed], (entry) => `${capitalise(entry.declaration.label)}: ${licenseName(entry.declaration)}`),
        fixes: rewordFixes(claim),
      }];
    });
  },
};
