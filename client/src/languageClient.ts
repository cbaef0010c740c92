// Starts the License Claims language server (server/out/server.js, bundled next
// to this client) and tells it which documents to care about.
// Settings are not pushed: the server pulls the `licenseClaims` section per
// resource with workspace/configuration.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { explainLicenseCommand, serverNodeFlags } from '../../server/src/protocol.js';
import { codeCacheVariable } from '../../server/src/codeCacheVariable.js';
import { offlineRuleLink } from './rulePages.js';

/** Also the settings prefix: `licenseClaims.trace.server` traces this client's traffic. */
export const clientId = 'licenseClaims';

const licenseFilePattern = '**/{LICENSE,LICENCE,COPYING,MODEL_LICENSE,LICENSE-*,LICENSE_*,LICENSE.*,COPYING.*}';
const manifestPatterns = ['**/package.json', '**/codemeta.json', '**/pyproject.toml', '**/Cargo.toml', '**/CITATION.cff'];

/** Files on disk that may name the models a project runs (see the engine's modelFileFormat). */
const modelLanguages = ['yaml', 'dockercompose', 'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const modelFilePattern = '**/{Modelfile,Modelfile.*,*.modelfile,.env.example,.env.sample,.env.template,.env.dist,example.env,sample.env,config.json,*_config.json,*.config.json}';

/** Markdown anywhere (saved or not); manifests, LICENSE files and model-reference files on disk. Both a VS Code and an LSP selector. */
export const documentSelector: { scheme: string; language?: string; pattern?: string }[] = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  ...manifestPatterns.map((pattern) => ({ scheme: 'file', pattern })),
  { scheme: 'file', pattern: licenseFilePattern },
  ...modelLanguages.map((language) => ({ scheme: 'file', language })),
  { scheme: 'file', pattern: modelFilePattern },
];

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  // V8's code for the server, kept in this extension's own storage: later starts compile it from there (server/src/serverStart.ts)
  const env = { [codeCacheVariable]: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6009'] } },
  };
  // file changes on disk: the server registers its own watcher (workspace/didChangeWatchedFiles),
  // so every LSP client gets them, once
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // the hover's "Explain …" links run this one command, nothing else
    markdown: { isTrusted: { enabledCommands: [explainLicenseCommand] } },
    middleware: {
      // a rule code opens the rule's page shipped in the extension (offline), not the web page the server names
      handleDiagnostics(uri, diagnostics, next) {
        for (const diagnostic of diagnostics) {
          const code = diagnostic.code;
          if (diagnostic.source !== 'license-claims' || typeof code !== 'object') continue;
          const target = offlineRuleLink(String(code.value));
          if (target) diagnostic.code = { value: code.value, target };
        }
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient(clientId, 'License Claims', serverOptions, clientOptions);
}
