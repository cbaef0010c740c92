// The real language server under load: a 1 MB Markdown document with
// thousands of claims, 1,000 didChange notifications over ~10 s while hover
// requests keep coming at the claims. Every hover is answered, the final
// diagnostics are the final version's and match a fresh CLI audit of the
// final text, and memory comes back down. And: a workspace audit of a large
// tree is cancelled within a second.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type Hover, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from './support/lspClient.js';
import { cliPath, makeWorkspace, tempDir } from './support/workspace.js';
import type { AuditSummary } from '../server/src/protocol.js';
import { random } from '../bench/tree/generateTree.mjs';

const filler = ['It reads configuration files and writes reports.', 'See the documentation for the list of options.', 'Contributions are welcome, please open an issue first.', 'The tests run on every pull request.'];

/**
 * About `bytes` of Markdown: headings, code blocks, lists and paragraphs, with
 * a claim ("Widget N is open source.") in every paragraph and list. Only claims
 * say "open source"; code and headings never do, and no line of code holds
 * ". ", so the edits below (at sentence ends) stay in prose.
 */
function loadDocument(bytes: number): string {
  const parts = ['# Load test'];
  let size = parts[0].length;
  for (let index = 1; size < bytes; index++) {
    let part: string;
    if (index % 10 === 0) part = `## Section ${index}`;
    else if (index % 7 === 0) part = `\`\`\`js\nconst value${index} = compute(${index});\n\`\`\``;
    else if (index % 5 === 0) part = `- ${filler[index % 4]}\n- Item ${index} is open source.`;
    else part = `${filler[index % 4]} Widget ${index} is open source. ${filler[(index + 1) % 4]}`;
    parts.push(part);
    size += part.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

/** The server's resident set size in bytes, from /proc/<pid>/status. */
function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const claimPhrase = 'is open source';
const changes = 1000;
const stormMs = 10_000;
const hoverEveryMs = 50;
const license = 'CC-BY-NC-4.0';

interface Asked { sentAt: number; version: number; answeredAt?: number; answer?: Hover | null; error?: string }

/** One server with the 1 MB document open, shared by the storms below. */
class Session {
  readonly client = new TestClient();
  readonly root = makeWorkspace({ 'package.json': `{"name": "load", "license": "${license}"}\n` });
  readonly uri = pathToFileURL(join(this.root, 'README.md')).href;
  // 1 MB, and under the CLI's 1 MiB limit for files on disk after the edits (the final text is audited by the CLI)
  readonly document = TextDocument.create(this.uri, 'markdown', 1, loadDocument(1_000_000));
  readonly next = random(7);
  baseline = 0;
  pid = 0;

  async open(): Promise<void> {
    await this.client.initialize(this.root);
    this.pid = this.client.process.pid!;
    const started = Date.now();
    const first = this.client.diagnostics(this.uri, (params) => params.version === 1, 120_000);
    await this.client.open(this.uri, this.document.getText());
    const { diagnostics } = await first;
    this.baseline = rssOf(this.pid);
    console.log(`# opened ${mb(this.document.getText().length)}: ${diagnostics.length} diagnostics for version 1 in ${Date.now() - started} ms; RSS ${mb(this.baseline)}`);
  }

  /** An edit at a sentence end after a random offset (prose only): a new claim, " Really.", or " Really." taken out again. */
  private nextChange(index: number): TextDocumentContentChangeEvent {
    const { document, next } = this;
    const text = document.getText();
    const sentenceEnd = (from: number) => {
      const at = text.indexOf('. ', from);
      return (at < 0 ? text.indexOf('. ') : at) + 1;
    };
    const roll = next();
    let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
    let found = -1;
    if (roll < 0.25) {
      found = text.indexOf(' Really.', Math.floor(next() * text.length));
      if (found < 0) found = text.indexOf(' Really.');
    }
    if (found >= 0) {
      change = { range: { start: document.positionAt(found), end: document.positionAt(found + ' Really.'.length) }, text: '' };
    } else {
      const at = document.positionAt(sentenceEnd(Math.floor(next() * text.length)));
      change = { range: { start: at, end: at }, text: roll < 0.5 ? ` Gadget ${index} ${claimPhrase}.` : ' Really.' };
    }
    // every 100th change replaces the whole text (as a client without incremental sync does)
    if (index % 100 === 99) return { text: TextDocument.applyEdits(document, [{ range: change.range, newText: change.text }]) };
    return change;
  }

  private askHover(hovers: { asked: Asked; promise: Promise<void> }[]): void {
    const text = this.document.getText();
    const at = text.indexOf(claimPhrase, Math.floor(this.next() * text.length));
    const offset = (at < 0 ? text.indexOf(claimPhrase) : at) + 3;
    const asked: Asked = { sentAt: Date.now(), version: this.document.version };
    const promise = (this.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: this.uri }, position: this.document.positionAt(offset) }) as Promise<Hover | null>).then(
      (answer) => { asked.answeredAt = Date.now(); asked.answer = answer; },
      (error: unknown) => { asked.answeredAt = Date.now(); asked.error = String(error); },
    );
    hovers.push({ asked, promise });
  }

  /** `changes` didChange notifications spread over `stormMs`, with a hover every `hoverEveryMs` when `withHovers`. */
  async storm(withHovers: boolean): Promise<{ hovers: { asked: Asked; promise: Promise<void> }[]; final: () => Promise<PublishDiagnosticsParams>; ended: number; peak: () => number; stop: () => void }> {
    const hovers: { asked: Asked; promise: Promise<void> }[] = [];
    let peak = this.baseline;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssOf(this.pid));
      } catch {
        // exited
      }
    }, 100);
    const started = Date.now();
    let lastHover = 0;
    const firstVersion = this.document.version + 1;
    for (let index = 0; index < changes; index++) {
      const due = started + (index * stormMs) / changes;
      if (due > Date.now()) await sleep(due - Date.now());
      const change = this.nextChange(index);
      TextDocument.update(this.document, [change], this.document.version + 1);
      // not awaited: a busy server must not slow the typist down (the writer keeps the order)
      void this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.document.version }, contentChanges: [change] });
      if (withHovers && Date.now() - lastHover >= hoverEveryMs) {
        lastHover = Date.now();
        this.askHover(hovers);
      }
    }
    const ended = Date.now();
    const finalVersion = this.document.version;
    console.log(`# versions ${firstVersion}–${finalVersion}: ${changes} changes sent in ${ended - started} ms (${mb(this.document.getText().length)})${withHovers ? `, ${hovers.length} hovers asked` : ''}`);
    // the final version's diagnostics, already published or still to come
    const final = async () => this.client.published.find((params) => params.uri === this.uri && params.version === finalVersion)
      ?? this.client.diagnostics(this.uri, (params) => params.version === finalVersion, 60_000);
    return { hovers, final, ended, peak: () => peak, stop: () => clearInterval(sampler) };
  }

  /**
   * Memory back near the level after the first diagnostics once things settle:
   * the server collects a storm's garbage when it is idle (lsp/idleCollector.ts);
   * up to 20 s are given, in steps of a second.
   */
  async checkMemory(peak: number): Promise<void> {
    const limit = this.baseline * 1.5 + 30 * 1024 * 1024;
    const samples: number[] = [];
    for (let waited = 0; waited < 20_000 && (samples.length === 0 || samples[samples.length - 1] > limit); waited += 1000) {
      await sleep(1000);
      samples.push(rssOf(this.pid));
    }
    const settled = samples[samples.length - 1];
    console.log(`# RSS: after the first diagnostics ${mb(this.baseline)}, peak during the storm ${mb(peak)}, then each second ${samples.map(mb).join(', ')} (limit ${mb(limit)})`);
    assert.ok(settled <= limit, `RSS ${mb(settled)} did not come back under ${mb(limit)} within 20 s after the storm (the peak was ${mb(peak)})`);
  }

  /** The final diagnostics are the final version's, nothing older comes after them, and they match a fresh CLI audit of the final text. */
  async checkFinal(final: PublishDiagnosticsParams, ended: number): Promise<void> {
    console.log(`# final diagnostics (version ${final.version}): ${final.diagnostics.length}, ${Date.now() - ended} ms after the last change`);
    await sleep(1000);
    const later = this.client.published.slice(this.client.published.indexOf(final) + 1).filter((params) => params.uri === this.uri);
    assert.deepEqual(later.map((params) => params.version).filter((version) => version !== final.version), [], 'diagnostics for an older version after the final ones');
    const fresh = tempDir();
    writeFileSync(join(fresh, 'package.json'), `{"name": "load", "license": "${license}"}\n`);
    writeFileSync(join(fresh, 'README.md'), this.document.getText());
    const started = Date.now();
    const cli = spawnSync(process.execPath, [cliPath, 'audit', fresh, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    console.log(`# the CLI audited the final text in ${Date.now() - started} ms`);
    assert.equal(cli.status, 0, `the CLI audit of the final text: status ${cli.status}, signal ${cli.signal}\n${cli.stderr}`);
    const report = JSON.parse(cli.stdout) as { findings: { rule: string; file: string; line: number; column: number; endLine: number; endColumn: number }[]; summary: { skipped: unknown[] } };
    assert.deepEqual(report.summary.skipped, [], 'the CLI read the final text');
    const expected = report.findings
      .filter((finding) => finding.file === 'README.md')
      .map((finding) => `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.rule}`).sort();
    const actual = final.diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ${String(diagnostic.code)}`).sort();
    assert.equal(actual.length, expected.length, 'as many diagnostics as the CLI finds in the final text');
    assert.deepEqual(actual, expected);
  }
}

let session: Session | undefined;

after(async () => {
  await session?.client.stop();
});

test('1,000 changes to a 1 MB document over 10 s: the final diagnostics are the final version\'s and match the final text; memory returns to its baseline', async () => {
  session = new Session();
  await session.open();
  const storm = await session.storm(false);
  try {
    await session.checkFinal(await storm.final(), storm.ended);
    await session.checkMemory(storm.peak());
    assert.equal(session.client.process.exitCode, null, session.client.stderr);
  } finally {
    storm.stop();
  }
});

test('hovers at the claims during 1,000 more changes: every hover is answered, at a claim never with null; memory returns to its baseline again', async () => {
  assert.ok(session, 'the server of the previous test');
  const storm = await session.storm(true);
  try {
    const unanswered = () => storm.hovers.filter((hover) => hover.asked.answeredAt === undefined).length;
    // a guard against a lost hover, not a latency limit: wide enough for a machine loaded many times over (the CI run
    // this was raised for, at load 15, left one of 168 hovers unanswered at 30 s)
    const guard = 120_000;
    const done = await Promise.race([Promise.all(storm.hovers.map((hover) => hover.promise)).then(() => true), sleep(guard).then(() => false)]);
    assert.ok(done, `${unanswered()} of ${storm.hovers.length} hovers were still unanswered ${guard / 1000} s after the last change`);
    const latencies = storm.hovers.map((hover) => hover.asked.answeredAt! - hover.asked.sentAt).sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(`# hovers: ${storm.hovers.length} answered, the last ${Math.max(...storm.hovers.map((hover) => hover.asked.answeredAt!)) - storm.ended} ms after the last change; latency p50 ${percentile(50)} ms, p90 ${percentile(90)} ms, max ${latencies[latencies.length - 1]} ms`);
    assert.deepEqual(storm.hovers.filter((hover) => hover.asked.error !== undefined).map((hover) => hover.asked.error), []);
    // every hover was at a claim ("… is open source." in a paragraph or list item)
    assert.deepEqual(storm.hovers.filter((hover) => !hover.asked.answer).map((hover) => hover.asked.version), [], 'versions whose hover at a claim was answered with null');
    assert.ok(storm.hovers.every((hover) => /\*\*(?:Not backed|Backed|Partly backed|Cannot be judged)\.\*\*/u.test(JSON.stringify(hover.asked.answer))));
    await session.checkFinal(await storm.final(), storm.ended);
    // a second storm does not leave more behind than the first
    await session.checkMemory(storm.peak());
  } finally {
    storm.stop();
    // a server still judging a backlog of hovers would take the CPU from the next test
    await session.client.stop();
    session = undefined;
  }
});

test('a workspace audit of a large tree is cancelled within a second', async () => {
  // 20 projects of 50 documents with claims: an audit of several seconds
  const root = tempDir('license-claims-cancel-');
  const files: Record<string, string> = {};
  const body = loadDocument(4000);
  for (let project = 0; project < 20; project++) {
    files[`p${project}/package.json`] = `{"name": "p${project}", "license": "${project % 2 ? 'MIT' : 'CC-BY-NC-4.0'}"}\n`;
    for (let page = 0; page < 50; page++) files[`p${project}/docs/page-${page}.md`] = body;
  }
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(join(absolute, '..'), { recursive: true });
    writeFileSync(absolute, text);
  }
  const client = new TestClient();
  try {
    await client.initialize(root);
    const source = new CancellationTokenSource();
    const started = Date.now();
    // cancel a second after the audit has begun: in the middle of reading and judging ~1,000 documents
    const begun = client.progressOf('cancel', 'begin');
    const pending = client.connection.sendRequest('licenseClaims/auditWorkspace', { workDoneToken: 'cancel' }, source.token) as Promise<AuditSummary>;
    await within(begun, 60_000, 'the audit did not begin');
    await sleep(1000);
    const cancelledAt = Date.now();
    source.cancel();
    const summary = await within(pending, 120_000, 'the cancelled audit did not answer');
    const latency = Date.now() - cancelledAt;
    console.log(`# workspace audit of ${Object.keys(files).length} files cancelled ${cancelledAt - started} ms after the request; answered ${latency} ms after $/cancelRequest (cancelled: ${summary.cancelled})`);
    assert.equal(summary.cancelled, true, 'the audit finished before the cancellation (make the tree larger)');
    assert.ok(latency <= 1000, `the cancelled audit answered ${latency} ms after $/cancelRequest (at most 1000 ms)`);
  } finally {
    await client.stop();
  }
});
