// The files of an open document's project that may name the models it runs
// (compose files, KAITO and Helm YAML, .env examples, Modelfiles, config
// JSON, Python/TS/JS), so that the per-document check of a README or a
// manifest judges its claims against the project's default models as the
// workspace audit does. The project is the nearest folder at or above the
// document with a manifest or a LICENSE file (else the workspace folder);
// its files are those below it, down to the folders of nested projects
// (a manifest or LICENSE file of their own), as the engine assigns them.
// The package manifests of nested projects are kept too: they name the
// project's own program (models/ownProgram.ts). Left out, because no
// reference in them can be a default: .git, node_modules, .gitignore'd paths, and examples, tests and docs folders
// (isNotDefaultFolder); files the engine's literal pre-scan
// (mayNameModels) rules out are not kept. Bounded: at most `maxEntries` folder
// entries are looked at; a larger project is left to the workspace audit.
import ignore from 'ignore';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../engine/types.js';
import { isManifestName } from '../engine/project.js';
import { isLicenseFileName } from '../engine/declarations/licenseFiles.js';
import { modelFileFormat } from '../engine/models/modelReferences.js';
import { isNotDefaultFolder } from '../engine/models/modelReference.js';
import { alwaysSkipped, isIgnored, type IgnoreLayer } from '../files/walk.js';

export interface ModelFileSource {
  /** The entries of a folder (cached; empty when it cannot be read). */
  entries(absoluteDir: string): Dirent[];
  /** A file's text (open document first, else disk; undefined for binary, huge or unreadable files). */
  read(absolutePath: string): string | undefined;
  /** A file's text when it may name a model (mayNameModels), else undefined (cached either way). */
  modelText(absolutePath: string): string | undefined;
}

const maxEntries = 20000;
/** The manifests that give a package's name (manifestNames.ts). */
const packageManifest = new Set(['package.json', 'pyproject.toml', 'Cargo.toml']);

/** Whether a folder's files make it a project of its own (a manifest or a LICENSE file). */
export function definesProject(names: Iterable<string>): boolean {
  for (const name of names) if (isManifestName(name) || isLicenseFileName(name)) return true;
  return false;
}

/**
 * The project's model-reference files at and below `projectFolder` (an
 * engine path: `/`-separated, relative to `root`, the workspace folder, ''
 * for the root itself), with engine paths.
 */
export function projectModelFiles(source: ModelFileSource, root: string, projectFolder: string): SourceFile[] {
  const found: SourceFile[] = [];
  let budget = maxEntries;
  const visit = (folder: string, layers: IgnoreLayer[], top: boolean): void => {
    const absolute = folder === '' ? root : join(root, folder);
    const entries = source.entries(absolute);
    budget -= entries.length;
    if (budget < 0) return;
    // a nested project's files are its own (the engine gives them to it); its package manifests name the
    // project's own program (SGLang's python/pyproject.toml), which makes a model argument of it a sample (ownProgram.ts)
    if (!top && definesProject(entries.filter((entry) => entry.isFile()).map((entry) => entry.name))) {
      for (const entry of entries) {
        if (!entry.isFile() || !packageManifest.has(entry.name)) continue;
        const text = source.read(join(absolute, entry.name));
        if (text !== undefined) found.push({ path: `${folder}/${entry.name}`, text });
      }
      return;
    }
    const gitignore = entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? source.read(join(absolute, '.gitignore')) : undefined;
    const here = gitignore === undefined ? layers : [...layers, { base: folder, rules: ignore().add(gitignore) }];
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (alwaysSkipped.has(entry.name) || isNotDefaultFolder(entry.name) || isIgnored(here, path, true)) continue;
        visit(path, here, false);
        if (budget < 0) return;
      } else if (entry.isFile()) {
        if (!modelFileFormat(entry.name) || isIgnored(here, path, false)) continue;
        const text = source.modelText(join(absolute, entry.name));
        if (text !== undefined) found.push({ path, text });
      }
    }
  };
  // the .gitignore files of the folders above the project apply too
  const layers: IgnoreLayer[] = [];
  const parts = projectFolder === '' ? [] : projectFolder.split('/');
  for (let depth = 0; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    const text = source.read(join(root, folder, '.gitignore'));
    if (text !== undefined) layers.push({ base: folder, rules: ignore().add(text) });
  }
  visit(projectFolder, layers, true);
  return budget < 0 ? [] : found;
}
