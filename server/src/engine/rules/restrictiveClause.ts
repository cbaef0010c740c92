// Each clause of a LICENSE-like file (or of a README License section) that breaks a criterion of the Open
// Source Definition, shown where it is (information: the file is what it is;
// the claim rules decide whether anyone calls it open source). A sentence of
// several kinds is one finding that names them all.
import type { Rule } from './rule.js';
import type { DeclaredClause } from '../licenses/clauses/licenseTextVerdict.js';

function sameSentence(clauses: DeclaredClause[]): DeclaredClause[][] {
  const groups = new Map<string, DeclaredClause[]>();
  for (const clause of clauses) {
    const key = `${clause.span.start}:${clause.span.end}`;
    groups.set(key, [...(groups.get(key) ?? []), clause]);
  }
  return [...groups.values()];
}

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** How long a clause's message may be (the diagnostic's range is the clause itself; the hover explains each kind and criterion). */
const messageBudget = 160;

/** "Limits use to non-commercial purposes and can be revoked … — not open source (OSD 6: No Discrimination Against Fields of Endeavor)." */
export function clauseMessage(group: DeclaredClause[]): string {
  const labels = list([...new Set(group.map((clause) => clause.label))]);
  const criteria = [...new Map(group.map((clause) => [clause.criterion, clause.criterionTitle])).entries()];
  const short = `${labels.charAt(0).toUpperCase()}${labels.slice(1)} — not open source (${criteria.map(([id]) => id).join(', ')})`;
  const titled = `${labels.charAt(0).toUpperCase()}${labels.slice(1)} — not open source (${criteria.map(([id, title]) => `${id}: ${title}`).join('; ')})`;
  return `${titled.length + 1 <= messageBudget ? titled : short}.`;
}

export const restrictiveClause: Rule = {
  id: 'restrictive-clause',
  defaultSeverity: 'info',
  summary: 'A clause of a LICENSE-like file that keeps the license from being open source (non-commercial, field-of-use ban, user threshold, no improving other models, branding duty…), with the Open Source Definition criterion it breaks.',
  check({ project }) {
    return project.declarations
      // a LICENSE-like file's clauses, and a README License section's (not a linked file's, shown in that file)
      .filter((declaration) => (declaration.source === 'license-file' || declaration.source === 'readme-section') && !declaration.fileReference)
      .flatMap((declaration) => sameSentence(declaration.clauses ?? []).map((group) => {
        return {
          rule: this.id,
          file: declaration.file,
          span: group[0].span,
          message: clauseMessage(group),
          related: [],
          fixes: [],
        };
      }));
  },
};
