import type { Fix } from '../types.js';
import { licenseFileText } from '../licenses/licenseTexts.js';
import { calledPhrase, isOpennessClaim, rewordFixes, subject } from './claimMessages.js';
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
  check({ workspace, project, verdictOf }) {
    return project.claims.filter(isOpennessClaim).flatMap((claim) => {
      if (verdictOf(claim).outcome !== 'no-license') return [];
      const modelOnly = workspace.declarationsFor(claim).length > 0;
      const what = modelOnly
        ? 'it declares a license only for the model, none for the code it speaks of'
        : 'it declares no license (no manifest license field, LICENSE file or License section)';
      return [{
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `${capitalise(subject(claim))} ${calledPhrase(claim)}, but ${what}: without one, nobody may use, change or share it.`,
        related: [],
        fixes: [...createLicenseFixes(project.governing.root), ...rewordFixes(claim)],
      }];
    });
  },
};

/** Capitalises the start of a sentence, unless it starts with a file name ("package.json …"). */
export function capitalise(text: string): string {
  return /^[^\s]*\./u.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
