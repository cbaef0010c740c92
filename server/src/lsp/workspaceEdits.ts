// The last check before a code action leaves the server: every file its
// WorkspaceEdit edits or creates must be inside the document's workspace
// folder once `..` segments and symbolic links are resolved, and a file it
// creates must not exist (not even as a dangling link, which would be written
// through). The edits come from the engine, but a client sends
// `diagnostic.data` back and may send anything: nothing is trusted.
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { pathOfUri } from './fileUris.js';

/** Whether anything (a file, a folder, a link, even a dangling one) is at `path`. */
export function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    // only "no such entry" means free; any other error (permissions, a file as a folder) is not a yes to creating it
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Where `path` really is: its longest existing prefix with every symbolic
 * link resolved, plus the parts that do not exist yet. Undefined when that
 * cannot be told (a dangling link, an unreadable folder).
 */
export function realPathOf(path: string): string | undefined {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    if (entryExists(current)) {
      try {
        return join(realpathSync(current), ...missing.reverse());
      } catch {
        return undefined;
      }
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    missing.push(basename(current));
    current = parent;
  }
}

/** Whether `path` is `folder` or inside it (both absolute and normalised). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}


/**
 * Whether applying `edit` writes only inside `folder` (a workspace folder's
 * path). Without a folder (a document outside every workspace folder) only
 * edits of `documentUri` itself pass: nothing is created, no other file is
 * touched. Renames and deletions never pass (no fix makes them).
 */
export function editStaysInside(edit: WorkspaceEdit | undefined, folder: string | undefined, documentUri: string): boolean {
  // a client may echo anything back: an unexpected shape passes nothing
  if (typeof edit !== 'object' || edit === null) return false;
  const { changes = {}, documentChanges = [] } = edit;
  if (typeof changes !== 'object' || changes === null || !Array.isArray(documentChanges)) return false;
  const edited: string[] = Object.keys(changes);
  const created: string[] = [];
  for (const change of documentChanges as unknown[]) {
    if (typeof change !== 'object' || change === null) return false;
    const { kind, uri, textDocument } = change as { kind?: unknown; uri?: unknown; textDocument?: { uri?: unknown } };
    if (kind !== undefined) {
      if (kind !== 'create' || typeof uri !== 'string') return false;
      created.push(uri);
    } else {
      if (typeof textDocument?.uri !== 'string') return false;
      edited.push(textDocument.uri);
    }
  }
  if (folder === undefined) return created.length === 0 && edited.every((uri) => uri === documentUri);
  const realFolder = realPathOf(folder);
  if (realFolder === undefined) return false;
  const inside = (uri: string) => {
    const path = pathOfUri(uri);
    const real = path === undefined ? undefined : realPathOf(path);
    return real !== undefined && isInsideFolder(realFolder, real) && real !== realFolder;
  };
  return created.every((uri) => inside(uri) && !entryExists(pathOfUri(uri)!)) && edited.every(inside);
}

/** The workspace folder (a path) that holds `uri`: the innermost one; undefined when none does. */
export function workspaceFolderOf(uri: string, folderUris: readonly string[]): string | undefined {
  const path = pathOfUri(uri);
  if (path === undefined) return undefined;
  const folders = folderUris.map(pathOfUri).filter((folder): folder is string => folder !== undefined).sort((a, b) => b.length - a.length);
  return folders.find((folder) => isInsideFolder(resolve(folder), resolve(path)));
}
