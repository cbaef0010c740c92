// Judging open documents: per-URI debounce, a version check before
// publishing (a result for an older version is dropped), and the newest
// judgment kept for hovers, code actions (their fixes) and the status bar.
import ignore from 'ignore';
import { dirname, join, sep } from 'node:path';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { audit, type AuditResult } from '../engine/audit.js';
import { ConfigError, configForProject, parseConfig, type Config } from '../engine/config.js';
import { ruleIds } from '../engine/rules/index.js';
import type { Finding } from '../engine/types.js';
import { toDiagnostic } from './convert.js';
import { entryExists } from './workspaceEdits.js';
import { FileRanges } from '../engine/text/lineIndex.js';
import { settingsAsConfig, type SettingsCache } from './settings.js';
import type { DocumentContext, WorkspaceFiles } from './workspaceFiles.js';
import { placeInOlderText, type MappedPlace } from './unchangedBlock.js';
import { pathOfUri } from './fileUris.js';
import { readFileFactsSafely, type FileFacts } from '../engine/project.js';
import { modelFileFormat } from '../engine/models/modelReferences.js';

/** The document's own text as a judgment read it. */
const judgedText = (validation: Validation) => validation.context.files.find((file) => file.path === validation.context.path)?.text;

export interface Validation {
  version: number;
  context: DocumentContext;
  result: AuditResult;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/** Whether a config file's `ignore` (relative to its folder) or the `ignore` setting (relative to the workspace folder) covers the document. */
function isIgnored(path: string, configs: Map<string, Config>, override: Config): boolean {
  const layers: [string, string[]][] = [...[...configs].map(([folder, config]): [string, string[]] => [folder, config.ignore ?? []]), ['', override.ignore ?? []]];
  return layers.some(([folder, patterns]) => {
    if (patterns.length === 0 || (folder !== '' && !path.startsWith(`${folder}/`))) return false;
    return ignore().add(patterns).ignores(folder === '' ? path : path.slice(folder.length + 1));
  });
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reportedConfigErrors = new Set<string>();
  /** Diagnostics of files that are not open, from the last workspace audit. */
  readonly auditDiagnostics = new Map<string, Diagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly files: WorkspaceFiles,
    private readonly settings: SettingsCache,
    readonly debounceMs = 200,
  ) {}

  /**
   * The facts of the project model files a judgment reads besides the
   * document (projectModelFiles), by absolute path, with the text they were
   * read from: typing in a README does not parse the project's compose files
   * again.
   */
  private readonly modelFacts = new Map<string, { text: string; facts: FileFacts }>();

  /** Judgments under way, by URI: hovers and the debounced validation of one version share one. */
  private readonly inFlight = new Map<string, { version: number; judgment: Promise<Validation | undefined> }>();

  /** Judge `document` as it is now (no publishing); a judgment of the same version under way is shared. */
  judge(document: TextDocument): Promise<Validation | undefined> {
    const running = this.inFlight.get(document.uri);
    if (running?.version === document.version) return running.judgment;
    const judgment = this.judgeNow(document);
    const entry = { version: document.version, judgment };
    this.inFlight.set(document.uri, entry);
    const forget = () => {
      if (this.inFlight.get(document.uri) === entry) this.inFlight.delete(document.uri);
    };
    judgment.then((validation) => {
      forget();
      this.onJudged?.();
      const newest = this.newest.get(document.uri);
      if (validation && this.documents.get(document.uri) && (!newest || newest.version <= validation.version)) this.newest.set(document.uri, validation);
    }, forget);
    return judgment;
  }

  /** Called after each judgment (the server collects garbage once it is idle). */
  onJudged?: () => void;

  /** The newest judgment of each open document, whatever its version: hovers while typing answer from it. */
  private readonly newest = new Map<string, Validation>();

  /**
   * A judgment that holds the text around `offset` (in the document as it is
   * now) unchanged, and where that place is in it. While typing, that is the
   * newest judgment when the hovered block was not edited since; else the
   * one under way, or one of the document as it is by then, once it ends
   * (they also serve the hovers that wait meanwhile); only when none of them
   * holds the block is this very version judged. So hovers during an edit
   * storm do not each judge the document. The verdict shown is the newest
   * judgment's: a declaration edited a keystroke earlier shows once the
   * document is judged again (the diagnostics are always the final text's).
   */
  async judgmentAt(document: TextDocument, offset: number): Promise<{ validation: Validation; place: MappedPlace } | undefined> {
    const now = document.getText();
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, now);
    const placed = (validation: Validation | undefined) => {
      const judged = validation && judgedText(validation);
      const place = judged === undefined ? undefined : placeInOlderText(judged, now, offset);
      return place && validation ? { validation, place } : undefined;
    };
    // one judgment at a time serves every waiting hover: the one under way, else one of the document as it is by then
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = placed(this.newest.get(document.uri));
      if (found) return found;
      const running = this.inFlight.get(document.uri);
      const current = this.documents.get(document.uri);
      if (!running && !current) break;
      await (running ? running.judgment : this.judge(current!)).catch(() => undefined);
    }
    return placed(await this.judge(snapshot));
  }

  private async judgeNow(document: TextDocument): Promise<Validation | undefined> {
    // the text and its version, read together: the document moves on while settings are awaited
    const version = document.version;
    const context = this.files.contextOf(document);
    if (!context) return undefined;
    const settings = await this.settings.get(document.uri);
    if (!settings.enable) return { version, context, result: audit([]), findings: [], diagnostics: [] };
    const configs = new Map<string, Config>();
    for (const [folder, file] of context.configs) {
      try {
        configs.set(folder, parseConfig(file.text, file.path, ruleIds));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const key = `${context.root}:${error.message}`;
        if (!this.reportedConfigErrors.has(key)) {
          this.reportedConfigErrors.add(key);
          void this.connection.window.showErrorMessage(`License Claims: invalid config — ${error.message}`);
        }
        this.connection.console.error(`invalid config, ignored: ${error.message}`);
      }
    }
    const override = settingsAsConfig(settings);
    if (isIgnored(context.path, configs, override)) return { version, context, result: audit([]), findings: [], diagnostics: [] };
    // the project's model files, less those the config's or the settings' `ignore` covers (as the workspace audit leaves them out)
    const files = context.files.filter((file) => file.path === context.path || !modelFileFormat(file.path.slice(file.path.lastIndexOf('/') + 1)) || !isIgnored(file.path, configs, override));
    const factsOf = (file: { path: string; text: string }): FileFacts | undefined => {
      if (file.path === context.path || !modelFileFormat(file.path.slice(file.path.lastIndexOf('/') + 1))) return undefined;
      const key = join(context.root, file.path);
      const known = this.modelFacts.get(key);
      if (known?.text === file.text) return known.facts;
      const facts = readFileFactsSafely(file);
      this.modelFacts.set(key, { text: file.text, facts });
      return facts;
    };
    const result = audit(files, { configFor: (projectRoot) => configForProject(configs, projectRoot, override), editing: (path) => path === context.path, factsOf });
    const findings = result.findings.filter((finding) => finding.file === context.path);
    const texts = new Map(context.files.map((file) => [file.path, file.text]));
    const lookup = new FileRanges((path) => texts.get(path) ?? this.files.read(join(context.root, path)));
    const canCreate = (path: string) => !entryExists(join(context.root, path));
    // converted when first asked for (publishing, code actions): a hover needs only the findings
    let diagnostics: Diagnostic[] | undefined;
    return {
      version,
      context,
      result,
      findings,
      get diagnostics() {
        return (diagnostics ??= findings.map((finding) => toDiagnostic(finding, context.root, lookup, version, canCreate)));
      },
    };
  }

  /** Judge now and publish, unless the document moved on meanwhile. */
  async validate(document: TextDocument): Promise<void> {
    try {
      const validation = await this.judge(document);
      const current = this.documents.get(document.uri);
      if (!validation || !current || current.version !== validation.version) return;
      await this.connection.sendDiagnostics({ uri: document.uri, version: validation.version, diagnostics: validation.diagnostics });
    } catch (error) {
      this.connection.console.error(`License Claims could not judge ${document.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Judge after a pause in typing. */
  schedule(document: TextDocument, delay = this.debounceMs): void {
    const { uri } = document;
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      // A server busy judging finds its pauses over when it looks up: timers run before the
      // messages that came meanwhile are read. Read them first (they are handled a loop turn
      // after they are read): a change among them has started a new pause.
      setImmediate(() => setImmediate(() => {
        if (this.timers.get(uri) !== timer) return;
        this.timers.delete(uri);
        const current = this.documents.get(uri);
        if (current) void this.validate(current);
      }));
    }, delay);
    this.timers.set(uri, timer);
  }

  /** The newest judgment, if it is of the document's current version. */
  current(document: TextDocument): Validation | undefined {
    const validation = this.newest.get(document.uri);
    return validation?.version === document.version ? validation : undefined;
  }

  /** A judgment of the document's current version: the newest one, or a fresh one (shared with any judgment of this version under way). */
  async latest(document: TextDocument): Promise<Validation | undefined> {
    return this.current(document) ?? this.judge(document);
  }

  /**
   * The newest judgment of the document, of whatever version, else a fresh
   * one: for what need not follow every keystroke (the status bar's project
   * summary, asked for after each publish while the user keeps typing).
   */
  async recent(document: TextDocument): Promise<Validation | undefined> {
    return this.newest.get(document.uri) ?? this.judge(document);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.newest.delete(uri);
    // a closed file keeps what the last workspace audit said about it
    void this.connection.sendDiagnostics({ uri, diagnostics: this.auditDiagnostics.get(uri) ?? [] });
  }

  /**
   * Re-judge the open documents whose project's model files (read from
   * their project folder down, projectModelFiles) may include one of these
   * files (absolute paths): those sit below the documents they govern
   * (revalidateGovernedBy looks the other way).
   */
  revalidateModelReaders(paths: string[], except?: string): void {
    for (const path of paths) this.modelFacts.delete(path);
    for (const document of this.documents.all()) {
      if (document.uri === except) continue;
      const folder = this.newest.get(document.uri)?.context.modelFolder;
      if (folder !== undefined && paths.some((path) => path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`))) this.schedule(document, except ? this.debounceMs : 0);
    }
  }

  /** Re-judge every open document (settings or workspace folders changed). */
  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /**
   * Re-judge the open documents that files at `uris` (manifests, LICENSE
   * files, READMEs, config files) can govern: those in their folders and
   * below. Other documents are not touched. `except` is judged on its own.
   */
  revalidateGovernedBy(uris: string[], except?: string): void {
    const folders = uris.map(pathOfUri).filter((path) => path !== undefined).map((path) => dirname(path));
    for (const document of this.documents.all()) {
      if (document.uri === except || !document.uri.startsWith('file:')) continue;
      const path = pathOfUri(document.uri);
      if (path === undefined) continue;
      if (folders.some((folder) => path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`))) this.schedule(document, except ? this.debounceMs : 0);
    }
  }

}
