// Each clause of a LICENSE-like file that breaks a criterion of the Open
// Source Definition, shown where it is (information: the file is what it is;
// the claim rules decide whether anyone calls it open source). A sentence of
// several kinds is one finding that names them all.
import type { Rule } from './rule.js';
import type { DeclaredClause } from '../licenses/clauses/licenseTextVerdict.js';
import { baseName } from '../project.js';

function sameSentence(clauses: DeclaredClause[]): DeclaredClause[][] {
  const groups = new Map<string, DeclaredClause[]>();
  for (const clause of clauses) {
    const key = `${clause.span.start}:${clause.span.end}`;
    groups.set(key, [...(groups.get(key) ?? []), clause]);
  }
  return [...groups.values()];
}

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

export const restrictiveClause: Rule = {
  id: 'restrictive-clause',
  defaultSeverity: 'info',
  summary: 'A clause of a LICENSE-like file that keeps the license from being open source (non-commercial, field-of-use ban, user threshold, no improving other models, branding duty…), with the Open Source Definition criterion it breaks.',
  check({ project }) {
    return project.declarations
      .filter((declaration) => declaration.source === 'license-file')
      .flatMap((declaration) => sameSentence(declaration.clauses ?? []).map((group) => {
        const criteria = [...new Set(group.map((clause) => `${clause.criterion}: ${clause.criterionTitle}`))];
        return {
          rule: this.id,
          file: declaration.file,
          span: group[0].span,
          message: `${baseName(declaration.file)} ${list(group.map((clause) => clause.label))}: “${group[0].excerpt}” (${list(group.map((clause) => clause.reason))}) — not open source (${criteria.join('; ')}).`,
          related: [],
          fixes: [],
        };
      }));
  },
};
