// The keystroke path through the real server: an edit re-judges the edited
// document, and a changed declaration re-judges only the open documents it
// can govern (its folder and below), not every open document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { licenseText, makeWorkspace } from './support/workspace.js';
import { TestClient } from './support/lspClient.js';

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;
const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((diagnostic) => diagnostic.code);

async function withClient(root: string, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = new TestClient();
  try {
    await client.initialize(root);
    await body(client);
  } finally {
    await client.stop();
  }
}

function workspace() {
  return makeWorkspace({
    LICENSE: licenseText('MIT'),
    'packages/a/package.json': '{"name": "a", "license": "MIT"}\n',
    'packages/a/README.md': 'A is open source.\n',
    'packages/b/package.json': '{"name": "b", "license": "MIT"}\n',
    'packages/b/README.md': 'B is open source.\n',
  });
}

/** A request answered after everything the server queued before it (its timers included) has run. */
async function settle(client: TestClient, uri: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
}

test('a manifest changed on disk re-judges the documents it governs, and only those', async () => {
  const root = workspace();
  await withClient(root, async (client) => {
    const a = uriOf(root, 'packages/a/README.md');
    const b = uriOf(root, 'packages/b/README.md');
    const aFirst = client.diagnostics(a);
    const bFirst = client.diagnostics(b);
    await client.open(a, 'A is open source.\n');
    await client.open(b, 'B is open source.\n');
    assert.deepEqual(codes((await aFirst).diagnostics), []);
    assert.deepEqual(codes((await bFirst).diagnostics), []);
    const bBefore = client.published.filter((params) => params.uri === b).length;

    writeFileSync(join(root, 'packages/a/package.json'), '{"name": "a", "license": "CC-BY-NC-4.0"}\n');
    const aAgain = client.diagnostics(a, (params) => params.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'packages/a/package.json'), type: 2 }] });
    assert.deepEqual(codes((await aAgain).diagnostics), ['claim-non-osi-license']);
    await settle(client, b);
    assert.equal(client.published.filter((params) => params.uri === b).length, bBefore, 'packages/b was judged again though nothing that governs it changed');
  });
});

test('editing an open manifest re-judges the documents below it as the editor holds it', async () => {
  const root = workspace();
  await withClient(root, async (client) => {
    const a = uriOf(root, 'packages/a/README.md');
    const b = uriOf(root, 'packages/b/README.md');
    const manifest = uriOf(root, 'packages/a/package.json');
    const ready = Promise.all([client.diagnostics(a), client.diagnostics(b), client.diagnostics(manifest)]);
    await client.open(a, 'A is open source.\n');
    await client.open(b, 'B is open source.\n');
    await client.open(manifest, '{"name": "a", "license": "MIT"}\n', 'json');
    await ready;
    const bBefore = client.published.filter((params) => params.uri === b).length;
    const aAgain = client.diagnostics(a, (params) => params.diagnostics.length > 0);
    // not saved: the open manifest's text is what governs
    await client.change(manifest, '{"name": "a", "license": "CC-BY-NC-4.0"}\n', 2);
    assert.deepEqual(codes((await aAgain).diagnostics), ['claim-non-osi-license']);
    await settle(client, b);
    assert.equal(client.published.filter((params) => params.uri === b).length, bBefore, 'packages/b was judged again though nothing that governs it changed');
  });
});

test('a LICENSE at the root governs every project below it: all are re-judged', async () => {
  const root = makeWorkspace({ LICENSE: licenseText('MIT'), 'docs/guide.md': 'Open source.\n', 'tools/notes.md': 'Also open source.\n' });
  await withClient(root, async (client) => {
    const guide = uriOf(root, 'docs/guide.md');
    const notes = uriOf(root, 'tools/notes.md');
    const ready = Promise.all([client.diagnostics(guide), client.diagnostics(notes)]);
    await client.open(guide, 'Open source.\n');
    await client.open(notes, 'Also open source.\n');
    await ready;
    writeFileSync(join(root, 'LICENSE'), licenseText('CC-BY-NC-4.0'));
    const both = Promise.all([client.diagnostics(guide, (params) => params.diagnostics.length > 0), client.diagnostics(notes, (params) => params.diagnostics.length > 0)]);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'LICENSE'), type: 2 }] });
    for (const params of await both) assert.deepEqual(codes(params.diagnostics), ['claim-non-osi-license']);
  });
});
