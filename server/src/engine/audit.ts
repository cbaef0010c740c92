// The engine's entry point: files in, findings out. Pure — no file system,
// no LSP; the CLI and the language server both call this.
import type { Claim, Finding, Severity, SourceFile } from './types.js';
import { buildWorkspace, type BuildOptions, type Workspace } from './project.js';
import { createPolicy, type Policy } from './licenses/policy.js';
import { judgeClaim, type ClaimVerdict } from './claimVerdict.js';
import { rules } from './rules/index.js';
import { sentenceAround } from './text/sentences.js';
import { suppressionFix } from './fixes/suppressionFix.js';
import { LineIndex } from './text/lineIndex.js';
import { lineStarts, type LineStarts } from './fixes/suppressionFix.js';
import { auditEdit, rememberAudit } from './incrementalAudit.js';
import type { Rule, FindingDraft } from './rules/rule.js';
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
  // a document being edited: only the claims around the edit are judged again, when nothing else changed (incrementalAudit.ts)
  const reused = options.editing ? auditEdit(files, options, workspace, configFor) : undefined;
  if (reused) return reused;
  const finish = findingFinisher(files, workspace);
  const findings: Finding[] = [];
  const verdicts = new Map<Claim, ClaimVerdict>();
  for (const project of workspace.projects) {
    if (options.judge && !options.judge(project.root)) continue;
    const config = configFor(project.root);
    const policy: Policy = createPolicy(config.policy ?? 'osi', config.allow ?? []);
    const verdictOf = verdictsOf(workspace, policy, finish.textOf, verdicts);
    for (const rule of rules) {
      const setting = config.rules?.[rule.id];
      if (setting === 'off') continue;
      for (const draft of rule.check({ workspace, project, policy, verdictOf })) {
        const finding = finish(rule, setting, draft);
        if (finding) findings.push(finding);
      }
    }
  }
  sortFindings(findings);
  const result = { findings, problems: workspace.problems, workspace, verdicts };
  if (options.editing) rememberAudit(files, options, configFor, result);
  return result;
}

/** A consistent order (ties keep the rules' order): one project's findings sort as they do among the whole tree's. */
export function sortFindings(findings: Finding[]): void {
  findings.sort(compareFindings);
}

/** By file, start, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** verdictOf for a project's rules: each claim judged once, remembered in `verdicts`. */
export function verdictsOf(workspace: Workspace, policy: Policy, textOf: (file: string) => string, verdicts: Map<Claim, ClaimVerdict>): (claim: Claim) => ClaimVerdict {
  return (claim: Claim) => {
    // `has` first: a map that judges on `get` (incrementalAudit.ts) must not be asked for what is being judged
    let verdict = verdicts.has(claim) ? verdicts.get(claim) : undefined;
    if (!verdict) {
      const text = textOf(claim.file);
      verdict = judgeClaim(claim, workspace.declarationsFor(claim.file), policy, sentenceAround(text, claim.span.start, claim.span.end));
      verdicts.set(claim, verdict);
    }
    return verdict;
  };
}

export interface FindingFinisher {
  /** A rule's draft as a finding: its severity set, its suppression fix added; undefined when a comment suppresses it. */
  (rule: Rule, setting: Severity | undefined, draft: FindingDraft): Finding | undefined;
  textOf: (file: string) => string;
}

/**
 * `lineStartOf`: where the line of an offset starts, for files whose line
 * index is not worth building (a megabyte being edited, whose lines end in \n only).
 */
export function findingFinisher(files: SourceFile[], workspace: Workspace, lineStartOf?: Map<string, (offset: number) => number>): FindingFinisher {
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  const documentOf = new Map(workspace.projects.flatMap((project) => project.documents.map((document) => [document.file, document] as const)));
  const suppressionsOf = new Map<string, Suppressions>();
  const suppressions = (file: string) => {
    let found = suppressionsOf.get(file);
    const document = documentOf.get(file);
    if (!found && document) suppressionsOf.set(file, (found = suppressionsFromComments(document.comments, textOf.get(file) ?? '')));
    return found;
  };
  const eols = new Map<string, string>();
  const eolOf = (file: string) => {
    let eol = eols.get(file);
    if (eol === undefined) eols.set(file, (eol = textOf.get(file)?.includes('\r\n') ? '\r\n' : '\n'));
    return eol;
  };
  const lineIndexes = new Map<string, LineStarts>();
  const linesOf = (file: string): LineStarts => {
    let lines = lineIndexes.get(file);
    if (!lines) {
      const own = lineStartOf?.get(file);
      lineIndexes.set(file, (lines = own ? { lineStart: own } : lineStarts(new LineIndex(textOf.get(file) ?? ''))));
    }
    return lines;
  };
  const finish = (rule: Rule, setting: Severity | undefined, draft: FindingDraft): Finding | undefined => {
    if (suppressions(draft.file)?.isSuppressed(rule.id, draft.span.start)) return undefined;
    const { severityPinned, ...rest } = draft;
    const finding: Finding = { ...rest, severity: (severityPinned ? draft.severity : setting ?? draft.severity) ?? rule.defaultSeverity };
    const bodyStart = documentOf.get(finding.file)?.bodyStart;
    const suppress = bodyStart === undefined ? undefined : suppressionFix(finding, textOf.get(finding.file) ?? '', bodyStart, eolOf(finding.file), linesOf(finding.file));
    return suppress ? { ...finding, fixes: [...finding.fixes, suppress] } : finding;
  };
  return Object.assign(finish, { textOf: (file: string) => textOf.get(file) ?? '' });
}
