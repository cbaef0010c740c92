import { describeLicense } from '../licenses/licenseKnowledge.js';
import type { JudgedDeclaration } from '../claimVerdict.js';
import type { LicenseLeaf } from '../licenses/expression.js';
import { becauseClause, claimFindings, declarationRelated, licenseName, rewordFixes, sentence, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

/**
 * Which license covers what, one phrase per scope: "the code is under MIT",
 * "the model is under Llama 3 Community License", "the project declares
 * Apache-2.0" (`lead` for licenses declared for the whole project). A name
 * already given for the code or the model is not repeated for the project.
 */
function coverage(entries: JudgedDeclaration[], names: (entry: JudgedDeclaration) => string[], wholeProject: (list: string, many: boolean) => string, also = new Set<string>()): string[] {
  const byScope = new Map<string, Set<string>>([['code', new Set()], ['model', new Set()], ['all', new Set()]]);
  for (const entry of entries) for (const name of names(entry)) byScope.get(entry.declaration.scope)!.add(name);
  for (const name of [...byScope.get('code')!, ...byScope.get('model')!]) byScope.get('all')!.delete(name);
  const list = (set: Set<string>) => {
    const items = [...set];
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  };
  return [
    // (a scope the open side already named: "the model is under Apache-2.0, but also under CodeShell Model License")
    ...(byScope.get('code')!.size > 0 ? [`${also.has('code') ? 'also' : 'the code is'} under ${list(byScope.get('code')!)}`] : []),
    ...(byScope.get('model')!.size > 0 ? [`${also.has('model') ? 'also' : 'the model is'} under ${list(byScope.get('model')!)}`] : []),
    ...(byScope.get('all')!.size > 0 ? [wholeProject(list(byScope.get('all')!), byScope.get('all')!.size > 1)] : []),
  ];
}

function names(leaves: LicenseLeaf[]): string {
  return [...new Set(leaves.map((leaf) => describeLicense(leaf.license).name))].join(', ');
}

/** Where a declaration is, in a few words: "package.json `license`", "LICENSE". */
const where = (entry: JudgedDeclaration) => entry.declaration.label.replace(/ \(.*\)$/u, '');

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
        ...coverage(open, (entry) => [licenseName(entry.declaration)], (list) => `the project declares ${list}`),
        // `MIT AND CC-BY-NC-4.0`: the declaration puts part under each
        ...mixed.map((entry) => `${where(entry)} puts part under ${names(entry.accepted)}`),
      ];
      const closedParts = [
        ...coverage(
          closed.filter((entry) => entry.outcome === 'rejected'), (entry) => entry.rejected.map((leaf) => describeLicense(leaf.license).name), (list, many) => `${list} ${many ? 'are' : 'is'} declared too`,
          new Set(open.map((entry) => entry.declaration.scope)),
        ),
        ...mixed.map((entry) => `part under ${names(entry.rejected)}`),
      ];
      return {
        message: sentence(`Only part of ${subject(claim)} is open source: ${openParts.join(', and ')}, but ${closedParts.join(', and ')}, which ${verdict.policy.rejectionPhrase}`, becauseClause(closed, verdict.policy)),
        related: declarationRelated([...open, ...closed]),
        fixes: rewordFixes(claim),
      };
    });
  },
};
