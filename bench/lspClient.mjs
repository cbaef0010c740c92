// A minimal LSP client for the bench (a JavaScript cousin of
// test/support/lspClient.ts): starts the real bundled server
// (server/out/server.js --stdio) and speaks JSON-RPC over its stdio.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { serverPath } from './lib.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export class BenchClient {
  /** Starts the server; `startedAt` is the performance.now() of the spawn. `nodeArgs` go to Node after the server's own flags (--cpu-prof, to profile it); `env` is added to the environment. */
  constructor({ nodeArgs = [], env = {} } = {}) {
    this.startedAt = performance.now();
    // started as the VS Code client starts it (server/src/protocol.ts serverNodeFlags)
    this.process = spawn(process.execPath, ['--expose-gc', '--max-semi-space-size=2', ...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.pid = this.process.pid;
    this.stderr = '';
    this.waiters = [];
    this.process.stderr.on('data', (chunk) => {
      this.stderr += chunk.toString();
      if (this.stderr.length > 65536) this.stderr = this.stderr.slice(-65536);
    });
    this.exited = new Promise((resolve) => this.process.on('exit', resolve));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve({ params, at });
        }
      }
    });
    for (const method of ['$/progress', 'window/logMessage', 'window/showMessage', 'telemetry/event']) this.connection.onNotification(method, () => undefined);
    for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) this.connection.onRequest(method, () => null);
    this.connection.listen();
  }

  async initialize(folder) {
    const uri = pathToFileURL(folder).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { synchronization: { didSave: true }, publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with `{ params, at }` for the first publishDiagnostics of `uri` from now on that satisfies `predicate`. */
  diagnostics(uri, predicate = () => true, timeoutMs = 600_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (value) => { clearTimeout(timer); resolve(value); } });
    });
  }

  open(uri, text, version = 1, languageId = 'markdown') {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** An incremental change, as an editor sends it for a keystroke. */
  insert(uri, version, line, character, text) {
    const position = { line, character };
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text }] });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }
}

/** The 0-based line and character of an offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, character: offset - lineStart };
}
