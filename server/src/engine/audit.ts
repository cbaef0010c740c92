// The engine's entry point: files in, findings out. Pure — no file system,
// no LSP; the CLI and the language server both call this.
import type { Claim, Finding, SourceFile } from './types.js';
import { buildWorkspace, type BuildOptions, type Workspace } from './project.js';
import { createPolicy, type Policy } from './licenses/policy.js';
import { judgeClaim, type ClaimVerdict } from './claimVerdict.js';
import { rules } from './rules/index.js';
import { sentenceAround } from './text/sentences.js';
import { suppressionFix } from './fixes/suppressionFix.js';
import { LineIndex } from './text/lineIndex.js';
import type { Config } from './config.js';
import type { FileProblem } from './declarations/declarationTypes.js';
import { suppressionsFromComments, type Suppressions } from './suppression.js';

export interface AuditOptions {
  /** The configuration that applies to a project (its own file merged over the root's, and over command-line flags). */
  configFor?: (projectRoot: string) => Config;
  /** Files being edited: their Markdown is judged incrementally (chunks that did not change are not parsed again). */
  editing?: (path: string) => boolean;
  /** Per-file facts read beforehand (worker threads, caches). */
  factsOf?: BuildOptions['factsOf'];
  /**
   * The projects whose rules run (all when not given). A project judged with
   * its own files and its ancestors' (see `projectInputs`) gets the findings
   * it gets in an audit of the whole tree.
   */
  judge?: (projectRoot: string) => boolean;
}

export interface AuditResult {
  findings: Finding[];
  problems: FileProblem[];
  workspace: Workspace;
  /** The verdict on every claim that a rule looked at (hover shows it). */
  verdicts: Map<Claim, ClaimVerdict>;
}

export function audit(files: SourceFile[], options: AuditOptions = {}): AuditResult {
  const configFor: (root: string) => Config = options.configFor ?? (() => ({}));
  const workspace = buildWorkspace(files, { languages: (root) => configFor(root).languages, remember: options.editing, factsOf: options.factsOf });
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  const suppressionsOf = new Map<string, Suppressions>();
  const bodyStartOf = new Map<string, number>();
  for (const project of workspace.projects) {
    for (const document of project.documents) {
      suppressionsOf.set(document.file, suppressionsFromComments(document.comments, textOf.get(document.file) ?? ''));
      bodyStartOf.set(document.file, document.bodyStart);
    }
  }
  const eols = new Map<string, string>();
  const eolOf = (file: string) => {
    let eol = eols.get(file);
    if (eol === undefined) eols.set(file, (eol = textOf.get(file)?.includes('\r\n') ? '\r\n' : '\n'));
    return eol;
  };
  const lineIndexes = new Map<string, LineIndex>();
  const linesOf = (file: string) => {
    let lines = lineIndexes.get(file);
    if (!lines) lineIndexes.set(file, (lines = new LineIndex(textOf.get(file) ?? '')));
    return lines;
  };
  const findings: Finding[] = [];
  const verdicts = new Map<Claim, ClaimVerdict>();
  for (const project of workspace.projects) {
    if (options.judge && !options.judge(project.root)) continue;
    const config = configFor(project.root);
    const policy: Policy = createPolicy(config.policy ?? 'osi', config.allow ?? []);
    const verdictOf = (claim: Claim) => {
      let verdict = verdicts.get(claim);
      if (!verdict) {
        const text = textOf.get(claim.file) ?? '';
        verdict = judgeClaim(claim, workspace.declarationsFor(claim.file), policy, sentenceAround(text, claim.span.start, claim.span.end));
        verdicts.set(claim, verdict);
      }
      return verdict;
    };
    for (const rule of rules) {
      const setting = config.rules?.[rule.id];
      if (setting === 'off') continue;
      for (const draft of rule.check({ workspace, project, policy, verdictOf })) {
        if (suppressionsOf.get(draft.file)?.isSuppressed(rule.id, draft.span.start)) continue;
        const { severityPinned, ...rest } = draft;
        const finding: Finding = { ...rest, severity: (severityPinned ? draft.severity : setting ?? draft.severity) ?? rule.defaultSeverity };
        const bodyStart = bodyStartOf.get(finding.file);
        const suppress = bodyStart === undefined ? undefined : suppressionFix(finding, textOf.get(finding.file) ?? '', bodyStart, eolOf(finding.file), linesOf(finding.file));
        findings.push(suppress ? { ...finding, fixes: [...finding.fixes, suppress] } : finding);
      }
    }
  }
  // a consistent order (ties keep the rules' order): one project's findings sort as they do among the whole tree's
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  return { findings, problems: workspace.problems, workspace, verdicts };
}
