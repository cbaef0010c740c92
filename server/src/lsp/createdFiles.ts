// What happens around a quick fix that creates a file (a LICENSE): the
// copyright line names the workspace's git user when no manifest named
// anyone (`.git/config` read as data, never by running git), and the code
// action opens the new file with the placeholder still in it selected.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { holderPlaceholders } from '../engine/licenses/licenseTexts.js';

export const openCreatedFileCommand = 'licenseClaims.openCreatedFile';

const maxConfigBytes = 64 * 1024;

/** `user.name` from `<folder>/.git/config` (a regular file only), or undefined. */
export function gitUserName(folder: string | undefined): string | undefined {
  if (!folder) return undefined;
  const file = join(folder, '.git', 'config');
  try {
    // a .git folder of the workspace itself (a symbolic link could point anywhere; a worktree's .git is a file)
    if (!lstatSync(join(folder, '.git')).isDirectory()) return undefined;
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > maxConfigBytes) return undefined;
    let section = '';
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
      const header = /^\s*\[\s*([^\]\s"]+)(?:\s+"[^"]*")?\s*\]/u.exec(line);
      if (header) section = header[1].toLowerCase();
      const entry = /^\s*name\s*=\s*(.*?)\s*$/u.exec(line);
      if (section === 'user' && entry) {
        const name = entry[1].replace(/^"(.*)"$/u, '$1').trim();
        return name.length > 0 && name.length <= 100 ? name : undefined;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

type Change = NonNullable<WorkspaceEdit['documentChanges']>[number];
const createdUris = (changes: readonly Change[]) => new Set(changes.flatMap((change) => ('kind' in change && change.kind === 'create' ? [change.uri] : [])));
/** The text edits of files the edit creates. */
const createdTexts = (edit: WorkspaceEdit): TextDocumentEdit[] => {
  const changes = edit.documentChanges ?? [];
  const created = createdUris(changes);
  return changes.filter((change): change is TextDocumentEdit => 'textDocument' in change && created.has(change.textDocument.uri));
};
const newTextOf = (textEdit: TextDocumentEdit['edits'][number]) => ('newText' in textEdit ? textEdit.newText : textEdit.snippet.value);

/** The edit with the placeholder of each created file's copyright line replaced by `holder`. */
export function withCopyrightHolder(edit: WorkspaceEdit, holder: string | undefined): WorkspaceEdit {
  const changes = edit.documentChanges;
  if (!holder || !changes) return edit;
  const created = createdUris(changes);
  if (created.size === 0) return edit;
  const fill = (text: string) => holderPlaceholders.reduce((filled, placeholder) => filled.split(placeholder).join(holder), text);
  return {
    ...edit,
    documentChanges: changes.map((change): Change => ('textDocument' in change && created.has(change.textDocument.uri)
      ? { ...change, edits: change.edits.map((textEdit) => ('newText' in textEdit ? { ...textEdit, newText: fill(textEdit.newText) } : textEdit)) }
      : change)),
  };
}

/** A command that opens the first file the edit creates, selecting a placeholder left in it. */
export function openCreatedFile(edit: WorkspaceEdit): Command | undefined {
  const [created] = createdTexts(edit);
  if (!created) return undefined;
  const text = created.edits.map(newTextOf).join('');
  const at = Math.min(...holderPlaceholders.map((placeholder) => text.indexOf(placeholder)).filter((index) => index >= 0).concat(Infinity));
  let selection: Range | undefined;
  if (Number.isFinite(at)) {
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    const length = holderPlaceholders.find((placeholder) => text.startsWith(placeholder, at))!.length;
    selection = { start: { line, character }, end: { line, character: character + length } };
  }
  return { title: 'Open the new file', command: openCreatedFileCommand, arguments: selection ? [created.textDocument.uri, selection] : [created.textDocument.uri] };
}
