import { calledPhrase, capitalise, claimFindings, relatedDeclarations, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

export const unverifiableLicense: Rule = {
  id: 'unverifiable-license',
  defaultSeverity: 'warning',
  summary: 'An open-source claim over a declaration that names no license that can be judged (`license: other` without a name, `SEE LICENSE IN …`, a license family, a LICENSE text no one can identify).',
  check(context) {
    return claimFindings(context, this.id, 'unverifiable', (claim, verdict) => {
      const unknown = verdict.judged.filter((entry) => entry.outcome === 'unjudgeable');
      const why = [...new Set(unknown.map((entry) => entry.declaration.unjudgeable ?? `${entry.declaration.label} cannot be judged`))].join('; ');
      return {
        message: `${capitalise(subject(claim))} ${calledPhrase(claim)}, but its license cannot be judged: ${why}; declare it with an SPDX id (or a known AI license id) so the claim can be checked.`,
        related: relatedDeclarations(unknown, (entry) => capitalise(entry.declaration.label)),
        fixes: [],
      };
    });
  },
};
