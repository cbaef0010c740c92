// A minimal LSP client for protocol tests: spawns the bundled server over
// stdio and speaks real JSON-RPC. Waits on notifications, never on sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type PublishDiagnosticsParams, type InitializeParams, type WorkspaceEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './workspace.js';
import { serverNodeFlags } from '../../server/src/protocol.js';

export const serverPath = join(repoRoot, 'server', 'out', 'server.js');

export interface ClientOptions {
  /** Settings answered to workspace/configuration (per request); undefined = the client does not support pulling. */
  settings?: () => Record<string, unknown>;
  /** A command the server is started through, e.g. setpriv to run it as another user (it must exec, so the pid is the server's). */
  prefix?: string[];
  /** Node options placed before the server script (`--require` a preload), and extra environment variables. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** The server script (default: the built server/out/server.js). */
  serverPath?: string;
  /** The whole command line that starts the server over stdio, instead of node with `serverPath` (an installed bin). */
  command?: string[];
  /** Answers window/showDocument (the client then says it supports it); undefined = no support. */
  showDocument?: (params: { uri: string; takeFocus?: boolean; selection?: unknown }) => void;
}

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  private readonly reader: StreamMessageReader;
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly progressListeners: ((params: TestClient['progress'][number]) => void)[] = [];

  /** Resolves when a `$/progress` of `kind` arrives for `token`. */
  progressOf(token: string, kind: string): Promise<void> {
    return new Promise((resolve) => {
      const listener = (params: TestClient['progress'][number]) => {
        if (params.token === token && params.value.kind === kind) {
          this.progressListeners.splice(this.progressListeners.indexOf(listener), 1);
          resolve();
        }
      };
      this.progressListeners.push(listener);
    });
  }
  stderr = '';

  constructor(options: ClientOptions = {}) {
    // started as the VS Code client starts it
    const [command, ...args] = options.command ?? [...(options.prefix ?? []), process.execPath, ...serverNodeFlags, ...(options.nodeArgs ?? []), options.serverPath ?? serverPath, '--stdio'];
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.reader = new StreamMessageReader(this.process.stdout!);
    this.connection = createProtocolConnection(this.reader, new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('$/progress', (params: TestClient['progress'][number]) => {
      this.progress.push(params);
      for (const listener of [...this.progressListeners]) listener(params);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    const showDocument = options.showDocument;
    if (showDocument) this.connection.onRequest('window/showDocument', (params: { uri: string }) => (showDocument(params), { success: true }));
    if (options.settings) {
      const settings = options.settings;
      this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }): unknown[] => params.items.map(() => settings()));
    }
    this.connection.listen();
    this.options = options;
  }

  private readonly options: ClientOptions;

  async initialize(folder: string): Promise<void> {
    const params: InitializeParams = {
      // a server run as another user cannot signal this process: vscode-languageserver takes the EPERM of its
      // parent check for a dead parent and exits after 3 s, so no parent pid is given then
      processId: this.options.prefix?.length ? null : process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
      capabilities: {
        workspace: { configuration: this.options.settings !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        window: { workDoneProgress: true, showDocument: { support: this.options.showDocument !== undefined } },
      },
    };
    await this.connection.sendRequest('initialize', params);
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the first publishDiagnostics for `uri` (from now on, or already received if `past`) that satisfies `predicate`. */
  diagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(this.published.filter((params) => params.uri === uri).map((params) => [params.version, params.diagnostics.map((diagnostic) => diagnostic.code)]))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (params) => { clearTimeout(timer); resolve(params); } });
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      // a server that reads no more input (busy, or its pipe full) would keep this write, and the test process, waiting forever
      await Promise.race([this.connection.sendNotification('exit'), new Promise((resolve) => setTimeout(resolve, 1000))]);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    // a server killed in the middle of a message leaves a partial one behind, and the reader's timer for it
    // re-arms every 10 s for ever (disposing does not stop it): the test process would never exit
    this.reader.partialMessageTimeout = 0;
    this.process.kill();
  }
}

/** Applies a text edit list to a text (edits from one WorkspaceEdit never overlap). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const offsets = (line: number, character: number) => {
    let offset = 0;
    for (let current = 0; current < line; current++) offset = text.indexOf('\n', offset) + 1;
    return offset + character;
  };
  const sorted = [...edits].sort((a, b) => offsets(b.range.start.line, b.range.start.character) - offsets(a.range.start.line, a.range.start.character));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsets(edit.range.start.line, edit.range.start.character)) + edit.newText + result.slice(offsets(edit.range.end.line, edit.range.end.character));
  }
  return result;
}

/** The files a WorkspaceEdit touches, with their new text: `read` gives current contents (undefined = missing). */
export function applyWorkspaceEdit(edit: WorkspaceEdit, read: (uri: string) => string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  const current = (uri: string) => result.get(uri) ?? read(uri);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) result.set(uri, applyTextEdits(current(uri) ?? '', edits));
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected ${change.kind}`);
      if (current(change.uri) !== undefined && !change.options?.ignoreIfExists) throw new Error(`would overwrite ${change.uri}`);
      if (current(change.uri) === undefined) result.set(change.uri, '');
    } else {
      result.set(change.textDocument.uri, applyTextEdits(current(change.textDocument.uri) ?? '', change.edits as TextEdit[]));
    }
  }
  return result;
}
