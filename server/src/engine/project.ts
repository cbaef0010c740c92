// Projects: the folder whose declarations govern a file is the nearest
// ancestor with a manifest or a LICENSE file. Each project is judged by its
// own declarations, falling back to the nearest ancestor project that has some.
import type { Claim, ClaimLanguage, Declaration, SourceFile } from './types.js';
import type { FileDeclarations, FileProblem, ProseField } from './declarations/declarationTypes.js';
import { packageJsonDeclarations } from './declarations/packageJsonDeclarations.js';
import { pyprojectDeclarations } from './declarations/pyprojectDeclarations.js';
import { cargoTomlDeclarations } from './declarations/cargoTomlDeclarations.js';
import { citationCffDeclarations } from './declarations/citationCffDeclarations.js';
import { codemetaDeclarations } from './declarations/codemetaDeclarations.js';
import { isLicenseFileName, licenseFileDeclarations } from './declarations/licenseFiles.js';
import { analyzeMarkdown, isReadmeName, type MarkdownFacts } from './documents/markdownDocument.js';
import { scanClaims } from './claims/claimScanner.js';
import type { ResolvedLicense } from './licenses/resolveLicense.js';
import { modelFileFormat, readModelReferences } from './models/modelReferences.js';
import type { ModelReference } from './models/modelReference.js';
import { ownProgramSamples } from './models/ownProgram.js';
import { hardwareProfileChoices } from './models/hardwareProfiles.js';

export type ResolvedDeclaration = Declaration & { resolved: ResolvedLicense };

const manifestReaders: Record<string, (file: SourceFile) => FileDeclarations> = {
  'package.json': packageJsonDeclarations,
  'pyproject.toml': pyprojectDeclarations,
  'Cargo.toml': cargoTomlDeclarations,
  'CITATION.cff': citationCffDeclarations,
  'codemeta.json': codemetaDeclarations,
};

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
export function dirName(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

export function isManifestName(name: string): boolean {
  return Object.hasOwn(manifestReaders, name);
}
export function isMarkdownName(name: string): boolean {
  return /\.(?:md|markdown|mdx)$/iu.test(name);
}
/** Files the engine reads: manifests, LICENSE files, Markdown, and the files that may name the models a project runs. */
export function isRelevantFile(path: string): boolean {
  const name = baseName(path);
  return isManifestName(name) || isLicenseFileName(name) || isMarkdownName(name) || modelFileFormat(name) !== undefined;
}

export interface Project {
  /** '' for the audited root, else a `/`-separated relative folder. */
  root: string;
  /** Declarations made in this project's own folder. */
  declarations: ResolvedDeclaration[];
  /** The project whose declarations govern when this one has none (itself when it has some). */
  governing: Project;
  claims: Claim[];
  documents: MarkdownFacts[];
  /** The manifests in the project's own folder (fixes insert a license into them). */
  manifests: SourceFile[];
  /** Markdown files of the project, by path (fixes edit their front matter). */
  markdown: Map<string, SourceFile>;
  /** The models its files name (deploy manifests, configs, code), in file order. */
  models: ModelReference[];
  /** The package names its manifests declare (package.json, pyproject.toml, Cargo.toml), normalised. */
  packages: { file: string; name: string }[];
}

export interface Workspace {
  projects: Project[];
  problems: FileProblem[];
  /** The declarations that govern a file's claims: a model card's own front matter, else its project's. */
  declarationsFor(file: string): ResolvedDeclaration[];
  projectOf(path: string): Project;
}

function proseFieldClaims(field: ProseField, languages?: readonly ClaimLanguage[]): Claim[] {
  return scanClaims(field.text)
    .filter((found) => !languages || languages.includes(found.language))
    .map((found) => {
      const span = field.exact ? { start: field.start + found.start, end: field.start + found.end } : { start: field.start, end: field.start + field.text.length };
      return { kind: found.kind, language: found.language, file: field.file, span, text: field.text.slice(found.start, found.end), aboutModel: found.aboutModel, namedLicense: found.namedLicense, ...(field.exact ? {} : { inexact: true }) };
    });
}

/**
 * What one file contributes, read on its own: plain data, so that it can be
 * read on a worker thread and kept in a cache. A manifest or LICENSE file
 * always sits in its own project's folder (its folder is a project root).
 */
export type FileFacts =
  | { kind: 'manifest'; read: FileDeclarations; claims: Claim[]; /** Fixes may insert a license field. */ editable: boolean }
  | { kind: 'license'; declarations: Declaration[] }
  | { kind: 'markdown'; document: MarkdownFacts }
  /** A YAML, JSON config, code, Modelfile or .env example file: the models it names. */
  | { kind: 'models'; references: ModelReference[] }
  | { kind: 'other' }
  /** Reading the file failed (a defect): the rest of the workspace is still judged. */
  | { kind: 'failed'; problem: FileProblem };

/**
 * Whether judging needs a file's text besides its facts: for the sentence
 * around a claim, a finding's or a declaration's line and column, a
 * model card's front matter,
 * suppression comment, a fix that edits the file, a problem's position, or a
 * manifest's `license-file` target. A Markdown page with no claim, no
 * declaration, no problem and no suppression comment needs none (most of a
 * tree's documentation).
 */
export function factsNeedText(facts: FileFacts): boolean {
  if (facts.kind === 'other') return false;
  if (facts.kind === 'models') return facts.references.length > 0;
  if (facts.kind !== 'markdown') return true;
  const document = facts.document;
  return (
    document.claims.length > 0 ||
    document.readmeDeclarations.length > 0 ||
    // a model card (its front matter governs it, fixes edit it)
    document.frontMatter !== undefined ||
    document.problems.length > 0 ||
    document.comments.some((comment) => comment.text.includes('license-claims-'))
  );
}

/** readFileFacts that turns a defect into a problem report for the file instead of failing the audit. */
export function readFileFactsSafely(file: SourceFile, languages?: readonly ClaimLanguage[], remember = false): FileFacts {
  try {
    return readFileFacts(file, languages, remember);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', problem: { file: file.path, span: { start: 0, end: 0 }, message: `${file.path} could not be read (internal error: ${reason.split('\n')[0]}); please report it` } };
  }
}

/** Reads one file. `remember`: the file is being edited (its Markdown chunks are kept for the next judgment). */
export function readFileFacts(file: SourceFile, languages?: readonly ClaimLanguage[], remember = false): FileFacts {
  const name = baseName(file.path);
  if (isManifestName(name)) {
    const read = manifestReaders[name](file);
    return { kind: 'manifest', read, claims: read.proseFields.flatMap((field) => proseFieldClaims(field, languages)), editable: name !== 'CITATION.cff' && name !== 'codemeta.json' };
  }
  if (isLicenseFileName(name)) return { kind: 'license', declarations: licenseFileDeclarations(file).declarations };
  if (isMarkdownName(name)) return { kind: 'markdown', document: analyzeMarkdown(file, { languages, remember }) };
  if (modelFileFormat(name)) {
    const references = readModelReferences(file);
    return references.length > 0 ? { kind: 'models', references } : { kind: 'other' };
  }
  return { kind: 'other' };
}

/**
 * Whether a file's facts make a project of its folder: a manifest or a LICENSE
 * file always does; a README does when it declares a license (a License
 * section, a license badge, a "licensed under …" sentence), as a manifest would.
 */
export function factsDefineProject(path: string, facts: FileFacts | undefined): boolean {
  const name = baseName(path);
  if (isManifestName(name) || isLicenseFileName(name)) return true;
  return facts?.kind === 'markdown' && isReadmeName(path) && facts.document.readmeDeclarations.length > 0;
}

/**
 * The project root (folder with a manifest, a LICENSE file or a README that
 * declares a license, or the audited root) of every path. `paths` are the files
 * that make projects (see factsDefineProject); manifests and LICENSE files among
 * them need no facts.
 */
export function projectRoots(paths: Iterable<string>): { roots: string[]; rootOf: (path: string) => string } {
  const roots = new Set<string>(['']);
  for (const path of paths) roots.add(dirName(path));
  const rootOf = (path: string): string => {
    let dir = dirName(path);
    while (dir !== '' && !roots.has(dir)) dir = dirName(dir);
    return dir;
  };
  return { roots: [...roots].sort(), rootOf };
}

export interface BuildOptions {
  /** The claim languages a project reports (all when undefined). */
  languages?: (root: string) => readonly ClaimLanguage[] | undefined;
  /** Files being edited, whose Markdown chunks are kept for the next judgment. */
  remember?: (path: string) => boolean;
  /** Facts already read (on worker threads, or cached); files it has none for are read here. */
  factsOf?: (file: SourceFile, languages: readonly ClaimLanguage[] | undefined) => FileFacts | undefined;
}

export function buildWorkspace(files: SourceFile[], options: BuildOptions = {}): Workspace {
  const languages = options.languages;
  // the facts of every file first (claim languages by the project its manifests and LICENSE files make):
  // a README that declares a license makes a project of its folder, whatever folder the audit starts from
  const preliminary = projectRoots(files.filter((file) => factsDefineProject(file.path, undefined)).map((file) => file.path));
  const factsOfFile = files.map((file) => {
    const projectLanguages = languages?.(preliminary.rootOf(file.path));
    return options.factsOf?.(file, projectLanguages) ?? readFileFactsSafely(file, projectLanguages, options.remember?.(file.path) ?? false);
  });
  const { roots, rootOf } = projectRoots(files.filter((file, index) => factsDefineProject(file.path, factsOfFile[index])).map((file) => file.path));
  const projects = new Map<string, Project>();
  for (const root of roots) {
    const project: Project = { root, declarations: [], governing: undefined as unknown as Project, claims: [], documents: [], manifests: [], markdown: new Map(), models: [], packages: [] };
    projects.set(root, project);
  }
  const projectOf = (path: string): Project => projects.get(rootOf(path))!;
  const problems: FileProblem[] = [];
  const frontMatterOf = new Map<string, ResolvedDeclaration[]>();
  for (const [index, file] of files.entries()) {
    const project = projectOf(file.path);
    const own = dirName(file.path) === project.root;
    const facts = factsOfFile[index];
    if (facts.kind === 'manifest') {
      if (facts.editable) project.manifests.push(file);
      if (facts.read.packageName) project.packages.push({ file: file.path, name: facts.read.packageName });
      project.declarations.push(...(facts.read.declarations as ResolvedDeclaration[]));
      problems.push(...facts.read.problems);
      project.claims.push(...facts.claims);
    } else if (facts.kind === 'failed') {
      problems.push(facts.problem);
    } else if (facts.kind === 'license') {
      project.declarations.push(...(facts.declarations as ResolvedDeclaration[]));
    } else if (facts.kind === 'models') {
      project.models.push(...facts.references);
    } else if (facts.kind === 'markdown') {
      const document = facts.document;
      project.markdown.set(file.path, file);
      project.documents.push(document);
      project.claims.push(...document.claims);
      problems.push(...document.problems);
      const frontMatterDeclarations = (document.frontMatter?.declarations ?? []) as ResolvedDeclaration[];
      const readmeDeclarations = document.readmeDeclarations as ResolvedDeclaration[];
      const projectReadme = own && isReadmeName(file.path);
      if (projectReadme) project.declarations.push(...frontMatterDeclarations, ...readmeDeclarations);
      // a model card governs its own claims: by its front matter (and, away from the project root, its README-style declarations too)
      if (frontMatterDeclarations.length > 0) frontMatterOf.set(file.path, projectReadme ? frontMatterDeclarations : [...frontMatterDeclarations, ...readmeDeclarations]);
    }
  }
  const filesByPath = new Map(files.map((file) => [file.path, file]));
  resolveFileReferences(projects.values(), filesByPath);
  // a model card away from its project's README governs its own claims: its links to license files are resolved too
  for (const [path, declarations] of frontMatterOf) {
    if (declarations.some((declaration) => declaration.fileReference)) frontMatterOf.set(path, resolveReferences(declarations, filesByPath, new Set()));
  }
  for (const project of projects.values()) {
    let governing = project;
    while (governing.declarations.length === 0 && governing.root !== '') governing = projectOf(governing.root);
    project.governing = governing.declarations.length > 0 ? governing : project;
  }
  ownProgramSamples(projects.values());
  hardwareProfileChoices(projects.values());
  return {
    projects: [...projects.values()],
    problems,
    projectOf,
    declarationsFor(file) {
      return frontMatterOf.get(file) ?? projectOf(file).governing.declarations;
    },
  };
}

/** The path a declaration's `license-file = "…"` reference points at (relative to the audited root). */
export function referenceTarget(declaration: Declaration): string | undefined {
  return declaration.fileReference === undefined ? undefined : normalisePath(`${dirName(declaration.file)}/${declaration.fileReference}`);
}

function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * `license-file = "LICENSE.txt"`: the file's identified text becomes the
 * declaration; when that file is a LICENSE file the project already read, the
 * reference adds nothing and is dropped.
 */
function resolveFileReferences(projects: Iterable<Project>, filesByPath: Map<string, SourceFile>): void {
  for (const project of projects) {
    // a set, not a search per reference: a manifest can list thousands of license files
    const licenseFiles = new Set(project.declarations.filter((other) => other.source === 'license-file').map((other) => other.file));
    project.declarations = resolveReferences(project.declarations, filesByPath, licenseFiles);
  }
}

/** The declarations with each file reference replaced by what its target's text declares (`licenseFiles`: targets already read). */
function resolveReferences(declarations: ResolvedDeclaration[], filesByPath: Map<string, SourceFile>, licenseFiles: Set<string>): ResolvedDeclaration[] {
  return declarations.flatMap((declaration) => {
    if (!declaration.fileReference) return [declaration];
    const path = referenceTarget(declaration)!;
    if (licenseFiles.has(path)) return [];
    const target = filesByPath.get(path);
    // a README's link to a file that is not there (or not read) declares nothing
    if (!target) return declaration.linked ? [] : [declaration];
    const [identified] = licenseFileDeclarations(target).declarations;
    // the text's verdict, and its restrictive clauses (cited by the claim; shown in the file itself)
    const carried = { ...(identified?.note ? { note: identified.note } : {}), ...(identified?.clauses ? { clauses: identified.clauses } : {}) };
    return [{ ...declaration, ...carried, expression: identified?.expression, unjudgeable: identified?.expression ? undefined : identified?.unjudgeable, resolved: { expression: identified?.expression, note: identified?.note, deprecatedIds: [] } }];
  });
}
