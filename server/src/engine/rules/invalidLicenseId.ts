import type { Rule } from './rule.js';
import type { ResolvedDeclaration } from '../project.js';

/** The value as the message gives it: quoted whole (the JSON output keeps it exact), or, when it is a paragraph of prose, by its length (the squiggle covers it). */
const quoted = (raw: string) => (raw.length <= 120 ? `“${raw}”` : `a ${raw.length}-character text`);

export const invalidLicenseId: Rule = {
  id: 'invalid-license-id',
  defaultSeverity: 'error',
  summary: 'A declared license value is not a valid SPDX expression (or, in model-card front matter, a Hugging Face license id).',
  check({ project }) {
    return (project.declarations)
      .concat(project.documents.flatMap((document) => (document.frontMatter?.declarations ?? []) as ResolvedDeclaration[]))
      .filter((declaration, index, all) => all.indexOf(declaration) === index)
      .filter((declaration) => declaration.resolved.invalid && (declaration.strictSpdx || declaration.source === 'front-matter'))
      .map((declaration) => {
        const suggestion = declaration.resolved.suggestion;
        const allowed = declaration.source === 'front-matter' ? 'a Hugging Face license id or an SPDX expression' : 'a valid SPDX license expression';
        return {
          rule: this.id,
          file: declaration.file,
          span: declaration.span,
          message: `${declaration.label} is ${quoted(declaration.raw)}, which is not ${allowed}${suggestion ? `; did you mean “${suggestion}”?` : '.'}`,
          related: [],
          fixes: suggestion ? [{ title: `Change the license to “${suggestion}”`, edits: [{ file: declaration.file, span: declaration.span, newText: suggestion }] }] : [],
        };
      });
  },
};
