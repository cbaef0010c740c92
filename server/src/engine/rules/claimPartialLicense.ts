import { describeLicense } from '../licenses/licenseKnowledge.js';
import type { JudgedDeclaration } from '../claimVerdict.js';
import type { LicenseLeaf } from '../licenses/expression.js';
import { becauseClause, calledPhrase, claimFindings, declarationRelated, licenseName, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

/** "the code is under Apache-2.0", "the model is under Llama 3 Community License", "MIT is also declared". */
function describeParts(entries: JudgedDeclaration[], names: (entry: JudgedDeclaration) => string[]): string[] {
  const byScope = new Map<string, Set<string>>();
  for (const entry of entries) {
    const set = byScope.get(entry.declaration.scope) ?? new Set<string>();
    for (const name of names(entry)) set.add(name);
    byScope.set(entry.declaration.scope, set);
  }
  return [...byScope].map(([scope, set]) => {
    const list = [...set].join(', ');
    return scope === 'model' ? `the model is under ${list}` : scope === 'code' ? `the code is under ${list}` : `${list} is declared for the project`;
  });
}

function names(leaves: LicenseLeaf[]): string {
  return [...new Set(leaves.map((leaf) => describeLicense(leaf.license).name))].join(', ');
}

export const claimPartialLicense: Rule = {
  id: 'claim-partial-license',
  defaultSeverity: 'warning',
  summary: 'An open-source claim where only part is open: code under an open license, the model or another part under a license the policy does not accept.',
  check(context) {
    return claimFindings(context, this.id, 'partial', (claim, verdict) => {
      const open = verdict.judged.filter((entry) => entry.outcome === 'accepted');
      const closed = verdict.judged.filter((entry) => entry.outcome === 'rejected' || entry.outcome === 'partial');
      const mixed = closed.filter((entry) => entry.outcome === 'partial');
      const openParts = [
        ...describeParts(open, (entry) => [licenseName(entry.declaration)]),
        // `MIT AND CC-BY-NC-4.0`: the open branch covers only part
        ...mixed.map((entry) => `${names(entry.accepted)} covers only part of “${entry.declaration.expression}”`),
      ];
      const closedParts = [
        ...describeParts(closed.filter((entry) => entry.outcome === 'rejected'), (entry) => entry.rejected.map((leaf) => describeLicense(leaf.license).name)),
        ...mixed.map((entry) => `${names(entry.rejected)} applies too`),
      ];
      return {
        message: `Only part of ${subject(claim)} is open source, yet it ${calledPhrase(claim)}: ${openParts.join(' and ')}, but ${closedParts.join(' and ')}, which ${verdict.policy.rejectionPhrase}${becauseClause(closed, verdict.policy)}.`,
        related: declarationRelated([...open, ...closed]),
        fixes: rewordFixes(claim),
      };
    });
  },
};
