// What SECURITY.md promises, checked on the real processes: no network, no
// execution of anything (least of all from the workspace), no writes; a
// config file is data (JavaScript, prototype keys and huge nesting are
// refused with a clear message, never evaluated); globs and allow entries are
// literals, never regular expressions. The CLI and the language server run
// with test/support/sandboxPreload.cjs, which makes every outbound socket,
// DNS lookup, child process, worker and file write fail, and records the
// attempt and every module file loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol/node';
import { TestClient } from './support/lspClient.js';
import { cliPath, licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';
import { ConfigError, parseConfig } from '../server/src/engine/config.js';
import { ruleIds } from '../server/src/engine/rules/index.js';
import type { AuditSummary } from '../server/src/protocol.js';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Nodes } from 'mdast';
import { literalMarkdown } from '../server/src/lsp/markdownText.js';
import { messageHtml } from '../client/src/auditReport.js';

const preload = join(repoRoot, 'test', 'support', 'sandboxPreload.cjs');

interface SandboxRecord {
  kind: 'network' | 'exec' | 'write' | 'module' | 'worker';
  detail: string;
}

function newLog(): { file: string; records: () => SandboxRecord[] } {
  const file = join(tempDir('license-claims-sandbox-'), 'records.jsonl');
  writeFileSync(file, '');
  return { file, records: () => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SandboxRecord) };
}

/** The preload's settings: where to record, and the only code a worker thread may run (the bundle's folder). */
const sandboxEnv = (log: string) => ({ LICENSE_CLAIMS_SANDBOX_LOG: log, LICENSE_CLAIMS_SANDBOX_CODE: join(repoRoot, 'server', 'out') });

function sandboxedCli(args: string[], cwd: string, log: string) {
  const result = spawnSync(process.execPath, ['--require', preload, cliPath, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...sandboxEnv(log) } });
  assert.equal(result.signal, null, `killed (${result.signal}): ${result.stderr}`);
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Only the bundle (and its bin script, and the preload) may be loaded: nothing from node_modules at run time, nothing from any workspace. */
const allowedModule = (file: string) => file === preload || file.startsWith(join(repoRoot, 'server', 'out') + sep) || file.startsWith(join(repoRoot, 'bin') + sep);

function assertNothingEscaped(records: SandboxRecord[], bundle: string): void {
  assert.deepEqual(records.filter((entry) => entry.kind !== 'module' && entry.kind !== 'worker'), [], 'network, process or write attempts');
  assert.deepEqual(records.filter((entry) => entry.kind === 'worker' && !allowedModule(entry.detail)), [], 'workers on other code');
  const modules = records.filter((entry) => entry.kind === 'module').map((entry) => entry.detail);
  // the recorder saw the bundle load, so it was listening
  assert.ok(modules.includes(join(repoRoot, 'server', 'out', bundle)), JSON.stringify(modules));
  assert.deepEqual(modules.filter((file) => !allowedModule(file)), [], 'modules loaded from outside the bundle');
}

const markerCode = (name: string) => `require('fs').writeFileSync(require('path').join(__dirname, 'EXECUTED-${name}'), '');\n`;
const markerCommand = (name: string) => `node -e "require('fs').writeFileSync('EXECUTED-${name}', '')"`;

/** A workspace full of things that run when a tool is careless: npm scripts, JS configs next to the JSON one, a shadowing node_modules, build scripts, git hooks. */
function hostileWorkspace(): string {
  return makeWorkspace({
    'README.md': '# Evil\n\nEvil is open source.\n',
    'package.json': `${JSON.stringify({
      name: 'evil', version: '1.0.0', description: 'An open source tool', main: 'index.js', bin: { evil: 'index.js' },
      scripts: { preinstall: markerCommand('preinstall'), install: markerCommand('install'), postinstall: markerCommand('postinstall'), prepare: markerCommand('prepare'), test: markerCommand('test') },
      'license-claims': { config: './license-claims.config.js' },
    }, null, 2)}\n`,
    'index.js': markerCode('index'),
    '.license-claims.json': '{ "policy": "osi", "ignore": ["ignored/"] }\n',
    '.license-claims.js': `${markerCode('config-js')}module.exports = { policy: 'custom' };\n`,
    '.license-claims.cjs': markerCode('config-cjs'),
    '.license-claims.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('EXECUTED-config-mjs', import.meta.url), '');\n",
    'license-claims.config.js': markerCode('config-named'),
    'node_modules/spdx-license-list/package.json': '{"name": "spdx-license-list", "main": "index.js"}\n',
    'node_modules/spdx-license-list/index.js': markerCode('node-modules'),
    'node_modules/spdx-license-list/spdx-full.json': '{}\n',
    'node_modules/jsonc-parser/package.json': '{"name": "jsonc-parser", "main": "index.js"}\n',
    'node_modules/jsonc-parser/index.js': markerCode('node-modules-jsonc'),
    'node_modules/.bin/license-claims': `#!/bin/sh\n${markerCommand('bin')}\n`,
    'pyproject.toml': '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "evil_backend"\nbackend-path = ["."]\n\n[project]\nname = "evil"\ndescription = "An open source tool"\n',
    'evil_backend.py': "open('EXECUTED-python', 'w')\n",
    'setup.py': "open('EXECUTED-setup-py', 'w')\n",
    'Cargo.toml': '[package]\nname = "evil"\nversion = "0.1.0"\nbuild = "build.rs"\n',
    'build.rs': 'fn main() { std::fs::write("EXECUTED-build-rs", "").unwrap(); }\n',
    '.git/hooks/post-checkout': `#!/bin/sh\n${markerCommand('git-hook')}\n`,
    '.vscode/tasks.json': `{"version": "2.0.0", "tasks": [{"label": "x", "type": "shell", "command": ${JSON.stringify(markerCommand('task'))}, "runOptions": {"runOn": "folderOpen"}}]}\n`,
    'ignored/README.md': 'Also open source.\n',
    'docs/model/README.md': '---\nlicense: llama3\nbase_model: meta-llama/Meta-Llama-3-8B\n---\n\nAn open-source model.\n',
  });
}

function executedMarkers(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((path) => path.split(sep).pop()!.startsWith('EXECUTED-'));
}

test('the sandbox preload records and stops what it must (the checks below can fail)', () => {
  const log = newLog();
  const script = [
    "const attempts = [() => require('node:net').connect(443, 'example.org'), () => require('node:child_process').execSync('true'),",
    " () => require('node:fs').writeFileSync(process.argv[1], 'x'), () => fetch('https://example.org'), () => require('node:dns').lookup('example.org', () => {}),",
    " () => new (require('node:worker_threads').Worker)('process.exit()', { eval: true })];",
    'let stopped = 0; for (const attempt of attempts) { try { attempt(); } catch { stopped++; } }',
    'process.stdout.write(String(stopped));',
  ].join('\n');
  const target = join(tempDir(), 'written');
  const result = spawnSync(process.execPath, ['--require', preload, '-e', script, target], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...sandboxEnv(log.file) } });
  assert.equal(result.stdout, '6', result.stderr);
  assert.deepEqual(log.records().map((entry) => entry.kind), ['network', 'exec', 'write', 'network', 'network', 'exec']);
});

test('the CLI (audit, identify, explain) works with no network, no processes, no writes, and loads nothing but its bundle', () => {
  const log = newLog();
  const fixtures = join(repoRoot, 'test-fixtures');
  const audit = sandboxedCli(['audit', fixtures, '--format', 'json', '--fail-on', 'never'], repoRoot, log.file);
  assert.equal(audit.status, 0, audit.stderr);
  assert.ok((JSON.parse(audit.stdout) as { findings: unknown[] }).findings.length > 20);
  const hostile = hostileWorkspace();
  // run from inside the workspace, as a user would: its node_modules must not shadow the bundle's modules
  const sarif = sandboxedCli(['audit', '.', '--format', 'sarif', '--fail-on', 'never'], hostile, log.file);
  assert.equal(sarif.status, 0, sarif.stderr);
  assert.ok((JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] }).runs[0].results.length > 0);
  const text = sandboxedCli(['audit', '.'], hostile, log.file);
  assert.equal(text.status, 1, text.stderr);
  const identify = sandboxedCli(['identify', join(fixtures, 'openwashed-llama-license-file-repo', 'LICENSE'), '--format', 'json'], hostile, log.file);
  assert.equal(identify.status, 0, identify.stderr);
  assert.match(identify.stdout, /LicenseRef-/u);
  const explain = sandboxedCli(['explain', 'MIT', 'llama3', 'CC-BY-NC-4.0'], hostile, log.file);
  assert.equal(explain.status, 0, explain.stderr);
  assert.match(explain.stdout, /OSI/u);
  assertNothingEscaped(log.records(), 'license-claims.js');
  assert.deepEqual(executedMarkers(hostile), []);
});

test('the CLI without the sandbox executes nothing from a hostile workspace', () => {
  const hostile = hostileWorkspace();
  const result = spawnSync(process.execPath, [cliPath, 'audit', '.', '--format', 'json', '--fail-on', 'never'], { cwd: hostile, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(executedMarkers(hostile), []);
});

test('the language server (diagnostics, hover, code actions, completion, workspace audit, SARIF, status) works with no network, no processes, no writes', async () => {
  const log = newLog();
  const root = hostileWorkspace();
  const client = new TestClient({ nodeArgs: ['--require', preload], env: sandboxEnv(log.file) });
  try {
    await client.initialize(root);
    const readme = pathToFileURL(join(root, 'README.md')).href;
    const published = client.diagnostics(readme, (params) => params.diagnostics.length > 0);
    await client.open(readme, readFileSync(join(root, 'README.md'), 'utf8'));
    const [diagnostic] = (await published).diagnostics;
    assert.equal(diagnostic.code, 'claim-without-license');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: readme }, position: diagnostic.range.start }) as Hover | null;
    assert.ok(hover && JSON.stringify(hover.contents).length > 20);
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: readme }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
    assert.ok(actions.length > 0);
    const manifest = pathToFileURL(join(root, 'package.json')).href;
    const manifestText = '{\n  "name": "evil",\n  "license": ""\n}\n';
    await client.open(manifest, manifestText, 'json');
    const completion = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: manifest }, position: { line: 2, character: 14 } }) as CompletionItem[] | CompletionList;
    assert.ok((Array.isArray(completion) ? completion : completion.items).some((item) => item.label === 'MIT'));
    const summary = await client.connection.sendRequest('licenseClaims/auditWorkspace', {}) as AuditSummary;
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 5 && summary.findings.length > 0, JSON.stringify(summary));
    const { sarif } = await client.connection.sendRequest('licenseClaims/exportSarif', {}) as { sarif: string };
    assert.equal((JSON.parse(sarif) as { version: string }).version, '2.1.0');
    const status = await client.connection.sendRequest('licenseClaims/projectStatus', { uri: readme }) as { project: string };
    assert.equal(status.project, pathToFileURL(root).href);
    // a changed config file is read again (still as data)
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.license-claims.js')).href, type: 2 }, { uri: pathToFileURL(join(root, '.license-claims.json')).href, type: 2 }] });
    await client.connection.sendRequest('licenseClaims/projectStatus', { uri: readme });
  } finally {
    await client.stop();
  }
  assertNothingEscaped(log.records(), 'server.js');
  assert.deepEqual(executedMarkers(root), []);
});

test('the bundles hold no eval, no Function constructor, no dynamic require or import; the sources import no network or process module', () => {
  for (const bundle of ['server/out/server.js', 'server/out/server-bundle.js', 'server/out/license-claims.js']) {
    // the server's starter runs the bundle beside it, by a path it computes (server/src/serverStart.ts): that one require alone
    const code = readFileSync(join(repoRoot, bundle), 'utf8').replace(/\brequire\(bundle\)/gu, 'require("./server-bundle.js")');
    assert.doesNotMatch(code, /\beval\s*\(/u, bundle);
    assert.doesNotMatch(code, /\bnew Function\s*\(/u, bundle);
    assert.doesNotMatch(code, /\brequire\s*\(\s*[^"'\s)]/u, `${bundle}: require() of a computed name`);
    assert.doesNotMatch(code, /\bimport\s*\(/u, `${bundle}: dynamic import()`);
  }
  const sources = (dir: string): string[] => (readdirSync(join(repoRoot, dir), { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => join(dir, file));
  for (const file of [...sources('server/src'), ...sources('client/src')]) {
    const code = readFileSync(join(repoRoot, file), 'utf8');
    // vm: only the server's starter, which compiles the server's own bundle with V8's code cache (serverStart.ts)
    assert.doesNotMatch(code, file.endsWith('serverStart.ts') ? /from '(?:node:)?(?:net|tls|dgram|dns|http|https|http2|child_process|cluster|inspector)'/u : /from '(?:node:)?(?:net|tls|dgram|dns|http|https|http2|child_process|vm|cluster|inspector)'/u, file);
    // worker threads run the bundle's own worker script (the sandboxed runs above check that at run time)
    if (/from '(?:node:)?worker_threads'/u.test(code)) assert.doesNotMatch(code, /eval\s*:\s*true/u, file);
    assert.doesNotMatch(code, /\bFiles\.resolve/u, `${file}: vscode-languageserver's Files.resolve* spawns processes`);
    assert.doesNotMatch(code, /\beval\s*\(|\bnew Function\s*\(|\bimport\s*\(/u, file);
  }
});

// ------------------------------------------------- a config file is data

test('a config file that tries to be code is refused with a clear message, and nothing in it is evaluated', () => {
  const refused = (text: string) => {
    try {
      parseConfig(text, '.license-claims.json', ruleIds);
    } catch (error) {
      assert.ok(error instanceof ConfigError, String(error));
      return error.message;
    }
    assert.fail(`accepted: ${text.slice(0, 80)}`);
  };
  let evaluated = false;
  (globalThis as Record<string, unknown>).licenseClaimsEvaluated = () => (evaluated = true);
  assert.match(refused('module.exports = { policy: "osi" }; globalThis.licenseClaimsEvaluated();'), /^\.license-claims\.json: is not valid JSON/u);
  assert.match(refused('{ "policy": (function () { globalThis.licenseClaimsEvaluated(); return "osi"; })() }'), /is not valid JSON/u);
  assert.match(refused('{ "rules": { "claim-without-license": "off" }, "policy": `osi` }'), /is not valid JSON/u);
  assert.match(refused('export default { policy: "osi" }'), /is not valid JSON/u);
  assert.equal(evaluated, false);
  // prototype keys: refused, and nothing inherits them
  assert.match(refused('{ "__proto__": { "policy": "custom", "polluted": true } }'), /`__proto__` is refused: a config file is plain data/u);
  assert.match(refused('{ "rules": { "__proto__": { "claim-without-license": "off" } } }'), /`rules\.__proto__` is refused/u);
  assert.match(refused('{ "\\u005f_proto__": { "polluted": true } }'), /`__proto__` is refused/u);
  assert.match(refused('{ "constructor": { "prototype": { "polluted": true } } }'), /`constructor` is not a setting/u);
  assert.match(refused('{ "rules": { "constructor": "off" } }'), /`rules\.constructor` is not a rule/u);
  assert.match(refused('{ "rules": { "toString": "off" } }'), /`rules\.toString` is not a rule/u);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).policy, undefined);
  // huge nesting: a message, not a stack overflow
  assert.match(refused(`{ "ignore": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`), /`ignore` must be an array of strings/u);
  assert.match(refused(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), /must hold a JSON object/u);
  assert.match(refused(`{ "x": ${'{"a": '.repeat(50_000)}1${'}'.repeat(50_000)} }`), /`x` is not a setting/u);
  // what the file says is shown short and inert: no terminal escapes, no bidi overrides, no megabyte messages
  const escape = refused('{ "\\u001b[2J\\u202eevil": 1 }');
  assert.doesNotMatch(escape, /[\u001b\u202e]/u);
  assert.match(escape, /\\u001b\[2J\\u202eevil/u);
  assert.ok(refused(JSON.stringify({ allow: ['a'.repeat(1_000_000)] })).length < 300);
});

test('the CLI refuses a config file that is JavaScript (exit 2, the file named) and runs none of the JavaScript next to it', () => {
  const log = newLog();
  const root = makeWorkspace({
    'README.md': 'X is open source.\n',
    '.license-claims.json': `module.exports = (() => { ${markerCode('json-as-js')} return { policy: 'osi' }; })();\n`,
    '.license-claims.js': `${markerCode('config-js')}module.exports = {};\n`,
  });
  const result = sandboxedCli(['audit', '.'], root, log.file);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /invalid config: \.license-claims\.json: is not valid JSON/u);
  writeFileSync(join(root, '.license-claims.json'), '{ "__proto__": { "policy": "custom" } }\n');
  const proto = sandboxedCli(['audit', '.'], root, log.file);
  assert.equal(proto.status, 2, proto.stderr);
  assert.match(proto.stderr, /`__proto__` is refused/u);
  writeFileSync(join(root, '.license-claims.json'), `{ "ignore": ${'['.repeat(200_000)}${']'.repeat(200_000)} }\n`);
  const deep = sandboxedCli(['audit', '.'], root, log.file);
  assert.equal(deep.status, 2, deep.stderr);
  assert.match(deep.stderr, /`ignore` must be an array of strings/u);
  assert.doesNotMatch(deep.stderr, /RangeError|\n\s+at /u);
  assertNothingEscaped(log.records(), 'license-claims.js');
  assert.deepEqual(executedMarkers(root), []);
});

test('ignore globs are gitignore patterns with regular-expression characters taken literally: a ReDoS pattern neither hangs nor matches as a regex', () => {
  const evilPatterns = ['(a+)+$', '([a-zA-Z]+)*', 'x{1,3}', 'b|c', '(.*a){20}'];
  const root = makeWorkspace({
    '.license-claims.json': JSON.stringify({ ignore: evilPatterns }),
    'README.md': 'Root is open source.\n',
    '(a+)+$/README.md': 'Literal is open source.\n',
    [`${'a'.repeat(40)}!/README.md`]: 'Backtracking is open source.\n',
    'xx/README.md': 'Quantified is open source.\n',
    'b/README.md': 'Alternated is open source.\n',
    [`${'a'.repeat(30)}/README.md`]: 'Starred is open source.\n',
  });
  // the subprocess timeout (runCli's 120 s) bounds a hang; an exponential regex would need far longer than that
  const log = newLog();
  const result = sandboxedCli(['audit', '.', '--format', 'json', '--fail-on', 'never'], root, log.file);
  assert.equal(result.status, 0, result.stderr);
  const files = [...new Set((JSON.parse(result.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file))].sort();
  // only the folder literally named `(a+)+$` is ignored
  assert.deepEqual(files, [`${'a'.repeat(30)}/README.md`, `${'a'.repeat(40)}!/README.md`, 'README.md', 'b/README.md', 'xx/README.md'].sort());
});

test('allow entries are SPDX expressions, never patterns: a ReDoS-style or enormous entry is refused at once', () => {
  const root = makeWorkspace({ 'README.md': 'X is open source.\n' });
  const log = newLog();
  for (const entry of ['(a+)+$', '.*', `${'MIT OR '.repeat(20_000)}MIT`, `${'('.repeat(20_000)}MIT${')'.repeat(20_000)}`, 'a'.repeat(1_000_000)]) {
    writeFileSync(join(root, '.license-claims.json'), JSON.stringify({ allow: [entry] }));
    const result = sandboxedCli(['audit', '.'], root, log.file);
    assert.equal(result.status, 2, result.stderr.slice(0, 500));
    assert.match(result.stderr, /`allow` entry ".{1,61}" is not an SPDX id or expression/u);
    assert.ok(result.stderr.length < 1000, `${result.stderr.length} characters of error`);
  }
  // an id with a regular-expression wildcard in it is only ever itself
  writeFileSync(join(root, '.license-claims.json'), JSON.stringify({ policy: 'custom', allow: ['LicenseRef-a.b'] }));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', license: 'LicenseRef-aXb' }));
  const other = sandboxedCli(['audit', '.', '--format', 'json'], root, log.file);
  assert.equal(other.status, 1, other.stderr);
  assert.match(other.stdout, /"rule": ?"claim-non-osi-license"/u);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', license: 'LicenseRef-a.b' }));
  const same = sandboxedCli(['audit', '.', '--format', 'json'], root, log.file);
  assert.equal(same.status, 0, same.stdout);
  assertNothingEscaped(log.records(), 'license-claims.js');
});

test('a model card inside a hostile workspace is judged as usual: the config\'s ignore applies, node_modules is never read', () => {
  const root = hostileWorkspace();
  cpSync(join(repoRoot, 'test-fixtures', 'openwashed-llama-model-card'), join(root, 'card'), { recursive: true });
  const log = newLog();
  const result = sandboxedCli(['audit', '.', '--format', 'json', '--fail-on', 'never'], root, log.file);
  assert.equal(result.status, 0, result.stderr);
  const rules = (JSON.parse(result.stdout) as { findings: { rule: string; file: string }[] }).findings.map((finding) => `${finding.file} ${finding.rule}`);
  assert.ok(rules.includes('card/README.md claim-non-osi-license'), JSON.stringify(rules));
  assert.ok(!rules.some((entry) => entry.startsWith('ignored/')), 'the config file\'s ignore applies');
  assert.ok(!rules.some((entry) => entry.startsWith('node_modules/')));
  assertNothingEscaped(log.records(), 'license-claims.js');
});

// ------------------------------------- workspace text inside rendered Markdown

/** Every node of the Markdown a hover renders, as VS Code's renderer (CommonMark + GFM) would read it. */
function renderedNodes(markdown: string): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: Nodes[] = [fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    nodes.push(node);
    if ('children' in node) stack.push(...[...(node.children as Nodes[])].reverse());
  }
  return nodes;
}
/** A bare URL shown as a link (GFM autolink literal) is its own text: nothing is fetched, nothing hidden. */
const isLiteralAutolink = (node: Nodes) => node.type === 'link' && node.children.length === 1 && node.children[0].type === 'text' && [node.children[0].value, `http://${node.children[0].value}`, `mailto:${node.children[0].value}`].includes(node.url);
/** Nodes that fetch, link or render markup; a link to the rule documentation (the hover's own) is not counted. */
const active = (markdown: string) => renderedNodes(markdown)
  .filter((node) => ['image', 'imageReference', 'link', 'linkReference', 'html', 'definition', 'footnoteReference'].includes(node.type) && !isLiteralAutolink(node))
  .filter((node) => !(node.type === 'link' && (node.url.startsWith('https://github.com/license-claims/license-claims/blob/main/docs/rules/') || node.url.startsWith('command:licenseClaims.explainLicense?'))))
  .map((node) => node.type);
const shownText = (markdown: string) => renderedNodes(markdown).filter((node): node is Nodes & { value: string } => node.type === 'text' || node.type === 'inlineCode').map((node) => node.value).join('');

test('literalMarkdown: workspace text never renders as an image, a link or HTML, and reads as itself', () => {
  const hostile = [
    '![pixel](https://tracker.example/p.png)', '<img src="https://tracker.example/i.png">', '[x](https://e.example)', '<https://e.example>',
    '```![i](https://e.example/p.png)`', '`a` ![i](u) `b`', '\\`![i](u)`', '[ref]\n\n[ref]: https://e.example', '&lt;img src=x&gt;', '[^1]',
  ];
  for (const text of hostile) assert.deepEqual(active(literalMarkdown(text)), [], `${text} → ${literalMarkdown(text)}`);
  // code spans stay code spans
  assert.deepEqual(renderedNodes(literalMarkdown('Deprecated SPDX id `GPL-2.0`: say `GPL-2.0-only`')).filter((node) => node.type === 'inlineCode').length, 2);
  const markdownish = fc.string({ unit: fc.constantFrom('!', '[', ']', '(', ')', '<', '>', '`', '\\', '*', '_', '&', '#', ';', ':', '/', 'h', 't', 'p', 's', 'i', 'm', 'g', ' ', '.', '-', '|', '~', '\n', '=', '"'), maxLength: 40 });
  fc.assert(fc.property(markdownish, (text) => {
    const rendered = literalMarkdown(text);
    assert.deepEqual(active(rendered), [], rendered);
    // code-span backticks are markup; the rest reads exactly as written
    assert.equal(shownText(rendered).replace(/[\s`]+/gu, ''), text.replace(/[\s`]+/gu, ''), rendered);
  }), { numRuns: 2000, includeErrorInReport: true });
});

test('the VS Code audit report shows finding messages inertly too: as text, with code spans as <code> and nothing else', () => {
  const markupLeft = (html: string) => html.replace(/<\/?code>/gu, '').match(/[<>"]/gu) ?? [];
  assert.deepEqual(markupLeft(messageHtml('<img src="https://tracker.example/p.png"> `<b>x</b>`')), []);
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('!', '[', ']', '(', ')', '<', '>', '`', '\\', '"', "'", '&', 'h', 't', 'p', ':', '/', 'i', 'm', 'g', ' ', '.'), maxLength: 40 }), (text) => {
    assert.deepEqual(markupLeft(messageHtml(text)), [], messageHtml(text));
  }), { numRuns: 2000, includeErrorInReport: true });
});

test('server: a hover over a claim or a license value shows a hostile value as text (no image fetched, no HTML)', async () => {
  const hostileValue = 'SEE LICENSE IN ![pixel](https://tracker.example/p.png) <img src=https://tracker.example/i.png> ```![i](https://tracker.example/q.png)`';
  const manifest = `${JSON.stringify({ name: 'x', license: hostileValue }, null, 2)}\n`;
  const readmeText = 'X is open source.\n';
  const root = makeWorkspace({ 'package.json': manifest, 'README.md': readmeText });
  const client = new TestClient();
  try {
    await client.initialize(root);
    const readme = pathToFileURL(join(root, 'README.md')).href;
    const published = client.diagnostics(readme, (params) => params.diagnostics.length > 0);
    await client.open(readme, readmeText);
    const [claim] = (await published).diagnostics;
    const packageJson = pathToFileURL(join(root, 'package.json')).href;
    await client.open(packageJson, manifest, 'json');
    const hovers = [
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: readme }, position: claim.range.start }) as Hover,
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: packageJson }, position: { line: 2, character: 20 } }) as Hover,
    ];
    for (const hover of hovers) {
      const markdown = (hover.contents as { value: string }).value;
      assert.match(shownText(markdown), /!\[pixel\]\(https:\/\/tracker\.example\/p\.png\)/u, markdown);
      assert.deepEqual(active(markdown), [], markdown);
    }
  } finally {
    await client.stop();
  }
});

// ---------------------------------- workspace text printed to a terminal or CI log

test('CLI text output: control characters, line breaks and bidi overrides from the files are escaped (no terminal escapes, no CI workflow commands)', () => {
  const hostile = '\u001b[31mRED\u001b]8;;https://tracker.example\u0007link\u001b]8;;\u0007\n::error file=x::injected\r\n::add-mask::secret \u202eevil\u009b2J';
  const folder = 'a\u001b[2Jb\n::warning::folder';
  const root = makeWorkspace({
    'package.json': JSON.stringify({ name: 'x', license: hostile }),
    [`${folder}/README.md`]: 'X is open source.\n',
    [`${folder}/package.json`]: `{"name": "${'\\u001b'}[2J", "license": "CC-BY-NC-4.0", ,}`,
    [`${folder}/notes\u001b[2J.md`]: Buffer.from([0, 1, 2]),
  });
  const result = spawnSync(process.execPath, [cliPath, 'audit', '.', '--fail-on', 'never'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  for (const [name, stream] of [['stdout', result.stdout], ['stderr', result.stderr]]) {
    assert.doesNotMatch(stream, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u, `${name}: ${JSON.stringify(stream)}`);
    assert.ok(stream.split('\n').every((line) => !line.startsWith('::')), `${name}: ${stream}`);
  }
  // and still reads as what the file holds
  assert.match(result.stdout, /\\u001b\[31mRED/u);
  assert.match(result.stdout, /\\u000a::error file=x::injected/u);
  assert.match(result.stderr, /skipped a\\u001b\[2Jb\\u000a::warning::folder\/notes\\u001b\[2J\.md: binary/u);
  assert.match(result.stderr, /a\\u001b\[2Jb\\u000a::warning::folder\/package\.json:1:\d+: .*is not valid JSON/u);
  // JSON output keeps the exact value (JSON escapes control characters itself)
  const json = spawnSync(process.execPath, [cliPath, 'audit', '.', '--format', 'json', '--fail-on', 'never'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const findings = (JSON.parse(json.stdout) as { findings: { message: string }[] }).findings;
  assert.ok(findings.some((finding) => finding.message.includes(hostile)), JSON.stringify(findings));
});

test('identify: the added terms of a LICENSE are printed escaped, on one line', () => {
  const mit = licenseText('MIT').replace('<year> <copyright holders>', '2025 X').replace('Permission is hereby', 'You shall display "X"\u001b[2J\n::error::injected.\n\nPermission is hereby');
  const root = makeWorkspace({ LICENSE: mit });
  const result = spawnSync(process.execPath, [cliPath, 'identify', join(root, 'LICENSE')], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /LicenseRef-modified-MIT/u);
  assert.doesNotMatch(result.stdout, /\u001b/u);
  assert.equal(result.stdout.trimEnd().split('\n').length, 1, result.stdout);
});

// ------------------------------------------------- VS Code Restricted Mode

test('Restricted Mode: fully supported, no restricted settings; every setting is reviewed in SECURITY.md and none is free text that could name a program or a path', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] }; virtualWorkspaces: boolean };
    contributes: { configuration: { properties: Record<string, { type: string | string[]; enum?: unknown[]; items?: { type: string; enum?: unknown[] }; scope?: string }> } };
  };
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, undefined);
  assert.equal(manifest.capabilities.virtualWorkspaces, false);
  const security = readFileSync(join(repoRoot, 'SECURITY.md'), 'utf8');
  const settings = Object.entries(manifest.contributes.configuration.properties);
  assert.ok(settings.length >= 8);
  for (const [key, schema] of settings) {
    // a new setting must be reviewed for Restricted Mode: listed in SECURITY.md's table
    assert.match(security, new RegExp(`\\| \`${key.replace(/\./gu, '\\.')}\` \\|`, 'u'), `${key} is not reviewed in SECURITY.md`);
    // free text could name a program, a path or a URL: only enums, booleans, objects of enums, and the two validated lists
    const types = ([] as string[]).concat(schema.type);
    if (types.includes('string')) assert.ok(schema.enum, `${key} is free text`);
    if (types.includes('array')) assert.ok(schema.items?.enum || ['licenseClaims.allow', 'licenseClaims.ignore'].includes(key), `${key} is a free-text list`);
  }
  // the trace setting cannot be set per folder
  assert.equal(manifest.contributes.configuration.properties['licenseClaims.trace.server'].scope, 'window');
});
