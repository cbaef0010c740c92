// The License Claims language server: wiring only. Judging happens in the
// engine; lsp/ turns its results into diagnostics, code actions, hover,
// completion and the workspace audit.
import {
  createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures,
  TextDocuments, TextDocumentSyncKind, type InitializeResult, type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver/node';
import { auditWorkspaceRequest, explainLicenseRequest, exportSarifRequest, projectStatusRequest } from './protocol.js';
import { explainQuery } from './lsp/explainMarkdown.js';
import { openCreatedFileCommand } from './lsp/createdFiles.js';
import { fixAllKind } from './lsp/convert.js';
import { SettingsCache } from './lsp/settings.js';
import { WorkspaceFiles } from './lsp/workspaceFiles.js';
import { Validator } from './lsp/validation.js';
import { codeActions } from './lsp/codeActions.js';
import { workspaceFolderOf } from './lsp/workspaceEdits.js';
import { hover } from './lsp/hover.js';
import { completion } from './lsp/completion.js';
import { WorkspaceAuditor } from './lsp/workspaceAudit.js';
import { projectStatus } from './lsp/projectStatus.js';
import { IdleCollector } from './lsp/idleCollector.js';
import { pathOfUri } from './lsp/fileUris.js';
import { basename } from 'node:path';
import { toolVersion } from './cli/version.js';
import { isManifestName } from './engine/project.js';
import { modelFileFormat } from './engine/models/modelReferences.js';
import { isLicenseFileName } from './engine/declarations/licenseFiles.js';
import { isReadmeName } from './engine/documents/markdownDocument.js';
import { configFileName } from './engine/config.js';
import { readSpdxTextsByOffset } from './spdxTextFile.js';

/** Files whose declarations or settings apply to other files. */
function governsOthers(uri: string): boolean {
  const path = pathOfUri(uri);
  if (path === undefined) return false;
  const name = basename(path);
  return isManifestName(name) || isLicenseFileName(name) || isReadmeName(name) || name === configFileName;
}

/** Whether a file may name the models its project runs (a compose file, a KAITO manifest, Python that loads a model…). */
function namesModels(path: string): boolean {
  return modelFileFormat(basename(path)) !== undefined;
}

// identification and the LICENSE fix read the few SPDX texts they need, not all 5 MB
readSpdxTextsByOffset();
const connection = createConnection(ProposedFeatures.all);
// A bug in one handler must not end the server (and every editor feature with it): what
// escapes a handler is logged to the client's output, and the server carries on.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`License Claims: unexpected error (please report it): ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});
const documents = new TextDocuments(TextDocument);
let configurationPull = false;
let showDocumentSupport = false;
let workspaceFolderUris: string[] = [];
const settings = new SettingsCache(connection, () => configurationPull);
const files = new WorkspaceFiles(documents);
const validator = new Validator(connection, documents, files, settings);
const auditor = new WorkspaceAuditor(connection, documents, settings, validator);
const idle = new IdleCollector((message) => connection.console.log(message));
validator.onJudged = () => idle.noteActivity();

connection.onInitialize((params): InitializeResult => {
  configurationPull = params.capabilities.workspace?.configuration === true;
  showDocumentSupport = params.capabilities.window?.showDocument?.support === true;
  workspaceFolderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  files.setFolders(workspaceFolderUris);
  return {
    serverInfo: { name: 'license-claims', version: toolVersion },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', ' ', ':', '-'] },
      executeCommandProvider: { commands: [openCreatedFileCommand] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
  };
});

connection.onInitialized(() => {
  if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'licenseClaims' });
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: '**/{package.json,pyproject.toml,Cargo.toml,CITATION.cff,codemeta.json,.license-claims.json,.gitignore,LICENSE*,LICENCE*,COPYING*,MODEL_LICENSE*,README*}' },
      // the files that name the models a project runs (the per-document check of its README reads them)
      { globPattern: '**/{*.yaml,*.yml,*config.json,*.py,*.js,*.cjs,*.mjs,*.jsx,*.ts,*.cts,*.mts,*.tsx,Modelfile*,*.modelfile,.env.*,*.env,*env.example,*env.sample,*env.template}' },
    ],
  }).catch(() => undefined);
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    workspaceFolderUris = [...workspaceFolderUris.filter((uri) => !event.removed.some((folder) => folder.uri === uri)), ...event.added.map((folder) => folder.uri)];
    files.setFolders(workspaceFolderUris);
    validator.revalidateAll();
  });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  validator.revalidateAll();
});

// a manifest, LICENSE or config file changed on disk: forget it, re-judge what it governs
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) files.invalidate(change.uri);
  validator.revalidateGovernedBy(params.changes.map((change) => change.uri).filter((uri) => !namesModels(pathOfUri(uri) ?? '')));
  validator.revalidateModelReaders(params.changes.map((change) => pathOfUri(change.uri)).filter((path) => path !== undefined && namesModels(path)) as string[]);
});

// TextDocuments reports an opened document's content as a change too: the version an
// open judges at once is not judged again after the typing pause (which postponed the
// first diagnostics of every opened document by the debounce)
const openedVersions = new Map<string, number>();
documents.onDidOpen((event) => {
  openedVersions.set(event.document.uri, event.document.version);
  validator.schedule(event.document, 0);
});
documents.onDidChangeContent(async (event) => {
  idle.noteActivity();
  const { run } = await settings.get(event.document.uri);
  if (run === 'onType' && openedVersions.get(event.document.uri) !== event.document.version) validator.schedule(event.document);
  // an edited manifest, LICENSE, README or config governs other open documents
  if (governsOthers(event.document.uri)) validator.revalidateGovernedBy([event.document.uri], event.document.uri);
  // an edited compose file, model config or loader governs its project's README
  const path = pathOfUri(event.document.uri);
  if (path !== undefined && namesModels(path)) validator.revalidateModelReaders([path], event.document.uri);
});
documents.onDidSave((event) => validator.schedule(event.document, 0));
documents.onDidClose((event) => {
  openedVersions.delete(event.document.uri);
  validator.closed(event.document.uri);
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? codeActions(params, document, validator, workspaceFolderOf(document.uri, workspaceFolderUris)) : [];
});
connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? hover(document, params.position, validator) : null;
});
connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? completion(document, params.position) : [];
});

// the client owns the progress notification; the server reports into the token it sends
connection.onRequest(auditWorkspaceRequest, async (params, token) => {
  try {
    return await auditor.run(params.folders ?? workspaceFolderUris, token, connection.languages.attachWorkDoneProgress(params));
  } finally {
    idle.noteActivity();
  }
});
connection.onRequest(exportSarifRequest, async (params, token) => {
  if (!auditor.sarif()) await auditor.run(workspaceFolderUris, token, connection.languages.attachWorkDoneProgress(params));
  return { sarif: auditor.sarif() ?? '' };
});
connection.onRequest(projectStatusRequest, async (params) => {
  const document = documents.get(params.uri);
  if (!document) return { project: null, licenses: 'not open in the editor', verdict: 'none', findings: 0 };
  const validation = await validator.recent(document);
  const { policy } = await settings.get(params.uri);
  return projectStatus(validation, policy ?? undefined);
});

// after a quick fix created a file (a LICENSE): show it, its placeholder selected
connection.onExecuteCommand(async (params) => {
  if (params.command !== openCreatedFileCommand || !showDocumentSupport) return;
  const [uri, selection] = (params.arguments ?? []) as [unknown, Range | undefined];
  if (typeof uri !== 'string' || workspaceFolderOf(uri, workspaceFolderUris) === undefined) return; // only files of the workspace
  await connection.window.showDocument({ uri, takeFocus: true, ...(selection ? { selection } : {}) }).catch(() => undefined);
});

connection.onRequest(explainLicenseRequest, (params) => {
  const document = params.uri ? documents.get(params.uri) : undefined;
  return explainQuery(params.query, document ? { name: basename(pathOfUri(document.uri) ?? 'The file'), text: document.getText() } : undefined);
});

documents.listen(connection);
connection.listen();
