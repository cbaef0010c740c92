// The workspace audit: every file of every workspace folder, open or not,
// with work-done progress and cancellation. Files are read and their facts
// computed on worker threads (the server stays responsive), remembered by
// path, modification time and size in a bounded cache, so a second audit
// reads only what changed. Each project is judged as soon as the files it
// depends on are read (files/treeAudit.ts), and its diagnostics published
// then for files that are not open (open ones are judged as the editor holds
// them); the findings (not the files' texts) are kept for the SARIF export.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, join, relative, sep } from 'node:path';
import type { CancellationToken, Connection, Diagnostic, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, configForProject, parseConfig, type Config } from '../engine/config.js';
import { ruleIds, rules } from '../engine/rules/index.js';
import { walkCancellable } from '../files/walk.js';
import { auditTree } from '../files/treeAudit.js';
import { collectOnGrowth } from '../files/collector.js';
import { FactsCache, serverCacheBudget } from '../files/factsCache.js';
import { Cancelled } from '../files/factsPool.js';
import { Positions } from '../cli/positions.js';
import { reportedFindings, sortedByFile, type AuditReport, type ReportedFinding } from '../cli/report.js';
import { formatSarif } from '../cli/sarifReporter.js';
import type { AuditFinding, AuditSummary } from '../protocol.js';
import { toDiagnostic } from './convert.js';
import { FileRanges } from '../engine/text/lineIndex.js';
import { settingsAsConfig, type SettingsCache } from './settings.js';
import type { Validator } from './validation.js';

/** What the SARIF export needs of a folder's last audit. */
interface FolderReport {
  root: string;
  policy: string;
  findings: ReportedFinding[];
}

const toPosix = (path: string) => path.split(sep).join('/');

export class WorkspaceAuditor {
  private last: FolderReport[] = [];
  private published = new Set<string>();
  /** Facts of files by absolute path, from earlier audits (bounded). */
  private readonly cache = new FactsCache(serverCacheBudget);

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly validator: Validator,
  ) {}

  async run(folderUris: string[], token: CancellationToken, progress: WorkDoneProgressReporter): Promise<AuditSummary> {
    const summary: AuditSummary = { cancelled: false, files: 0, projects: 0, findings: [], byRule: {}, byProject: {}, skipped: [], ruleSummaries: Object.fromEntries(rules.map((rule) => [rule.id, rule.summary])) };
    progress.begin('License Claims: auditing the workspace', 0, 'reading files…', true);
    const reports: FolderReport[] = [];
    const nowPublished = new Set<string>();
    // a message that arrived during synchronous work is parsed one loop turn after it is read:
    // give the loop two turns, so a $/cancelRequest reaches the token
    const yieldToMessages = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    try {
      for (const [index, folderUri] of folderUris.entries()) {
        // let a $/cancelRequest that is already on its way be read before each folder
        await yieldToMessages();
        if (token.isCancellationRequested) return { ...summary, cancelled: true };
        const root = fileURLToPath(folderUri);
        progress.report(Math.round((index / folderUris.length) * 100), `reading ${basename(root) || root}…`);
        const share = 100 / folderUris.length;
        try {
          reports.push(
            await this.auditFolder(root, folderUri, summary, nowPublished, {
              onProgress: (done, total, projects) => progress.report(Math.round((index + done / Math.max(total, 1)) * share), `read ${done}/${total} files, judged ${projects} ${projects === 1 ? 'project' : 'projects'}…`),
              isCancelled: () => token.isCancellationRequested,
            }),
          );
        } catch (error) {
          if (error instanceof Cancelled) return { ...summary, cancelled: true };
          throw error;
        }
      }
      for (const uri of this.published) {
        if (!nowPublished.has(uri) && !this.documents.get(uri)) {
          this.validator.auditDiagnostics.delete(uri);
          void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      this.published = nowPublished;
      this.last = reports;
      this.cache.prune();
      return summary;
    } finally {
      for (const document of this.documents.all()) this.validator.schedule(document, 0);
      progress.done();
    }
  }

  /**
   * Audits one folder, publishing each project's diagnostics as soon as it
   * is judged (files are read on worker threads; only the texts judging needs
   * come back, and they are dropped once their projects are judged).
   */
  private async auditFolder(
    root: string,
    folderUri: string,
    summary: AuditSummary,
    nowPublished: Set<string>,
    run: { onProgress: (done: number, total: number, projects: number) => void; isCancelled: () => boolean },
  ): Promise<FolderReport> {
    const settings = await this.settings.get(folderUri);
    const override = settingsAsConfig(settings);
    const configs = new Map<string, Config>();
    // the walk of a large tree takes seconds: it stops as soon as the audit is cancelled
    const walked = await walkCancellable(
      root,
      (dir, path, text) => {
        try {
          const config = parseConfig(text, path, ruleIds);
          configs.set(dir, config);
          return config.ignore ?? [];
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          void this.connection.window.showErrorMessage(`License Claims: invalid config — ${error.message}`);
          return [];
        }
      },
      { listOnly: true, isCancelled: run.isCancelled },
    );
    const configFor = (projectRoot: string) => configForProject(configs, projectRoot, override);
    const policy = configFor('').policy ?? 'osi';
    const uriOf = (path: string) => pathToFileURL(join(root, path)).href;
    const skip = (skips: { path: string; reason: string }[]) => summary.skipped.push(...skips.map((entry) => ({ uri: uriOf(entry.path), reason: entry.reason })));
    if (!settings.enable) {
      skip(walked.skipped);
      summary.files += walked.listed.length;
      summary.projects += 1;
      return { root, policy, findings: [] };
    }
    const findings: { file: string; finding: ReportedFinding }[] = [];
    let projects = 0;
    let done = 0;
    let total = walked.listed.length;
    const tree = await auditTree({
      root,
      listed: walked.listed,
      configFor,
      // open documents are judged as the editor holds them
      openText: (path) => this.documents.get(uriOf(path))?.getText(),
      cache: this.cache,
      // on two cores or fewer, read on this thread in slices of a few milliseconds (a worker
      // bought no wall time there and cost its own heap); else one worker thread (this thread
      // stays free to answer the editor), with a small young generation: a second one made the
      // audit of the bench tree no faster and cost 40 MB of peak resident memory
      maxJobs: 1,
      workerYoungGenerationMb: 4,
      // (with --expose-gc, as the server is started) garbage is collected every 32 MB, not when V8 would
      afterBatch: collectOnGrowth(32 * 1024 * 1024),
      isCancelled: run.isCancelled,
      onProgress: (read, all) => {
        done = read;
        total = all;
        run.onProgress(done, total, projects);
      },
      // diagnostics and reported findings are made while the project's texts are at hand
      onJudged: ({ root: projectRoot, result, textOf }) => {
        const lookup = new FileRanges(textOf);
        const byFile = new Map<string, Diagnostic[]>();
        const project = uriOf(projectRoot);
        for (const finding of result.findings) {
          const uri = uriOf(finding.file);
          // no fixes: code actions come from the judgment of an open document
          const diagnostic = toDiagnostic(finding, root, lookup, null);
          const list = byFile.get(uri);
          if (list) list.push(diagnostic);
          else byFile.set(uri, [diagnostic]);
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
        const reported = reportedFindings(result, new Positions(lookup), (path) => toPosix(path) || '.');
        findings.push(...result.findings.map((finding, index) => ({ file: finding.file, finding: reported[index] })));
        projects++;
        run.onProgress(done, total, projects);
      },
    });
    summary.files += tree.files;
    summary.projects += tree.projects;
    skip([...walked.skipped, ...tree.skipped]);
    summary.skipped.push(...tree.problems.map((problem) => ({ uri: uriOf(problem.file), reason: problem.message })));
    // in the order of an audit of the whole folder, whatever order the projects were judged in
    return { root, policy, findings: sortedByFile(findings) };
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
