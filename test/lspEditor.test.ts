// Protocol tests of what an editor user reads: the hover (what the
// diagnostics do not say), the explain page, the status bar's project
// status, and the quick fix that creates a LICENSE (holder, where, opened).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { TestClient } from './support/lspClient.js';
import { licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';
import { explainLicenseRequest, projectStatusRequest } from '../server/src/protocol.js';

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;

async function withClient(root: string, body: (client: TestClient) => Promise<void>, shown?: { uri: string; selection?: unknown }[]): Promise<void> {
  const client = new TestClient(shown ? { showDocument: (params) => shown.push(params) } : {});
  try {
    await client.initialize(root);
    await body(client);
  } finally {
    await client.stop();
  }
}

async function openAndJudge(client: TestClient, uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
  const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
  await client.open(uri, text, languageId);
  return (await published).diagnostics;
}

const hoverText = async (client: TestClient, uri: string, position: { line: number; character: number }) =>
  ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Hover | null)?.contents as { value: string } | undefined)?.value ?? '';

test('the hover over a failing claim gives the verdict in a line, the restrictions as a short list and an Explain link, and repeats no diagnostic', async () => {
  const root = tempDir('license-claims-hover-');
  cpSync(join(repoRoot, 'test-fixtures', 'openwashed-llama-model-card'), root, { recursive: true });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const diagnostics = await openAndJudge(client, uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const onClaim = diagnostics.find((diagnostic) => diagnostic.code === 'claim-non-osi-license')!;
    const hover = await hoverText(client, uri, onClaim.range.start);
    const lines = hover.split('\n');
    assert.match(lines[0], /^\*\*Not backed\.\*\* Llama 3 Community License \(front matter `license`\) is not open source under the `osi` policy\.$/u);
    assert.ok(lines.some((line) => /^- \*user threshold\*: /u.test(line)), hover);
    assert.match(hover, /\[Explain Meta Llama 3 Community License Agreement\]\(command:licenseClaims\.explainLicense\?%5B%22LicenseRef-Llama-3-Community-License%22%5D /u);
    for (const diagnostic of diagnostics) {
      const message = diagnostic.message as string;
      assert.ok(!hover.includes(message.slice(0, 60)), `the hover repeats: ${message}`);
    }
    assert.doesNotMatch(hover, /[\u2600-\u27BF\u{1F300}-\u{1FAFF}\u25A1]/u, 'no emoji or icon glyphs');
    assert.ok(hover.length < 900, `${hover.length} characters`);
    assert.ok(lines.filter((line) => line.startsWith('- ')).length <= 5, hover);
  });
});

test('the hover over a backed claim says so in a line; over a license value it names the license and links Explain', async () => {
  const root = makeWorkspace({ 'package.json': '{\n  "name": "x",\n  "license": "MIT"\n}\n', LICENSE: licenseText('MIT'), 'README.md': 'X is open source.\n' });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    await client.open(uri, 'X is open source.\n');
    const hover = await hoverText(client, uri, { line: 0, character: 8 });
    assert.match(hover, /^\*\*Backed\.\*\* The claim is backed: MIT \(package\.json `license`\), MIT \(LICENSE \(MIT text\)\) are open source under the `osi` policy\.$|^\*\*Backed\.\*\* The claim is backed: /u);
    const manifest = uriOf(root, 'package.json');
    await client.open(manifest, readFileSync(join(root, 'package.json'), 'utf8'), 'json');
    const onValue = await hoverText(client, manifest, { line: 2, character: 16 });
    assert.match(onValue, /^\*\*MIT License\*\* \(`MIT`\): OSI-approved yes, FSF free\/libre yes\./u);
    assert.match(onValue, /\[Explain MIT License\]\(command:licenseClaims\.explainLicense\?/u);
  });
});

test('licenseClaims/explainLicense: a license id, or the open LICENSE file, as a Markdown page with sources as links and no internal notes', async () => {
  const root = makeWorkspace({ LICENSE: licenseText('MIT') });
  await withClient(root, async (client) => {
    const llama = (await client.connection.sendRequest(explainLicenseRequest, { query: 'llama3' }))!;
    assert.equal(llama.id, 'LicenseRef-Llama-3-Community-License');
    assert.match(llama.markdown, /^# Meta Llama 3 Community License Agreement\n/u);
    assert.match(llama.markdown, /## Restrictions\n\n- \*\*user threshold\*\*: /u);
    assert.match(llama.markdown, /^- \[License text\]\(<https:\/\/huggingface\.co\/meta-llama\/[^>]+>\)$/mu);
    assert.doesNotMatch(llama.markdown, /research notes|text ?phrases|corpus|listVersionAdded/iu);
    assert.equal(await client.connection.sendRequest(explainLicenseRequest, { query: 'no-such-license' }), null);
    const license = uriOf(root, 'LICENSE');
    await client.open(license, licenseText('MIT'), 'plaintext');
    const fromFile = (await client.connection.sendRequest(explainLicenseRequest, { uri: license }))!;
    assert.equal(fromFile.id, 'MIT');
    assert.match(fromFile.markdown, /^LICENSE is identified as this license \\\(its text matches \d+%\\\)/mu);
  });
});

test('project status for the status bar: a classifier beside an id is not repeated; an empty value is named as such', async () => {
  const root = makeWorkspace({
    'py/pyproject.toml': '[project]\nname = "x"\nlicense = "BSD-3-Clause"\nclassifiers = ["License :: OSI Approved :: BSD License"]\n',
    'py/README.md': 'X is open source.\n',
    'js/package.json': '{"name": "y", "license": ""}\n',
    'js/README.md': 'Y is open source.\n',
  });
  await withClient(root, async (client) => {
    for (const [path, licenses] of [['py/README.md', 'BSD-3-Clause'], ['js/README.md', 'empty license']]) {
      const uri = uriOf(root, path);
      const judged = client.diagnostics(uri);
      await client.open(uri, readFileSync(join(root, path), 'utf8'));
      await judged;
      const status = await client.connection.sendRequest(projectStatusRequest, { uri });
      assert.equal(status.licenses, licenses, path);
    }
  });
});

const createLicense = (actions: CodeAction[]) => actions.find((action) => /^Create \S*LICENSE with the MIT license text$/u.test(action.title));
const createdText = (action: CodeAction) => {
  const insert = action.edit!.documentChanges!.find((change) => 'textDocument' in change) as { edits: { newText: string }[] };
  return insert.edits[0].newText;
};

async function licenseFix(root: string, readme: string, shown?: { uri: string; selection?: unknown }[], after?: (client: TestClient, action: CodeAction) => Promise<void>): Promise<CodeAction> {
  let found: CodeAction | undefined;
  await withClient(root, async (client) => {
    const uri = uriOf(root, readme);
    const [diagnostic] = await openAndJudge(client, uri, readFileSync(join(root, readme), 'utf8'));
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    found = createLicense(actions);
    assert.ok(found, JSON.stringify(actions.map((action) => action.title)));
    await after?.(client, found);
  }, shown);
  return found!;
}

test('"Create LICENSE": the title says where, the holder comes from the manifest, and the action opens the new file', async () => {
  const root = makeWorkspace({ 'packages/a/package.json': '{"name": "a", "author": "Ada Lovelace <ada@example.org> (https://ada.example)"}\n', 'packages/a/README.md': 'A is open source.\n' });
  const shown: { uri: string; selection?: unknown }[] = [];
  const action = await licenseFix(root, 'packages/a/README.md', shown, async (client, found) => {
    assert.equal(found.command?.command, 'licenseClaims.openCreatedFile');
    await client.connection.sendRequest('workspace/executeCommand', { command: found.command!.command, arguments: found.command!.arguments });
  });
  assert.equal(action.title, 'Create packages/a/LICENSE with the MIT license text');
  assert.match(createdText(action), new RegExp(`^Copyright \\(c\\) ${new Date().getFullYear()} Ada Lovelace$`, 'mu'));
  assert.deepEqual(shown.map((params) => params.uri), [uriOf(root, 'packages/a/LICENSE')]);
});

test('"Create LICENSE": the git user of the workspace when no manifest names anyone, else the placeholder selected', async () => {
  const withGit = makeWorkspace({ 'README.md': 'X is open source.\n', '.git/config': '[core]\n\tbare = false\n[user]\n\tname = Grace Hopper\n\temail = grace@example.org\n' });
  assert.match(createdText(await licenseFix(withGit, 'README.md')), /^Copyright \(c\) \d{4} Grace Hopper$/mu);
  const bare = makeWorkspace({ 'README.md': 'X is open source.\n' });
  const action = await licenseFix(bare, 'README.md');
  const text = createdText(action);
  const line = text.split('\n').findIndex((candidate) => candidate.includes('<copyright holders>'));
  const character = text.split('\n')[line].indexOf('<copyright holders>');
  assert.deepEqual(action.command?.arguments, [uriOf(bare, 'LICENSE'), { start: { line, character }, end: { line, character: character + '<copyright holders>'.length } }]);
});
