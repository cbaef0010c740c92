import type { Fix } from '../types.js';
import type { Project } from '../project.js';
import { manifestLicenseEdit } from '../fixes/manifestLicenseEdit.js';
import { licenseFileText } from '../licenses/licenseTexts.js';
import { calledPhrase, capitalise, claimFindings, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

/** Declare Apache-2.0 or MIT in each manifest of the project, and in the claim's own model-card front matter. */
function manifestFixes(project: Project, claimFile: string): Fix[] {
  const card = project.documents.find((document) => document.file === claimFile && document.frontMatter);
  const targets = [...project.manifests, ...(card ? [project.markdown.get(claimFile)!] : [])];
  return ['Apache-2.0', 'MIT'].flatMap((id) => targets.flatMap((file) => {
    const edit = manifestLicenseEdit(file, id);
    return edit ? [{ title: `Declare ${id} in ${file.path.slice(file.path.lastIndexOf('/') + 1)}`, edits: [edit] }] : [];
  }));
}

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
      const modelOnly = context.workspace.declarationsFor(claim.file).length > 0;
      const what = modelOnly
        ? 'it declares a license only for the model, none for the code it speaks of'
        : 'it declares no license (no manifest license field, LICENSE file or License section)';
      return {
        message: `${capitalise(subject(claim))} ${calledPhrase(claim)}, but ${what}: without one, nobody may use, change or share it.`,
        related: [],
        fixes: [...manifestFixes(context.project.governing, claim.file), ...createLicenseFixes(context.project.governing.root), ...rewordFixes(claim)],
      };
    });
  },
};
