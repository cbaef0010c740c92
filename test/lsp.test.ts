// Protocol tests: the bundled language server over real JSON-RPC (stdio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CancellationTokenSource, type CodeAction, type CompletionItem, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { parseTOML } from 'toml-eslint-parser';
import { applyWorkspaceEdit, TestClient } from './support/lspClient.js';
import { licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';
import type { AuditSummary, DiagnosticData } from '../server/src/protocol.js';

function copyFixture(name: string): string {
  const dir = tempDir(`license-claims-lsp-${name}-`);
  cpSync(join(repoRoot, 'test-fixtures', name), dir, { recursive: true });
  return dir;
}

const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;
const read = (uri: string) => (existsSync(fileURLToPath(uri)) ? readFileSync(fileURLToPath(uri), 'utf8') : undefined);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

async function withClient(root: string, body: (client: TestClient) => Promise<void>, settings?: () => Record<string, unknown>): Promise<void> {
  const client = new TestClient({ settings });
  try {
    await client.initialize(root);
    await body(client);
  } finally {
    await client.stop();
  }
}

test('diagnostics are pushed with code, docs link, source, related declarations and data; their fixes come as code actions', async () => {
  const root = copyFixture('openwashed-llama-model-card');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'claim-non-osi-license')!;
    assert.ok(diagnostic, JSON.stringify(codes(diagnostics)));
    assert.equal(diagnostic.source, 'license-claims');
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/claim-non-osi-license\.md$/);
    assert.match(diagnostic.message as string, /^Openwashing: the model is called/);
    assert.ok(diagnostic.relatedInformation!.length > 0);
    assert.ok(diagnostic.relatedInformation!.every((related) => related.location.uri.startsWith('file:')));
    assert.deepEqual(diagnostic.data as DiagnosticData, { rule: 'claim-non-osi-license', version: 1 });
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    assert.ok(actions.some((action) => /^Reword/.test(action.title)), JSON.stringify(actions.map((action) => action.title)));
  });
});

test('a burst of edits: diagnostics come in version order and the last version\'s survive', async () => {
  const root = makeWorkspace({ 'package.json': '{"name": "x", "license": "CC-BY-NC-4.0"}\n' });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const final = client.diagnostics(uri, (params) => params.version === 12);
    await client.open(uri, 'Nothing here.\n');
    for (let version = 2; version <= 12; version++) {
      await client.change(uri, version < 12 ? `Draft ${version} is open source.\n` : 'X is free software, and open source.\n', version);
    }
    const last = await final;
    assert.deepEqual(codes(last.diagnostics), ['claim-non-osi-license', 'claim-non-osi-license']);
    const versions = client.published.filter((params) => params.uri === uri).map((params) => params.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(", ")}`);
    assert.ok(versions.length < 11, `debounce: ${versions.length} publishes for 12 versions`);
  });
});

/** Applies every quick fix of every diagnostic, one at a time, and checks the re-judged document. */
async function checkEveryFix(fixture: string, file: string, languageId: string): Promise<number> {
  let applied = 0;
  const root = copyFixture(fixture);
  const uri = uriOf(root, file);
  const original = readFileSync(join(root, file), 'utf8');
  await withClient(root, async (client) => {
    const first = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, original, languageId);
    const { diagnostics } = await first;
    let version = 1;
    for (const diagnostic of diagnostics) {
      const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } }) as CodeAction[];
      assert.ok(actions.length > 0, `no quick fix for ${diagnostic.code}`);
      for (const action of actions) {
        const before = new Map<string, string | undefined>();
        const changed = applyWorkspaceEdit(action.edit!, (target) => (target === uri ? original : read(target)));
        for (const [target, text] of changed) {
          if (target === uri) continue;
          before.set(target, read(target));
          writeFileSync(fileURLToPath(target), text);
        }
        if (changed.size > (changed.has(uri) ? 1 : 0)) {
          await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [...changed.keys()].filter((target) => target !== uri).map((target) => ({ uri: target, type: before.get(target) === undefined ? 1 : 2 })) });
        }
        version++;
        const rejudged = client.diagnostics(uri, (params) => params.version === version);
        await client.change(uri, changed.get(uri) ?? original, version);
        const after = await rejudged;
        const same = after.diagnostics.filter((other) => other.code === diagnostic.code && other.range.start.line === diagnostic.range.start.line + (action.title.startsWith('Suppress') ? 1 : 0));
        assert.deepEqual(same.map((other) => other.message), [], `“${action.title}” left the ${diagnostic.code} finding`);
        for (const [target] of changed) {
          const text = target === uri ? changed.get(uri)! : read(target)!;
          if (target.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(text), target);
          if (target.endsWith('.toml')) assert.doesNotThrow(() => parseTOML(text), target);
        }
        // undo on disk for the next fix
        for (const [target, text] of before) {
          if (text === undefined) rmSync(fileURLToPath(target));
          else writeFileSync(fileURLToPath(target), text);
        }
        if (before.size > 0) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [...before.keys()].map((target) => ({ uri: target, type: 2 })) });
        applied++;
      }
    }
  });
  return applied;
}

test('every quick fix, applied, removes its finding and leaves manifests parsable', async () => {
  let applied = 0;
  applied += await checkEveryFix('claim-without-license-readme', 'README.md', 'markdown');
  applied += await checkEveryFix('openwashed-llama-model-card', 'README.md', 'markdown');
  applied += await checkEveryFix('invalid-license-id-apache-2', 'package.json', 'json');
  applied += await checkEveryFix('deprecated-gpl-2-package', 'package.json', 'json');
  applied += await checkEveryFix('license-mismatch-isc-manifest-mit-text', 'package.json', 'json');
  assert.ok(applied >= 10, `only ${applied} fixes applied`);
});

test('a fix that creates LICENSE never overwrites, and is not offered when a LICENSE file exists', async () => {
  const root = makeWorkspace({ 'README.md': 'X is open source.\n' });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const first = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, 'X is open source.\n');
    const [diagnostic] = (await first).diagnostics;
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    const create = actions.find((action) => /^Create \S*LICENSE with the/u.test(action.title))!;
    const created = create.edit!.documentChanges!.find((change) => 'kind' in change && change.kind === 'create') as { options: { overwrite: boolean; ignoreIfExists: boolean } };
    assert.deepEqual(created.options, { overwrite: false, ignoreIfExists: true });
  });
  // a LICENSE the walk cannot read (binary) declares nothing, but it is there: no fix creates one over it
  const binary = makeWorkspace({ 'README.md': 'X is open source.\n', LICENSE: Buffer.from([0, 1, 2, 3]) });
  await withClient(binary, async (client) => {
    const uri = uriOf(binary, 'README.md');
    const first = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, 'X is open source.\n');
    const [diagnostic] = (await first).diagnostics;
    assert.equal(diagnostic.code, 'claim-without-license');
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.deepEqual(actions.filter((action) => /^Create \S*LICENSE with the/u.test(action.title)), []);
  });
});

test('quick fixes work for a client that does not send diagnostic.data back', async () => {
  const root = copyFixture('invalid-license-id-apache-2');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'package.json');
    const first = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, readFileSync(join(root, 'package.json'), 'utf8'), 'json');
    const [diagnostic] = (await first).diagnostics;
    const { data: _dropped, ...withoutData } = diagnostic;
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: withoutData.range, context: { diagnostics: [withoutData] } }) as CodeAction[];
    assert.ok(actions.some((action) => action.title === 'Change the license to “Apache-2.0”' && action.isPreferred), JSON.stringify(actions.map((action) => action.title)));
    const fixAll = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: withoutData.range, context: { diagnostics: [], only: ['source.fixAll'] } }) as CodeAction[];
    assert.equal(fixAll.length, 1);
    assert.match(Object.values(fixAll[0].edit!.changes!)[0][0].newText, /^Apache-2\.0$/);
  });
});

test('hover explains a claim\'s verdict and a declared license', async () => {
  const root = copyFixture('openwashed-llama-model-card');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const text = readFileSync(join(root, 'README.md'), 'utf8');
    const first = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, text);
    const diagnostic = (await first).diagnostics.find((candidate) => candidate.code === 'claim-non-osi-license')!;
    const onClaim = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start }) as Hover;
    const claimText = (onClaim.contents as { value: string }).value;
    assert.match(claimText, /^\*\*Not backed\.\*\*/);
    assert.match(claimText, /Llama 3 Community License/);
    const licenseLine = text.split('\n').findIndex((line) => line.startsWith('license:'));
    const onLicense = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: licenseLine, character: 10 } }) as Hover;
    assert.match((onLicense.contents as { value: string }).value, /OSI-approved no/);
  });
});

test('an open LICENSE-MODEL shows its restrictive clauses as information, with a hover that explains the criterion; the claim\'s hover lists them', async () => {
  const root = copyFixture('openwashed-custom-model-license-file');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'LICENSE-MODEL');
    const text = readFileSync(join(root, 'LICENSE-MODEL'), 'utf8');
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, text, 'plaintext');
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line + 1]), [['restrictive-clause', 3, 8], ['restrictive-clause', 3, 11]]);
    // the squiggle covers the clause; the message names its kind and criterion without repeating it
    assert.match(diagnostics[0].message as string, /^Restricts fields of use — not open source \(OSD 6: No Discrimination Against Fields of Endeavor\)\.$/);
    const onClause = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostics[0].range.start }) as Hover;
    const clauseText = (onClause.contents as { value: string }).value;
    assert.match(clauseText, /OSD 6: No Discrimination Against Fields of Endeavor/);
    assert.match(clauseText, /restrictive-clause\.md/);
    const readme = uriOf(root, 'README.md');
    const claimPublished = client.diagnostics(readme, (params) => params.diagnostics.length > 0);
    await client.open(readme, readFileSync(join(root, 'README.md'), 'utf8'));
    const claim = (await claimPublished).diagnostics.find((diagnostic) => diagnostic.code === 'claim-non-osi-license')!;
    assert.match(claim.message as string, /LICENSE-MODEL restricts fields of use \(line 8\) — not open source \(OSD 6\)/);
    assert.ok(claim.relatedInformation?.some((related) => /line 8: “/.test(related.message)), 'the related location quotes the clause');
    const onClaim = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: readme }, position: claim.range.start }) as Hover;
    assert.match((onClaim.contents as { value: string }).value, /line 8: restricts fields of use \(OSD 6\)[\s\S]*line 11: forbids using it/);
  });
});

test('a README License section that restricts use shows its clauses as information and the claim cites the clause\'s line', async () => {
  const root = copyFixture('openwashed-readme-license-section-clauses');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line + 1]).sort(), [['claim-non-osi-license', 3], ['restrictive-clause', 11], ['restrictive-clause', 12]]);
    const claim = diagnostics.find((diagnostic) => diagnostic.code === 'claim-non-osi-license')!;
    assert.match(claim.message as string, /README\.md License section limits use to research \(line 11\) — not open source \(OSD 6\)/);
    const clause = diagnostics.find((diagnostic) => diagnostic.code === 'restrictive-clause')!;
    assert.equal(clause.severity, 3, 'information');
    const onClause = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: clause.range.start }) as Hover;
    assert.match((onClause.contents as { value: string }).value, /OSD 6: No Discrimination Against Fields of Endeavor/);
  });
});

test('an open README is judged by the license file it links in a subfolder (docs/MODEL_LICENSE.md), clause cited', async () => {
  const root = copyFixture('openwashed-readme-links-model-license');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line + 1]), [['claim-non-osi-license', 3]]);
    assert.match(diagnostics[0].message as string, /MODEL_LICENSE\.md restricts fields of use \(line 7\) — not open source \(OSD 6\)/);
  });
});

test('a model reference in an open YAML file gets an information diagnostic and a hover with its license', async () => {
  const root = copyFixture('closed-model-kaito-llama-preset');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'deploy/workspace.yaml');
    const text = readFileSync(join(root, 'deploy/workspace.yaml'), 'utf8');
    const published = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, text, 'yaml');
    const diagnostic = (await published).diagnostics.find((candidate) => candidate.code === 'claim-closed-model-dependency')!;
    assert.equal(diagnostic.severity, 3, 'information');
    assert.match(diagnostic.message as string, /^llama-3\.1-8b-instruct \(meta-llama\/Llama-3\.1-8B-Instruct\) — Llama 3\.1 Community License, not open source/u);
    assert.equal(diagnostic.range.start.line, text.split('\n').findIndex((line) => line.includes('llama-3.1-8b-instruct')));
    const onModel = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start }) as Hover;
    const value = (onModel.contents as { value: string }).value;
    assert.match(value, /run by default/u);
    assert.match(value, /OSI-approved no/u);
    assert.match(value, /0567d7f2e5040e991cc9c88a02d43d6befe15816/u, 'the KAITO source, at its commit');
    assert.doesNotMatch(value, /notes §|baseModels\.json/u, 'sources are shown as addresses, not the catalog\'s notes');
  });
});

test('an open README is judged against the models its project runs: claim-closed-model-dependency shows while typing, and follows the model files', async () => {
  // the KAITO Workspace sits in deploy/, below the README: only the project's model files can tell
  const root = copyFixture('closed-model-kaito-llama-preset');
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const opened = client.diagnostics(uri, (params) => params.version === 1);
    await client.open(uri, readFileSync(join(root, 'README.md'), 'utf8'));
    const first = (await opened).diagnostics;
    assert.deepEqual(codes(first), ['claim-closed-model-dependency'], 'the claim over the default Llama preset, on opening');
    assert.match(first[0].message as string, /llama-3\.1-8b-instruct \(meta-llama\/Llama-3\.1-8B-Instruct\), set by KAITO Workspace `inference\.preset\.name` in deploy\/workspace\.yaml/u);
    assert.ok(first[0].relatedInformation!.some((related) => related.location.uri === uriOf(root, 'deploy/workspace.yaml')), 'related: the reference');
    // typing a new claim: judged against the same model
    const typed = client.diagnostics(uri, (params) => params.version === 2);
    await client.change(uri, '# Askbot\n\nAskbot is an open-source platform.\n', 2);
    assert.deepEqual(codes((await typed).diagnostics), ['claim-closed-model-dependency']);
    // the model file changed on disk to an open model (Mistral 7B, Apache-2.0): the README is judged again, and is clean
    writeFileSync(join(root, 'deploy/workspace.yaml'), readFileSync(join(root, 'deploy/workspace.yaml'), 'utf8').replace('llama-3.1-8b-instruct', 'mistral-7b-instruct'));
    const clean = client.diagnostics(uri, (params) => params.version === 2 && params.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'deploy/workspace.yaml'), type: 2 }] });
    await clean;
  });
});

test('an open README does not see model files of nested projects, of examples folders or of ignored folders', async () => {
  const preset = (name: string) => `apiVersion: kaito.sh/v1beta1\nkind: Workspace\nmetadata:\n  name: w\ninference:\n  preset:\n    name: ${name}\n`;
  const root = makeWorkspace({
    'package.json': '{"name": "x", "license": "MIT"}\n',
    '.gitignore': 'scratch/\n',
    'examples/llama/workspace.yaml': preset('llama-3.1-8b-instruct'),
    'scratch/workspace.yaml': preset('llama-3.1-8b-instruct'),
    'plugins/other/package.json': '{"name": "other", "license": "MIT"}\n',
    'plugins/other/deploy/workspace.yaml': preset('llama-3.1-8b-instruct'),
  });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const judged = client.diagnostics(uri, (params) => params.version === 1);
    await client.open(uri, '# X\n\nX is a fully open-source AI assistant.\n');
    assert.deepEqual(codes((await judged).diagnostics), []);
  });
});

test("an open README is not warned over a model its own engine's sample deployment runs; a third-party engine's model still warns", async () => {
  const compose = (image: string, command: string) => `services:\n  s:\n    image: ${image}\n    command: ${command}\n`;
  const root = makeWorkspace({
    // SGLang's layout: the package is declared in a nested project (python/pyproject.toml), the compose file is the root's
    LICENSE: licenseText('Apache-2.0'),
    'python/pyproject.toml': '[project]\nname = "fastserve"\nlicense = "Apache-2.0"\n',
    'docker/compose.yaml': compose('org/fastserve:latest', 'python3 -m fastserve.server --model-path meta-llama/Llama-3.1-8B-Instruct'),
    'app/LICENSE': licenseText('Apache-2.0'),
    'app/pyproject.toml': '[project]\nname = "askdocs"\n',
    'app/docker-compose.yml': compose('vllm/vllm-openai:latest', '--model meta-llama/Llama-3.1-8B-Instruct'),
  });
  await withClient(root, async (client) => {
    const engine = uriOf(root, 'README.md');
    const quiet = client.diagnostics(engine, (params) => params.version === 1);
    await client.open(engine, '# FastServe\n\nFastServe is open source.\n');
    assert.deepEqual(codes((await quiet).diagnostics), []);
    const app = uriOf(root, 'app/README.md');
    const warned = client.diagnostics(app, (params) => params.version === 1);
    await client.open(app, '# AskDocs\n\nAskDocs is open source.\n');
    assert.deepEqual(codes((await warned).diagnostics), ['claim-closed-model-dependency']);
  });
});

test('completion offers license ids in license fields, Apache-2.0 and MIT first', async () => {
  const root = makeWorkspace({});
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'package.json');
    const text = '{\n  "name": "x",\n  "license": ""\n}\n';
    await client.open(uri, text, 'json');
    const items = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 14 } }) as CompletionItem[];
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(sorted.slice(0, 2).map((item) => item.label), ['Apache-2.0', 'MIT']);
    assert.ok(items.some((item) => item.label === 'GPL-3.0-only'));
    const outside = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 10 } }) as CompletionItem[];
    assert.deepEqual(outside, []);
    const card = uriOf(root, 'README.md');
    await client.open(card, '---\nlicense: ll\n---\n\nText.\n');
    const hub = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: card }, position: { line: 1, character: 11 } }) as CompletionItem[];
    assert.ok(hub.some((item) => item.label === 'llama3'));
  });
});

test('the workspace audit reports progress and publishes diagnostics for files that were never opened', async () => {
  const root = makeWorkspace({
    'packages/a/package.json': '{"name": "a", "license": "CC-BY-NC-4.0"}\n',
    'packages/a/README.md': 'A is open source.\n',
    'docs/guide.md': 'The guide is open source.\n',
    LICENSE: licenseText('MIT'),
  });
  await withClient(root, async (client) => {
    const unopened = uriOf(root, 'packages/a/README.md');
    const published = client.diagnostics(unopened, (params) => params.diagnostics.length > 0);
    const summary = await client.connection.sendRequest('licenseClaims/auditWorkspace', { workDoneToken: 'audit-1' }) as AuditSummary;
    assert.equal(summary.cancelled, false);
    assert.deepEqual(summary.findings.map((finding) => [finding.uri.slice(pathToFileURL(root).href.length), finding.rule]), [['/packages/a/README.md', 'claim-non-osi-license']]);
    assert.equal(summary.byRule['claim-non-osi-license'], 1);
    assert.deepEqual(codes((await published).diagnostics), ['claim-non-osi-license']);
    const kinds = client.progress.filter((entry) => entry.token === 'audit-1').map((entry) => entry.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const sarif = await client.connection.sendRequest('licenseClaims/exportSarif', {}) as { sarif: string };
    assert.equal(JSON.parse(sarif.sarif).runs[0].results[0].ruleId, 'claim-non-osi-license');
  });
});

test('the workspace audit streams: a project\'s diagnostics are published while the rest of the tree is still being read', async () => {
  // project a comes first in the walk; 600 pages of the root project come after it
  const pages = Object.fromEntries(Array.from({ length: 600 }, (_, index) => [`zdocs/page-${index}.md`, `Page ${index} is a page.\n`]));
  const root = makeWorkspace({ ...pages, 'a/package.json': '{"name": "a", "license": "CC-BY-NC-4.0"}\n', 'a/README.md': 'A is open source.\n', 'zdocs/README.md': 'The docs are open source.\n' });
  await withClient(root, async (client) => {
    const readme = uriOf(root, 'a/README.md');
    let progressWhenPublished = -1;
    const published = client.diagnostics(readme, (params) => params.diagnostics.length > 0).then((result) => {
      progressWhenPublished = client.progress.filter((entry) => entry.token === 'stream').length;
      return result;
    });
    const summary = await client.connection.sendRequest('licenseClaims/auditWorkspace', { workDoneToken: 'stream' }) as AuditSummary;
    assert.deepEqual(codes((await published).diagnostics), ['claim-non-osi-license']);
    const progress = client.progress.filter((entry) => entry.token === 'stream');
    const later = progress.slice(progressWhenPublished).map((entry) => entry.value.message ?? '');
    // files were still being read after a's diagnostics came
    assert.ok(later.some((message) => /read (\d+)\/(\d+) files/u.test(message) && Number(/read (\d+)/u.exec(message)![1]) < summary.files), JSON.stringify(later.slice(0, 5)));
    assert.ok(progress.some((entry) => /judged [1-9]\d* projects?…/u.test(entry.value.message ?? '')));
    assert.equal(summary.projects, 2);
  });
});

test('a cancelled workspace audit stops and publishes nothing', async () => {
  // enough files that the walk is still running when the cancellation arrives
  const many = Object.fromEntries(Array.from({ length: 1500 }, (_, index) => [`docs/page-${index}.md`, `Page ${index} is open source.\n`]));
  const root = makeWorkspace({ ...many, 'packages/a/package.json': '{"name": "a", "license": "CC-BY-NC-4.0"}\n', 'packages/a/README.md': 'A is open source.\n' });
  await withClient(root, async (client) => {
    const source = new CancellationTokenSource();
    const started = client.progressOf('audit-2', 'begin');
    const pending = client.connection.sendRequest('licenseClaims/auditWorkspace', { workDoneToken: 'audit-2' }, source.token) as Promise<AuditSummary>;
    // cancel once the server has begun (while it reads the 1,500 files)
    await started;
    source.cancel();
    const summary = await pending;
    assert.equal(summary.cancelled, true);
    assert.equal(client.published.filter((params) => params.uri === uriOf(root, 'packages/a/README.md')).length, 0);
  });
});

test('settings are pulled per resource and merged over .license-claims.json; a change re-judges', async () => {
  let policy: string | null = null;
  const root = makeWorkspace({ LICENSE: licenseText('BSD-3-Clause'), '.license-claims.json': '{"rules": {"osaid-incomplete": "off"}}' });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const quiet = client.diagnostics(uri, (params) => params.version === 1);
    await client.open(uri, 'X is open source.\n');
    assert.deepEqual(codes((await quiet).diagnostics), []);
    policy = 'apache-mit';
    const strict = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await strict;
    assert.deepEqual(codes(diagnostics), ['claim-non-osi-license']);
    assert.match(diagnostics[0].message as string, /is neither Apache-2\.0 nor MIT/);
  }, () => ({ enable: true, run: 'onType', policy, allow: [], rules: {}, ignore: [], languages: [] }));
});

test('a LICENSE changed on disk re-judges the documents it governs', async () => {
  const root = makeWorkspace({ LICENSE: licenseText('MIT') });
  await withClient(root, async (client) => {
    const uri = uriOf(root, 'README.md');
    const fine = client.diagnostics(uri, (params) => params.version === 1);
    await client.open(uri, 'X is open source.\n');
    assert.deepEqual(codes((await fine).diagnostics), []);
    writeFileSync(join(root, 'LICENSE'), licenseText('CC-BY-NC-4.0'));
    const judged = client.diagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, 'LICENSE'), type: 2 }] });
    assert.deepEqual(codes((await judged).diagnostics), ['claim-non-osi-license']);
  });
});

test('a LICENSE or manifest that is a symbolic link out of the workspace is not read; one inside it is', async () => {
  const outside = tempDir('license-claims-outside-');
  writeFileSync(join(outside, 'LICENSE'), licenseText('MIT'));
  writeFileSync(join(outside, 'package.json'), '{"name": "x", "license": "MIT"}\n');
  const root = makeWorkspace({ 'inside/LICENSE': licenseText('MIT') });
  symlinkSync(join(outside, 'LICENSE'), join(root, 'LICENSE'));
  symlinkSync(join(outside, 'package.json'), join(root, 'package.json'));
  // a link that stays inside the workspace is followed
  mkdirSync(join(root, 'sub'));
  symlinkSync(join(root, 'inside/LICENSE'), join(root, 'sub/LICENSE'));
  await withClient(root, async (client) => {
    const top = uriOf(root, 'README.md');
    const topJudged = client.diagnostics(top, (params) => params.version === 1);
    await client.open(top, 'X is open source.\n');
    assert.deepEqual(codes((await topJudged).diagnostics), ['claim-without-license']);
    const sub = uriOf(root, 'sub/README.md');
    const subJudged = client.diagnostics(sub, (params) => params.version === 1);
    await client.open(sub, 'Y is open source.\n');
    assert.deepEqual(codes((await subJudged).diagnostics), []);
  });
});

test('a document whose URI holds a malformed percent escape is not judged, and the server carries on', async () => {
  const root = makeWorkspace({ 'package.json': '{"name": "x", "license": "CC-BY-NC-4.0"}\n' });
  await withClient(root, async (client) => {
    const odd = `${pathToFileURL(root).href}/%E0%A4%A.md`;
    await client.open(odd, 'X is open source.\n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: odd, version: 2 }, contentChanges: [{ text: 'X is open source!\n' }] });
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: odd }, position: { line: 0, character: 6 } }).catch((error: unknown) => error);
    assert.ok(hover === null || hover instanceof Error, 'a hover on it answers null or an error');
    // still up: an ordinary document is judged
    const uri = uriOf(root, 'README.md');
    const judged = client.diagnostics(uri, (params) => params.version === 1);
    await client.open(uri, 'X is open source.\n');
    assert.deepEqual(codes((await judged).diagnostics), ['claim-non-osi-license']);
    assert.equal(client.process.exitCode, null, client.stderr);
  });
});

test('a document covered by the ignore setting or a config file\'s ignore gets no diagnostics', async () => {
  const root = makeWorkspace({ '.license-claims.json': '{"ignore": ["vendor/"]}' });
  await withClient(root, async (client) => {
    const vendored = uriOf(root, 'vendor/lib/README.md');
    const judged = uriOf(root, 'docs/README.md');
    const ignored = client.diagnostics(vendored, (params) => params.version === 1);
    const reported = client.diagnostics(judged, (params) => params.version === 1);
    await client.open(vendored, 'Lib is open source.\n');
    await client.open(judged, 'Docs are open source.\n');
    assert.deepEqual(codes((await ignored).diagnostics), []);
    assert.deepEqual(codes((await reported).diagnostics), ['claim-without-license']);
  });
});
