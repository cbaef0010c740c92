import type { Fix } from '../types.js';
import { licenseFileText } from '../licenses/licenseTexts.js';
import { calledPhrase, capitalise, claimFindings, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

function createLicenseFixes(root: string): Fix[] {
  const path = root === '' ? 'LICENSE' : `${root}/LICENSE`;
  return ['Apache-2.0', 'MIT'].flatMap((id) => {
    const text = licenseFileText(id);
    return text ? [{ title: `Add a LICENSE file with the ${id} license text`, edits: [], createFiles: [{ file: path, text }] }] : [];
  });
}

export const claimWithoutLicense: Rule = {
  id: 'claim-without-license',
  defaultSeverity: 'error',
  summary: 'An open-source claim in a project that declares no license at all.',
  check(context) {
    return claimFindings(context, this.id, 'no-license', (claim) => {
      const modelOnly = context.workspace.declarationsFor(claim).length > 0;
      const what = modelOnly
        ? 'it declares a license only for the model, none for the code it speaks of'
        : 'it declares no license (no manifest license field, LICENSE file or License section)';
      return {
        message: `${capitalise(subject(claim))} ${calledPhrase(claim)}, but ${what}: without one, nobody may use, change or share it.`,
        related: [],
        fixes: [...createLicenseFixes(context.project.governing.root), ...rewordFixes(claim)],
      };
    });
  },
};
