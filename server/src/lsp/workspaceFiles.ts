// The files the server judges a document against: the document itself (as
// the editor holds it) and the manifests, LICENSE files, READMEs and config
// files of its folder and every folder above it up to the workspace folder —
// the only places whose declarations can govern it — and the license files
// those READMEs link; for a README, a model card or a manifest, also the
// files of its project that name the models it runs (projectModelFiles.ts).
// Read from open documents first, then from disk (cached until a
// watched-file event says otherwise); a symbolic link that leads out of the workspace folder is not followed.
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFile } from '../engine/types.js';
import { configFileName } from '../engine/config.js';
import { isManifestName, isMarkdownName } from '../engine/project.js';
import { mayNameModels, modelFileFormat } from '../engine/models/modelReferences.js';
import { definesProject, projectModelFiles } from './projectModelFiles.js';
import { isLicenseFileName } from '../engine/declarations/licenseFiles.js';
import { linkedLicensePaths } from '../engine/declarations/linkedLicense.js';
import { isReadmeName } from '../engine/documents/markdownDocument.js';
import { readRegularFile } from '../files/walk.js';
import { pathOfUri } from './fileUris.js';

export interface DocumentContext {
  /** The workspace folder (absolute path) the engine's paths are relative to. */
  root: string;
  /** The document's engine path. */
  path: string;
  files: SourceFile[];
  /** Config files from the root down to the document's folder, by engine folder path. */
  configs: Map<string, { path: string; text: string }>;
  /** The folder (absolute) whose model files were read as the project's (projectModelFiles), when they were. */
  modelFolder?: string;
}

const toPosix = (path: string) => path.split(sep).join('/');

function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

export class WorkspaceFiles {
  private folders: string[] = [];
  private readonly contents = new Map<string, string | undefined>();
  private readonly listings = new Map<string, Dirent[]>();
  /** Texts of files that may name a model (undefined for the others: their text is not kept). */
  private readonly modelTexts = new Map<string, string | undefined>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.map(pathOfUri).filter((path) => path !== undefined).sort((a, b) => b.length - a.length);
  }

  /** Forget what is cached about a file (and its folder's listing) after a change on disk. */
  invalidate(uri: string): void {
    const path = pathOfUri(uri);
    if (path === undefined) return;
    this.contents.delete(path);
    this.modelTexts.delete(path);
    this.listings.delete(dirname(path));
    this.realFolders.clear();
  }

  rootOf(absolutePath: string): string {
    return this.folders.find((folder) => absolutePath === folder || absolutePath.startsWith(`${folder}${sep}`)) ?? dirname(absolutePath);
  }

  private listing(dir: string): string[] {
    return this.entries(dir).map((entry) => entry.name);
  }

  private entries(dir: string): Dirent[] {
    let entries = this.listings.get(dir);
    if (!entries) {
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        entries = [];
      }
      this.listings.set(dir, entries);
    }
    return entries;
  }

  /** A file's text when it may name a model (the engine's pre-scan), else undefined; only such texts are kept. */
  private modelText(absolutePath: string): string | undefined {
    const format = modelFileFormat(absolutePath.slice(absolutePath.lastIndexOf(sep) + 1));
    if (!format) return undefined;
    const open = this.documents.get(pathToFileURL(absolutePath).href);
    if (open) return mayNameModels(format, open.getText()) ? open.getText() : undefined;
    if (this.modelTexts.has(absolutePath)) return this.modelTexts.get(absolutePath);
    const cached = this.contents.has(absolutePath);
    const text = this.read(absolutePath);
    // read() keeps every text it reads: these are kept only when they may name a model
    if (!cached) this.contents.delete(absolutePath);
    const kept = text !== undefined && mayNameModels(format, text) ? text : undefined;
    this.modelTexts.set(absolutePath, kept);
    return kept;
  }

  /** The text of a file: the open document's, else the disk's (undefined for binary, huge or unreadable files). */
  read(absolutePath: string): string | undefined {
    const open = this.documents.get(pathToFileURL(absolutePath).href) ?? this.documents.all().find((document) => pathOfUri(document.uri) === absolutePath);
    if (open) return open.getText();
    if (this.contents.has(absolutePath)) return this.contents.get(absolutePath);
    // as the workspace audit does: a symbolic link that leads out of the workspace folder is not followed
    if (!this.insideItsFolder(absolutePath)) {
      this.contents.set(absolutePath, undefined);
      return undefined;
    }
    // never blocks: a FIFO or device named README.md reads as nothing, as does a file over the limit
    const read = readRegularFile(absolutePath);
    const text = 'bytes' in read && !read.bytes.subarray(0, 8000).includes(0) ? read.bytes.toString('utf8') : undefined;
    this.contents.set(absolutePath, text);
    return text;
  }

  /** Real paths of the workspace folders (and of the folders of documents outside them). */
  private readonly realFolders = new Map<string, string | undefined>();

  /** Whether the file, its links resolved, lies inside the real path of its workspace folder. */
  private insideItsFolder(absolutePath: string): boolean {
    const folder = this.rootOf(absolutePath);
    if (!this.realFolders.has(folder)) this.realFolders.set(folder, realPathOf(folder));
    const realFolder = this.realFolders.get(folder);
    const real = realPathOf(absolutePath);
    // a file that does not exist (yet) reads as nothing anyway
    if (real === undefined || realFolder === undefined) return real === undefined;
    return real === realFolder || real.startsWith(realFolder.endsWith(sep) ? realFolder : `${realFolder}${sep}`);
  }

  exists(absolutePath: string): boolean {
    return this.listing(dirname(absolutePath)).includes(absolutePath.slice(dirname(absolutePath).length + 1));
  }

  contextOf(document: TextDocument): DocumentContext | undefined {
    const absolute = pathOfUri(document.uri);
    if (absolute === undefined) return undefined;
    const root = this.rootOf(absolute);
    const path = toPosix(relative(root, absolute));
    const files = new Map<string, SourceFile>([[path, { path, text: document.getText() }]]);
    const configs = new Map<string, { path: string; text: string }>();
    // the folder of the document's project: the nearest with a manifest or a LICENSE file, else the workspace folder
    let projectFolder: string | undefined;
    for (let dir = dirname(absolute); ; dir = dirname(dir)) {
      const folder = toPosix(relative(root, dir));
      const names = this.listing(dir);
      if (projectFolder === undefined && (dir === root || definesProject(names))) projectFolder = folder;
      for (const name of names) {
        const filePath = folder ? `${folder}/${name}` : name;
        if (files.has(filePath)) continue;
        if (name === configFileName) {
          const text = this.read(join(dir, name));
          if (text !== undefined) configs.set(folder, { path: filePath, text });
        } else if (isManifestName(name) || isLicenseFileName(name) || isReadmeName(name)) {
          const text = this.read(join(dir, name));
          if (text !== undefined) files.set(filePath, { path: filePath, text });
        }
      }
      if (dir === root || dirname(dir) === dir || !dir.startsWith(root)) break;
    }
    // the license files the READMEs link ("see [the model license](docs/MODEL_LICENSE.md)"): their texts are the declarations
    for (const file of [...files.values()]) {
      if (!isReadmeName(file.path)) continue;
      for (const target of linkedLicensePaths(file.path, file.text)) {
        if (files.has(target)) continue;
        const text = this.read(join(root, ...target.split('/')));
        if (text !== undefined) files.set(target, { path: target, text });
      }
    }
    // a README's, a model card's or a manifest's claims are judged against the models the project runs by default
    const name = basename(absolute);
    if (projectFolder !== undefined && (isMarkdownName(name) || isManifestName(name))) {
      const source = { entries: (dir: string) => this.entries(dir), read: (file: string) => this.read(file), modelText: (file: string) => this.modelText(file) };
      for (const file of projectModelFiles(source, root, projectFolder)) if (!files.has(file.path)) files.set(file.path, file);
      return { root, path, files: [...files.values()], configs, modelFolder: join(root, projectFolder) };
    }
    return { root, path, files: [...files.values()], configs };
  }
}
