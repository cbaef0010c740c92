import { baseModelLicense } from '../licenses/baseModels.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import { judgeDeclaration } from '../claimVerdict.js';
import type { FindingDraft, Rule } from './rule.js';
import { licenseName } from './claimMessages.js';

export const baseModelLicenseConflict: Rule = {
  id: 'base-model-license-conflict',
  defaultSeverity: 'warning',
  summary: 'A model card declares an open license while its `base_model` is under a license that binds derivatives (a Llama fine-tune declared `mit`).',
  check({ project, policy }) {
    const findings: FindingDraft[] = [];
    for (const document of project.documents) {
      const card = document.frontMatter;
      if (!card || card.baseModels.length === 0) continue;
      for (const base of card.baseModels) {
        const known = baseModelLicense(base.name);
        if (!known || known.license === 'unknown' || known.restrictsDerivatives !== true) continue;
        const baseLicense = describeLicense(known.license);
        if (policy.acceptsLicense(baseLicense.id)) continue;
        for (const declaration of card.declarations) {
          if (judgeDeclaration(declaration, policy).outcome !== 'accepted') continue;
          findings.push({
            rule: this.id,
            file: declaration.file,
            span: declaration.span,
            message: `The card declares ${licenseName(declaration)}, but its base model ${base.name} is under the ${baseLicense.name}, which binds fine-tunes and other derivatives${baseLicense.reason ? ` (${baseLicense.reason})` : ''}: a derivative cannot be relicensed as ${licenseName(declaration)}.`,
            related: [{ file: document.file, span: base.span, message: `base_model: ${base.name} is under the ${baseLicense.name}${baseLicense.url ? ` (${baseLicense.url})` : ''}` }],
            fixes: [],
          });
        }
      }
    }
    return findings;
  },
};
