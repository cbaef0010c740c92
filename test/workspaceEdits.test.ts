// No write outside the workspace folder: the check every code action passes
// before it leaves the server (unit tests), and crafted cases through the
// real server (an echoed diagnostic.data carrying edits that point outside,
// `..`, a symlinked folder, a dangling LICENSE link, a document outside every
// folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { editStaysInside, entryExists, isInsideFolder, realPathOf, workspaceFolderOf } from '../server/src/lsp/workspaceEdits.js';
import { TestClient } from './support/lspClient.js';
import { makeWorkspace, tempDir } from './support/workspace.js';
import type { DiagnosticData, FixData } from '../server/src/protocol.js';
import { audit } from '../server/src/engine/audit.js';
import type { Fix } from '../server/src/engine/types.js';

const uri = (path: string) => pathToFileURL(path).href;
const insert = (target: string): WorkspaceEdit => ({ changes: { [target]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] } });
const create = (target: string): WorkspaceEdit => ({ documentChanges: [{ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: true } }, { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'MIT License' }] }] });

/** A workspace folder, a folder outside it, and a link from one into the other. */
function layout() {
  const outside = makeWorkspace({ 'README.md': 'X is open source.\n', 'package.json': '{"name": "outside"}\n', 'victim.txt': 'keep\n' });
  const root = makeWorkspace({ 'README.md': 'X is open source.\n', 'docs/guide.md': 'Guide.\n' });
  symlinkSync(outside, join(root, 'linked'), 'dir');
  symlinkSync(join(outside, 'LICENSE'), join(root, 'docs', 'LICENSE'));
  return { root, outside };
}

test('editStaysInside: edits and creations inside the folder pass; outside, `..`, symlinks out, existing files and other schemes do not', () => {
  const { root, outside } = layout();
  const readme = uri(join(root, 'README.md'));
  assert.equal(editStaysInside(insert(readme), root, readme), true);
  assert.equal(editStaysInside(insert(uri(join(root, 'docs', 'guide.md'))), root, readme), true);
  assert.equal(editStaysInside(create(uri(join(root, 'LICENSE'))), root, readme), true);
  assert.equal(editStaysInside(create(uri(join(root, 'new', 'deeper', 'LICENSE'))), root, readme), true, 'a file in folders still to be created');
  // outside, by absolute path, by `..` (as a path and percent-encoded), by a symlinked folder, through a dangling link
  assert.equal(editStaysInside(insert(uri(join(outside, 'victim.txt'))), root, readme), false);
  assert.equal(editStaysInside(insert(`${uri(root)}/../${outside.split('/').pop()!}/victim.txt`), root, readme), false);
  assert.equal(editStaysInside(insert(`${uri(root)}/%2e%2e/${outside.split('/').pop()!}/victim.txt`), root, readme), false);
  assert.equal(editStaysInside(insert(uri(join(root, 'linked', 'victim.txt'))), root, readme), false);
  assert.equal(editStaysInside(create(uri(join(root, 'linked', 'LICENSE'))), root, readme), false);
  assert.equal(editStaysInside(create(uri(join(root, 'docs', 'LICENSE'))), root, readme), false, 'a dangling link is written through');
  // creation over anything that exists
  assert.equal(editStaysInside(create(readme), root, readme), false);
  assert.equal(editStaysInside(create(uri(join(root, 'docs'))), root, readme), false);
  // the folder itself, other schemes, renames, deletions, malformed shapes
  assert.equal(editStaysInside(insert(uri(root)), root, readme), false);
  assert.equal(editStaysInside(insert('untitled:Untitled-1'), root, readme), false);
  assert.equal(editStaysInside(insert('http://example.org/x'), root, readme), false);
  assert.equal(editStaysInside({ documentChanges: [{ kind: 'rename', oldUri: readme, newUri: uri(join(root, 'x.md')) }] }, root, readme), false);
  assert.equal(editStaysInside({ documentChanges: [{ kind: 'delete', uri: readme }] }, root, readme), false);
  assert.equal(editStaysInside('nonsense' as unknown as WorkspaceEdit, root, readme), false);
  assert.equal(editStaysInside({ documentChanges: 'x' } as unknown as WorkspaceEdit, root, readme), false);
  assert.equal(editStaysInside({ documentChanges: [null] } as unknown as WorkspaceEdit, root, readme), false);
  // one edit outside spoils the whole action
  assert.equal(editStaysInside({ changes: { ...insert(readme).changes, ...insert(uri(join(outside, 'victim.txt'))).changes } }, root, readme), false);
  // outside every folder: only the document itself
  const loose = uri(join(outside, 'README.md'));
  assert.equal(editStaysInside(insert(loose), undefined, loose), true);
  assert.equal(editStaysInside(insert(uri(join(outside, 'victim.txt'))), undefined, loose), false);
  assert.equal(editStaysInside(create(uri(join(outside, 'LICENSE'))), undefined, loose), false);
});

test('a workspace folder that is itself reached through a symlink still takes edits inside it', () => {
  const real = makeWorkspace({ 'README.md': 'X.\n' });
  const alias = join(tempDir(), 'alias');
  symlinkSync(real, alias, 'dir');
  assert.equal(editStaysInside(create(uri(join(alias, 'LICENSE'))), alias, uri(join(alias, 'README.md'))), true);
  assert.equal(editStaysInside(insert(uri(join(real, 'README.md'))), alias, uri(join(alias, 'README.md'))), true);
});

test('isInsideFolder, realPathOf, entryExists, workspaceFolderOf', () => {
  assert.equal(isInsideFolder('/ws', '/ws/a/b'), true);
  assert.equal(isInsideFolder('/ws', '/ws/..a'), true, 'a name that starts with two dots is inside');
  assert.equal(isInsideFolder('/ws', '/ws-evil/a'), false, 'a sibling with the folder name as prefix is not inside');
  assert.equal(isInsideFolder('/ws', '/a'), false);
  assert.equal(isInsideFolder('/ws', '/'), false);
  const { root, outside } = layout();
  assert.equal(realPathOf(join(root, 'linked', 'a', 'b')), join(realPathOf(outside)!, 'a', 'b'));
  assert.equal(realPathOf(join(root, 'docs', 'LICENSE')), undefined, 'where a dangling link points is not followed');
  assert.equal(entryExists(join(root, 'docs', 'LICENSE')), true);
  assert.equal(entryExists(join(root, 'docs', 'nothing')), false);
  const inner = join(root, 'docs');
  assert.equal(workspaceFolderOf(uri(join(inner, 'guide.md')), [uri(root), uri(inner)]), inner, 'the innermost folder');
  assert.equal(workspaceFolderOf(uri(join(root, 'README.md')), [uri(root), uri(inner)]), root);
  assert.equal(workspaceFolderOf(uri(`${root}-evil/README.md`), [uri(root)]), undefined);
  assert.equal(workspaceFolderOf('untitled:1', [uri(root)]), undefined);
});

// ---------------------------------------------------------- the real server

async function withServer(folder: string, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient();
  try {
    await client.initialize(folder);
    await body(client);
  } finally {
    await client.stop();
  }
}

async function openWithDiagnostics(client: TestClient, documentUri: string, text: string): Promise<Diagnostic[]> {
  const published = client.diagnostics(documentUri, (params) => params.diagnostics.length > 0);
  await client.open(documentUri, text);
  return (await published).diagnostics;
}

/** The fixes the engine computes for the first finding in `file` (before the server's check drops any). */
const engineFixes = (files: Record<string, string>, file: string): Fix[] =>
  audit(Object.entries(files).map(([path, text]) => ({ path, text }))).findings.find((finding) => finding.file === file)?.fixes ?? [];

const codeActionsFor = async (client: TestClient, documentUri: string, diagnostic: Diagnostic) =>
  await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: documentUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];

test('server: a diagnostic.data echoed back with edits outside the folder gets no code action for them', async () => {
  const { root, outside } = layout();
  const readme = uri(join(root, 'README.md'));
  await withServer(root, async (client) => {
    const [diagnostic] = await openWithDiagnostics(client, readme, 'X is open source.\n');
    const outsideName = outside.split('/').pop()!;
    const crafted: FixData[] = [
      { title: 'inside', preferred: false, edit: insert(readme) },
      { title: 'absolute path outside', preferred: false, edit: insert(uri(join(outside, 'victim.txt'))) },
      { title: 'dot-dot', preferred: false, edit: insert(`${uri(root)}/../${outsideName}/victim.txt`) },
      { title: 'encoded dot-dot', preferred: false, edit: insert(`${uri(root)}/%2E%2E/${outsideName}/victim.txt`) },
      { title: 'through a symlinked folder', preferred: false, edit: insert(uri(join(root, 'linked', 'victim.txt'))) },
      { title: 'create outside', preferred: false, edit: create(uri(join(outside, 'LICENSE'))) },
      { title: 'create over an existing file', preferred: false, edit: create(readme) },
      { title: 'create through a dangling link', preferred: false, edit: create(uri(join(root, 'docs', 'LICENSE'))) },
      { title: 'rename', preferred: false, edit: { documentChanges: [{ kind: 'rename', oldUri: readme, newUri: uri(join(outside, 'moved.md')) }] } },
      { title: 'delete', preferred: false, edit: { documentChanges: [{ kind: 'delete', uri: readme }] } },
      { title: 'another scheme', preferred: false, edit: insert('vscode-userdata:/settings.json') },
      { title: 'malformed', preferred: false, edit: 'x' as unknown as WorkspaceEdit },
    ];
    // fixes do not travel in data: crafted ones sent back are ignored, the server offers its own
    const data = { ...(diagnostic.data as DiagnosticData), fixes: crafted };
    const actions = await codeActionsFor(client, readme, { ...diagnostic, data });
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.filter((title) => crafted.some((fix) => fix.title === title)), []);
    assert.ok(titles.some((title) => /^Create \S*LICENSE with the/u.test(title)), JSON.stringify(titles));
    // data that is not even an object: the same
    const recomputed = await codeActionsFor(client, readme, { ...diagnostic, data: { fixes: 'x' } });
    assert.deepEqual(recomputed.map((action) => action.title), titles);
  });
  assert.equal(readFileSync(join(outside, 'victim.txt'), 'utf8'), 'keep\n');
});

test('server: a document in a symlinked folder that leads out of the workspace gets no fix (its LICENSE would land outside)', async () => {
  const { root, outside } = layout();
  const linked = uri(join(root, 'linked', 'README.md'));
  await withServer(root, async (client) => {
    const [diagnostic] = await openWithDiagnostics(client, linked, 'X is open source.\n');
    assert.equal(diagnostic.code, 'claim-without-license');
    // the engine would create linked/LICENSE (which is outside/LICENSE) and edit linked/package.json
    const offered = engineFixes({ 'linked/README.md': 'X is open source.\n', 'linked/package.json': '{"name": "outside"}\n' }, 'linked/README.md');
    assert.ok(offered.some((fix) => fix.createFiles?.some((created) => created.file === 'linked/LICENSE')), JSON.stringify(offered.map((fix) => fix.title)));
    assert.ok(offered.some((fix) => fix.title === 'Declare MIT in package.json'));
    // the server does not read through the link (so linked/package.json is not the project's manifest, and the
    // LICENSE it may offer is the workspace folder's own), and no action edits or creates anything through it
    const actions = await codeActionsFor(client, linked, diagnostic);
    assert.deepEqual(actions.filter((action) => JSON.stringify(action.edit).includes(uri(join(root, 'linked')))).map((action) => action.title), []);
    assert.ok(actions.every((action) => editStaysInside(action.edit!, root, linked)), JSON.stringify(actions.map((action) => action.title)));
  });
  assert.equal(existsSync(join(outside, 'LICENSE')), false);
  assert.equal(readFileSync(join(outside, 'package.json'), 'utf8'), '{"name": "outside"}\n');
});

test('server: a dangling LICENSE link is an existing file: no fix creates a LICENSE through it', async () => {
  const outside = tempDir();
  const root = makeWorkspace({ 'README.md': 'X is open source.\n' });
  symlinkSync(join(outside, 'LICENSE'), join(root, 'LICENSE'));
  const readme = uri(join(root, 'README.md'));
  await withServer(root, async (client) => {
    const [diagnostic] = await openWithDiagnostics(client, readme, 'X is open source.\n');
    assert.equal(diagnostic.code, 'claim-without-license');
    const titles = (await codeActionsFor(client, readme, diagnostic)).map((action) => action.title);
    assert.ok(titles.some((title) => title.startsWith('Reword')), JSON.stringify(titles));
    assert.deepEqual(titles.filter((title) => /^Create \S*LICENSE with the/u.test(title)), []);
  });
});

test('server: a document outside every workspace folder gets only fixes that edit the document itself', async () => {
  const folder = makeWorkspace({ 'package.json': '{"name": "x"}\n' });
  const elsewhere = tempDir();
  mkdirSync(join(elsewhere, 'card'));
  writeFileSync(join(elsewhere, 'card', 'package.json'), '{"name": "y"}\n');
  const loose = uri(join(elsewhere, 'card', 'README.md'));
  await withServer(folder, async (client) => {
    const [diagnostic] = await openWithDiagnostics(client, loose, 'Y is open source.\n');
    const offered = engineFixes({ 'README.md': 'Y is open source.\n', 'package.json': '{"name": "y"}\n' }, 'README.md').map((fix) => fix.title);
    // the engine offers a LICENSE and a package.json edit next to it …
    assert.ok(offered.some((title) => /^Create \S*LICENSE with the/u.test(title)) && offered.some((title) => title.startsWith('Declare')), JSON.stringify(offered));
    // … but only the edits of the open document are actions
    const titles = (await codeActionsFor(client, loose, diagnostic)).map((action) => action.title);
    assert.ok(titles.length > 0 && titles.every((title) => /^(?:Reword|Suppress)/u.test(title)), JSON.stringify(titles));
  });
});
