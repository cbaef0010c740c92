import type { Rule } from './rule.js';
import { deprecatedReplacements } from '../licenses/spdxCatalog.js';

export const deprecatedLicenseId: Rule = {
  id: 'deprecated-license-id',
  defaultSeverity: 'warning',
  summary: 'A declared license uses a deprecated SPDX id (`GPL-2.0`, `LGPL-2.1`, `AGPL-3.0`…) that no longer says which versions apply.',
  check({ project }) {
    return (project.declarations)
      .filter((declaration) => declaration.strictSpdx && declaration.resolved.deprecatedIds.length > 0)
      .flatMap((declaration) => declaration.resolved.deprecatedIds.map((id) => {
        const replacements = deprecatedReplacements(id);
        const at = declaration.raw.toLowerCase().indexOf(id.toLowerCase());
        const exact = at >= 0 && declaration.span.end - declaration.span.start === declaration.raw.length;
        const span = exact ? { start: declaration.span.start + at, end: declaration.span.start + at + id.length } : declaration.span;
        return {
          rule: this.id,
          file: declaration.file,
          span,
          message: `${declaration.label} uses “${id}”, which the SPDX license list has deprecated${replacements.length ? `: say ${replacements.map((replacement) => `“${replacement}”`).join(' or ')}` : ''}.`,
          related: [],
          fixes: exact ? replacements.map((replacement) => ({ title: `Replace “${id}” with “${replacement}”`, edits: [{ file: declaration.file, span, newText: replacement }] })) : [],
        };
      }));
  },
};
