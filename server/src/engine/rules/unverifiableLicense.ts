import { calledPhrase, isOpennessClaim, relatedDeclarations } from './claimMessages.js';
import { capitalise } from './claimWithoutLicense.js';
import type { Rule } from './rule.js';

export const unverifiableLicense: Rule = {
  id: 'unverifiable-license',
  defaultSeverity: 'warning',
  summary: 'An open-source claim over a declaration that names no license that can be judged (`license: other` without a name, `SEE LICENSE IN …`, a license family, a LICENSE text no one can identify).',
  check({ project, verdictOf }) {
    return project.claims.filter(isOpennessClaim).flatMap((claim) => {
      const verdict = verdictOf(claim);
      if (verdict.outcome !== 'unverifiable') return [];
      const unknown = verdict.judged.filter((entry) => entry.outcome === 'unjudgeable');
      const why = [...new Set(unknown.map((entry) => entry.declaration.unjudgeable ?? `${entry.declaration.label} cannot be judged`))].join('; ');
      return [{
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `${capitalise(claim.aboutModel ? 'the model' : 'the project')} ${calledPhrase(claim)}, but its license cannot be judged: ${why}; declare it with an SPDX id (or a known AI license id) so the claim can be checked.`,
        related: relatedDeclarations(unknown, (entry) => `${capitalise(entry.declaration.label)}`),
        fixes: [],
      }];
    });
  },
};
