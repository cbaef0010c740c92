// A README or model card that links a license file inside its project ("see
// [LICENSE-MODEL](LICENSE-MODEL)", "[license](./docs/MODEL_LICENSE.md)"): the
// link declares what that file's text declares. The project reads the file
// (project.ts resolveFileReferences) and judges it as a LICENSE text, clauses
// and all. Only a License section's relative link to a file named as a license
// file, at or below the README's folder, counts (a news item linking a model's
// license is about that model).
import type { DeclarationScope, Span } from '../types.js';
import type { LinkTarget } from '../markdown/references.js';
import { fileReferenceDeclaration } from './declarationTypes.js';
import { isLicenseFileName, licenseFileScope } from './licenseFiles.js';

/** The link's target relative to the README's folder (`docs/MODEL_LICENSE.md`), when it is a license file inside it. */
export function linkedLicenseReference(url: string): string | undefined {
  // no scheme, no site-absolute path, no fragment-only link
  if (/^[a-z][a-z0-9+.-]*:|^[/\\#]/iu.test(url)) return undefined;
  let path = url.replace(/[?#].*$/su, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    // outside the README's folder: another project's file
    if (part === '..') return undefined;
    parts.push(part);
  }
  const name = parts[parts.length - 1];
  return name !== undefined && isLicenseFileName(name) ? parts.join('/') : undefined;
}

/** The license files a README links, from its Markdown source (for the editor, which reads only the files it needs). */
export function linkedLicensePaths(readmePath: string, text: string): string[] {
  const dir = readmePath.includes('/') ? readmePath.slice(0, readmePath.lastIndexOf('/') + 1) : '';
  const found = new Set<string>();
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gmu)) {
    const reference = linkedLicenseReference(match[1] ?? match[2]);
    if (reference) found.add(`${dir}${reference}`);
  }
  return [...found];
}

/** One declaration per license file the README links (the first link to each), resolved by the project. */
export function linkedLicenseDeclarations(file: string, links: LinkTarget[]) {
  const seen = new Set<string>();
  const declarations: ReturnType<typeof fileReferenceDeclaration>[] = [];
  for (const link of links) {
    const reference = linkedLicenseReference(link.url);
    if (!reference || seen.has(reference)) continue;
    seen.add(reference);
    const span: Span = link.span;
    const scope: DeclarationScope = licenseFileScope(reference.slice(reference.lastIndexOf('/') + 1));
    declarations.push({ ...fileReferenceDeclaration('readme-prose', file, span, reference, `README link to ${reference}`), scope, linked: true });
  }
  return declarations;
}
