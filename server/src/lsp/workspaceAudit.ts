// The workspace audit: every file of every workspace folder, open or not,
// with work-done progress and cancellation. Files' facts are read on worker
// threads (the server stays responsive) and remembered by content digest, so
// a second audit reads only what changed. Diagnostics are published for files
// that are not open (open ones are judged as the editor holds them); the
// findings (not the files' texts) are kept for the SARIF export.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { CancellationToken, Connection, Diagnostic, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { audit, type AuditResult } from '../engine/audit.js';
import { ConfigError, configForProject, parseConfig, type Config } from '../engine/config.js';
import { ruleIds } from '../engine/rules/index.js';
import { walk, type WalkResult } from '../files/walk.js';
import { projectRoots } from '../engine/project.js';
import { readAllFacts } from '../files/readFacts.js';
import { FactsCache } from '../files/factsCache.js';
import { Cancelled, type PoolRun } from '../files/factsPool.js';
import { Positions } from '../cli/positions.js';
import { reportedFindings, type AuditReport } from '../cli/report.js';
import { formatSarif } from '../cli/sarifReporter.js';
import type { AuditFinding, AuditSummary } from '../protocol.js';
import { toDiagnostic } from './convert.js';
import { FileRanges } from '../engine/text/lineIndex.js';
import { settingsAsConfig, type SettingsCache } from './settings.js';
import type { Validator } from './validation.js';

interface FolderAudit {
  root: string;
  walked: WalkResult;
  result: AuditResult;
  policy: string;
}

/** What the SARIF export needs of a folder's last audit. */
interface FolderReport {
  root: string;
  policy: string;
  findings: ReturnType<typeof reportedFindings>;
}

const toPosix = (path: string) => path.split(sep).join('/');

export class WorkspaceAuditor {
  private last: FolderReport[] = [];
  private published = new Set<string>();
  /** Facts of files by absolute path, from earlier audits. */
  private readonly cache = new FactsCache();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly validator: Validator,
  ) {}

  async run(folderUris: string[], token: CancellationToken, progress: WorkDoneProgressReporter): Promise<AuditSummary> {
    const summary: AuditSummary = { cancelled: false, files: 0, projects: 0, findings: [], byRule: {}, byProject: {}, skipped: [] };
    progress.begin('License Claims: auditing the workspace', 0, 'reading files…', true);
    const audits: FolderAudit[] = [];
    // a message that arrived during synchronous work is parsed one loop turn after it is read:
    // give the loop two turns, so a $/cancelRequest reaches the token
    const yieldToMessages = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    try {
      for (const [index, folderUri] of folderUris.entries()) {
        // let a $/cancelRequest that is already on its way be read before each folder
        await yieldToMessages();
        if (token.isCancellationRequested) return { ...summary, cancelled: true };
        const root = fileURLToPath(folderUri);
        progress.report(Math.round((index / folderUris.length) * 80), `reading ${root}…`);
        const share = 80 / folderUris.length;
        let folderAudit: FolderAudit;
        try {
          folderAudit = await this.auditFolder(root, folderUri, {
            onProgress: (done, total) => progress.report(Math.round(((index + done / Math.max(total, 1)) * share)), `reading ${done}/${total} files…`),
            isCancelled: () => token.isCancellationRequested,
          });
        } catch (error) {
          if (error instanceof Cancelled) return { ...summary, cancelled: true };
          throw error;
        }
        // …and one that arrived during the walk, before anything is published
        await yieldToMessages();
        if (token.isCancellationRequested) return { ...summary, cancelled: true };
        audits.push(folderAudit);
      }
      progress.report(90, 'publishing diagnostics…');
      const nowPublished = new Set<string>();
      for (const folderAudit of audits) this.publish(folderAudit, summary, nowPublished);
      for (const uri of this.published) {
        if (!nowPublished.has(uri) && !this.documents.get(uri)) {
          this.validator.auditDiagnostics.delete(uri);
          void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      this.published = nowPublished;
      this.last = audits.map((folderAudit) => this.report(folderAudit));
      this.cache.prune();
      return summary;
    } finally {
      progress.done();
    }
  }

  private async auditFolder(root: string, folderUri: string, run: PoolRun): Promise<FolderAudit> {
    const settings = await this.settings.get(folderUri);
    const override = settingsAsConfig(settings);
    const configs = new Map<string, Config>();
    const walked = walk(root, (dir, path, text) => {
      try {
        const config = parseConfig(text, path, ruleIds);
        configs.set(dir, config);
        return config.ignore ?? [];
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        void this.connection.window.showErrorMessage(`License Claims: invalid config — ${error.message}`);
        return [];
      }
    });
    // open documents are judged as the editor holds them
    const files = walked.files.map((file) => {
      const open = this.documents.get(pathToFileURL(join(root, file.path)).href);
      return open ? { path: file.path, text: open.getText() } : file;
    });
    const configFor = (projectRoot: string) => configForProject(configs, projectRoot, override);
    if (!settings.enable) return { root, walked: { ...walked, files }, result: audit([]), policy: configFor('').policy ?? 'osi' };
    const { rootOf } = projectRoots(files.map((file) => file.path));
    // two worker threads at most: they bound the server's memory
    const facts = await readAllFacts(files, (path) => configFor(rootOf(path)).languages, { ...run, cache: this.cache, cacheKey: (path) => join(root, path), maxJobs: 2 });
    const result = audit(files, { configFor, factsOf: (file) => facts.get(file.path) });
    return { root, walked: { ...walked, files }, result, policy: configFor('').policy ?? 'osi' };
  }

  private publish(folderAudit: FolderAudit, summary: AuditSummary, nowPublished: Set<string>): void {
    const { root, walked, result } = folderAudit;
    const texts = new Map(walked.files.map((file) => [file.path, file.text]));
    const lookup = new FileRanges((path) => texts.get(path));
    const byFile = new Map<string, Diagnostic[]>();
    for (const finding of result.findings) {
      const uri = pathToFileURL(join(root, finding.file)).href;
      const diagnostic = toDiagnostic(finding, root, lookup, null, (path) => !texts.has(path));
      const list = byFile.get(uri);
      if (list) list.push(diagnostic);
      else byFile.set(uri, [diagnostic]);
      const project = pathToFileURL(join(root, result.workspace.projectOf(finding.file).root)).href;
      const item: AuditFinding = { uri, line: diagnostic.range.start.line, character: diagnostic.range.start.character, rule: finding.rule, severity: finding.severity, message: finding.message, project };
      summary.findings.push(item);
      summary.byRule[finding.rule] = (summary.byRule[finding.rule] ?? 0) + 1;
      summary.byProject[project] = (summary.byProject[project] ?? 0) + 1;
    }
    for (const [uri, diagnostics] of byFile) {
      nowPublished.add(uri);
      this.validator.auditDiagnostics.set(uri, diagnostics);
      if (!this.documents.get(uri)) void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const document of this.documents.all()) this.validator.schedule(document, 0);
    summary.files += walked.files.length;
    summary.projects += result.workspace.projects.length;
    summary.skipped.push(
      ...walked.skipped.map((skip) => ({ uri: pathToFileURL(join(root, skip.path)).href, reason: skip.reason })),
      ...result.problems.map((problem) => ({ uri: pathToFileURL(join(root, problem.file)).href, reason: problem.message })),
    );
  }

  /** A folder's findings as reports carry them (positions computed now, while the texts are at hand). */
  private report({ root, walked, result, policy }: FolderAudit): FolderReport {
    const texts = new Map(walked.files.map((file) => [file.path, file.text]));
    return { root, policy, findings: reportedFindings(result, new Positions((path) => texts.get(path)), (path) => toPosix(path) || '.') };
  }

  /** The last audit as SARIF, paths relative to the first folder. */
  sarif(): string | undefined {
    if (this.last.length === 0) return undefined;
    const base = this.last[0].root;
    const report: AuditReport = { roots: this.last.map((entry) => entry.root), baseDirectory: base, findings: [], problems: [], skipped: [], ignoredFolders: 0, filesChecked: 0, projects: 0, policy: this.last[0].policy };
    for (const { root, findings } of this.last) {
      const shown = (path: string) => toPosix(relative(base, join(root, path))) || '.';
      report.findings.push(...findings.map((finding) => ({ ...finding, file: shown(finding.file), project: shown(finding.project), related: finding.related.map((related) => ({ ...related, file: shown(related.file) })) })));
    }
    return formatSarif(report);
  }
}
