import type { Fix, TextEdit } from '../types.js';
import { dirName, type Project } from '../project.js';
import { isReadmeName } from '../documents/markdownDocument.js';
import type { Policy } from '../licenses/policy.js';
import { isLeaf, parseExpression } from '../licenses/expression.js';
import { manifestLicenseEdit } from '../fixes/manifestLicenseEdit.js';
import { licenseFileText } from '../licenses/licenseTexts.js';
import { copyrightHolder } from '../fixes/copyrightHolder.js';
import { calledPhrase, capitalise, claimFindings, rewordFixes, subject } from './claimMessages.js';
import type { Rule } from './rule.js';

/**
 * The licenses a fix offers to declare: Apache-2.0 and MIT, when the policy
 * accepts them (a fix must not trade this finding for claim-non-osi-license),
 * else the single licenses the configuration allows.
 */
export function licensesToOffer(policy: Policy): string[] {
  const allowed = policy.allow.filter((entry) => {
    const node = parseExpression(entry);
    return node !== undefined && isLeaf(node) && node.license === entry && !entry.startsWith('LicenseRef-');
  });
  return [...new Set(['Apache-2.0', 'MIT', ...allowed])].filter((id) => policy.acceptsLicense(id)).slice(0, 2);
}

/**
 * Declare a license (Apache-2.0 or MIT) in each manifest of the project, and in the claim's own model-card front matter.
 * `edits` remembers each file's edit: it parses the file, and a project can have thousands of claims.
 */
function manifestFixes(project: Project, claimFile: string, ids: string[], edits: Map<string, TextEdit | undefined>): Fix[] {
  const card = project.documents.find((document) => document.file === claimFile && document.frontMatter);
  const targets = [...project.manifests, ...(card ? [project.markdown.get(claimFile)!] : [])];
  return ids.flatMap((id) => targets.flatMap((file) => {
    const key = `${file.path}\u0000${id}`;
    if (!edits.has(key)) edits.set(key, manifestLicenseEdit(file, id));
    const edit = edits.get(key);
    return edit ? [{ title: `Declare ${id} in ${file.path.slice(file.path.lastIndexOf('/') + 1)}`, edits: [edit] }] : [];
  }));
}

/**
 * Where a new LICENSE goes: beside the README or manifest of the folder the
 * claim belongs to (the claim's own folder, or the nearest one above it inside
 * the project that has one), not at whatever root the audit started from.
 */
const foldersWithReadme = new WeakMap<Project, Set<string>>();

function licenseFolder(project: Project, claimFile: string): string {
  let folders = foldersWithReadme.get(project);
  if (!folders) {
    folders = new Set([...project.manifests.map((file) => dirName(file.path)), ...[...project.markdown.keys()].filter((path) => isReadmeName(path)).map(dirName)]);
    foldersWithReadme.set(project, folders);
  }
  let dir = dirName(claimFile);
  while (dir !== project.root && dir !== '' && !folders.has(dir)) dir = dirName(dir);
  return dir.length >= project.root.length ? dir : project.root;
}

/** Create the LICENSE of the claim's folder (the title says where), naming the authors the project's manifests declare. */
function createLicenseFixes(project: Project, root: string, ids: string[]): Fix[] {
  const path = root === '' ? 'LICENSE' : `${root}/LICENSE`;
  const holder = copyrightHolder(project.manifests);
  return ids.flatMap((id) => {
    const text = licenseFileText(id, undefined, holder);
    return text ? [{ title: `Create ${root === '' ? './LICENSE' : path} with the ${id} license text`, edits: [], createFiles: [{ file: path, text }] }] : [];
  });
}

export const claimWithoutLicense: Rule = {
  id: 'claim-without-license',
  defaultSeverity: 'error',
  summary: 'An open-source claim in a project that declares no license at all.',
  check(context) {
    const edits = new Map<string, TextEdit | undefined>();
    return claimFindings(context, this.id, 'no-license', (claim) => {
      const modelOnly = context.workspace.declarationsFor(claim.file).length > 0;
      const what = modelOnly
        ? 'it declares a license only for the model, none for the code it speaks of'
        : 'it declares no license (no manifest license field, LICENSE file or License section)';
      return {
        message: `${capitalise(subject(claim))} ${calledPhrase(claim)}, but ${what}: without one, nobody may use, change or share it.`,
        related: [],
        fixes: [
          ...manifestFixes(context.project.governing, claim.file, licensesToOffer(context.policy), edits),
          ...createLicenseFixes(context.project.governing, licenseFolder(context.project.governing, claim.file), licensesToOffer(context.policy)),
          ...rewordFixes(claim),
        ],
      };
    });
  },
};
