// Each clause of a LICENSE-like file that breaks a criterion of the Open
// Source Definition, shown where it is (information: the file is what it is;
// the claim rules decide whether anyone calls it open source).
import type { Rule } from './rule.js';
import { baseName } from '../project.js';

export const restrictiveClause: Rule = {
  id: 'restrictive-clause',
  defaultSeverity: 'info',
  summary: 'A clause of a LICENSE-like file that keeps the license from being open source (non-commercial, field-of-use ban, user threshold, no improving other models, branding duty…), with the Open Source Definition criterion it breaks.',
  check({ project }) {
    return project.declarations
      .filter((declaration) => declaration.source === 'license-file')
      .flatMap((declaration) => (declaration.clauses ?? []).map((clause) => ({
        rule: this.id,
        file: declaration.file,
        span: clause.span,
        message: `${baseName(declaration.file)} ${clause.label}: “${clause.excerpt}” (${clause.reason}) — not open source (${clause.criterion}: ${clause.criterionTitle}).`,
        related: [],
        fixes: [],
      })));
  },
};
