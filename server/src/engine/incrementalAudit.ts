// Re-judging a document being edited in proportion to the edit. When the
// document's facts were spliced from its previous reading
// (documents/markdownEdits.ts: the changed chunks hold nothing that reaches
// beyond them) and nothing else changed (the other files' texts, the
// configuration, the projects), the previous audit's findings stand, moved by
// the length difference where they lie after the edit; only the claims in the
// changed range go through the claim rules again. The rules that read a whole
// document (osaid-incomplete) run again whole; a project whose rules read
// model references (claim-closed-model-dependency) or a document with
// suppression directives is judged whole.
import type { Claim, Finding, SourceFile, Span } from './types.js';
import type { Project, Workspace } from './project.js';
import type { Config } from './config.js';
import type { AuditOptions, AuditResult } from './audit.js';
import { compareFindings, findingFinisher, sortFindings, verdictsOf } from './audit.js';
import { createPolicy } from './licenses/policy.js';
import { editOf, type MarkdownEdit } from './documents/markdownEdits.js';
import { onClearChunkCache } from './markdown/chunkFacts.js';
import { isOpennessClaim } from './rules/claimMessages.js';
import { claimWithoutLicense } from './rules/claimWithoutLicense.js';
import { claimNonOsiLicense } from './rules/claimNonOsiLicense.js';
import { claimPartialLicense } from './rules/claimPartialLicense.js';
import { osaidIncomplete } from './rules/osaidIncomplete.js';
import { claimClosedModelDependency } from './rules/claimClosedModelDependency.js';
import { rules } from './rules/index.js';
import type { ClaimVerdict } from './claimVerdict.js';

/** Rules whose findings each come from one claim, judged by its verdict alone. */
const perClaimRules = new Set([claimWithoutLicense.id, claimNonOsiLicense.id, claimPartialLicense.id]);
/** Rules that read a whole document's claims and prose: run again whole. */
const wholeDocumentRules = new Set([osaidIncomplete.id]);
/** Rules that call verdictOf (which claims the full audit has verdicts for). */
const verdictRules = [...perClaimRules, osaidIncomplete.id, claimClosedModelDependency.id];

interface Judged {
  files: SourceFile[];
  configs: Map<string, string>;
  result: AuditResult;
}

/** The last audit of each set of files with a document being edited, by that document's path. */
const judged = new Map<string, Judged>();
onClearChunkCache(() => judged.clear());
const maxJudged = 8;

const configKey = (config: Config) => JSON.stringify(config);

function editedPaths(files: SourceFile[], options: AuditOptions): string[] {
  return options.editing ? files.filter((file) => options.editing!(file.path)).map((file) => file.path) : [];
}

/** Remembers an audit of files with a document being edited (its next edit starts from it). */
export function rememberAudit(files: SourceFile[], options: AuditOptions, configFor: (root: string) => Config, result: AuditResult): void {
  const paths = editedPaths(files, options);
  if (paths.length !== 1 || options.judge) return;
  const configs = new Map(result.workspace.projects.map((project) => [project.root, configKey(configFor(project.root))]));
  judged.delete(paths[0]);
  judged.set(paths[0], { files: files.map((file) => ({ path: file.path, text: file.text })), configs, result });
  for (const [path] of judged) {
    if (judged.size <= maxJudged) break;
    judged.delete(path);
  }
}

const splicedResults = new WeakSet<AuditResult>();

/** Whether an audit was made from the previous one (tests check that the incremental path is taken). */
export function wasSpliced(result: AuditResult): boolean {
  return splicedResults.has(result);
}

/**
 * The audit of `files` from the previous one, or undefined when it must be
 * judged whole. `workspace` is already built from `files`.
 */
export function auditEdit(files: SourceFile[], options: AuditOptions, workspace: Workspace, configFor: (root: string) => Config): AuditResult | undefined {
  const paths = editedPaths(files, options);
  if (paths.length !== 1 || options.judge) return undefined;
  const path = paths[0];
  const previous = judged.get(path);
  if (!previous || previous.files.length !== files.length) return undefined;
  for (const [index, file] of files.entries()) {
    const before = previous.files[index];
    if (before.path !== file.path || (file.path !== path && before.text !== file.text)) return undefined;
  }
  const project = workspace.projectOf(path);
  const document = project.documents.find((candidate) => candidate.file === path);
  const edit = document && editOf(document);
  const oldDocument = previous.result.workspace.projectOf(path).documents.find((candidate) => candidate.file === path);
  if (!document || !edit || edit.previous !== oldDocument) return undefined;
  if (workspace.projects.length !== previous.configs.size || workspace.projects.some((other) => previous.configs.get(other.root) !== configKey(configFor(other.root)))) return undefined;
  if (project.models.length > 0 || previous.result.workspace.projectOf(path).models.length > 0) return undefined;
  if (document.comments.some((comment) => comment.text.includes('license-claims-'))) return undefined;
  const findings = movedFindings(previous.result.findings, path, edit);
  if (!findings) return undefined;
  // lines end in \n only in a spliced document (markdownEdits.ts): a line starts after the last \n before it
  const text = files.find((file) => file.path === path)!.text;
  const finish = findingFinisher(files, workspace, new Map([[path, (offset: number) => text.lastIndexOf('\n', offset - 1) + 1]]));
  const verdicts = new LazyVerdicts();
  const added: Finding[] = [];
  const inRegion = (claim: Claim) => claim.file === path && claim.span.start >= edit.start && claim.span.start < edit.newEnd;
  for (const each of workspace.projects) {
    const config = configFor(each.root);
    const policy = createPolicy(config.policy ?? 'osi', config.allow ?? []);
    const verdictOf = verdictsOf(workspace, policy, finish.textOf, verdicts);
    if (verdictRules.some((id) => config.rules?.[id] !== 'off')) verdicts.judge(each, verdictOf);
    for (const rule of rules) {
      const setting = config.rules?.[rule.id];
      if (setting === 'off') continue;
      const whole = wholeDocumentRules.has(rule.id);
      if (!whole && !(each === project && perClaimRules.has(rule.id))) continue;
      // the claims in the changed range only: every other claim's finding stands
      const scope = whole ? each : { ...each, claims: each.claims.filter(inRegion) };
      for (const draft of rule.check({ workspace, project: scope, policy, verdictOf })) {
        const finding = finish(rule, setting, draft);
        if (finding) added.push(finding);
      }
    }
  }
  const result: AuditResult = { findings: mergeSorted(findings, added), problems: workspace.problems, workspace, verdicts };
  splicedResults.add(result);
  rememberAudit(files, options, configFor, result);
  return result;
}

/**
 * The previous findings that stand, moved past the edit; undefined when one
 * that stands points into the changed range (it must be judged whole).
 */
function movedFindings(previous: Finding[], path: string, edit: MarkdownEdit): Finding[] | undefined {
  const { start, oldEnd } = edit;
  const delta = edit.newEnd - oldEnd;
  // in the changed range, or across its start
  const touches = (file: string, span: Span) => file === path && span.start < oldEnd && (span.start >= start || span.end > start);
  const movesSpan = (file: string, span: Span) => file === path && span.start >= oldEnd;
  const moved = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  const findings: Finding[] = [];
  for (const finding of previous) {
    if (wholeDocumentRules.has(finding.rule)) continue;
    if (perClaimRules.has(finding.rule) && touches(finding.file, finding.span)) continue;
    let moves = movesSpan(finding.file, finding.span);
    if (touches(finding.file, finding.span)) return undefined;
    for (const related of finding.related) {
      if (touches(related.file, related.span)) return undefined;
      moves ||= movesSpan(related.file, related.span);
    }
    for (const fix of finding.fixes) {
      for (const each of fix.edits) {
        if (touches(each.file, each.span)) return undefined;
        moves ||= movesSpan(each.file, each.span);
      }
    }
    if (!moves || delta === 0) {
      findings.push(finding);
      continue;
    }
    findings.push({
      ...finding,
      span: movesSpan(finding.file, finding.span) ? moved(finding.span) : finding.span,
      related: finding.related.some((related) => movesSpan(related.file, related.span))
        ? finding.related.map((related) => (movesSpan(related.file, related.span) ? { ...related, span: moved(related.span) } : related))
        : finding.related,
      fixes: finding.fixes.map((fix) => (fix.edits.some((each) => movesSpan(each.file, each.span))
        ? { ...fix, edits: fix.edits.map((each) => (movesSpan(each.file, each.span) ? { ...each, span: moved(each.span) } : each)) }
        : fix)),
    });
  }
  return findings;
}

/** Merges findings sorted by sortFindings' order with a few more (sorted here). */
function mergeSorted(sorted: Finding[], more: Finding[]): Finding[] {
  if (more.length === 0) return sorted;
  sortFindings(more);
  const merged: Finding[] = [];
  let index = 0;
  for (const finding of more) {
    // binary search: the first of `sorted` from `index` on that goes after `finding` (equal ones stay first, as a stable sort of the old ones followed by the new keeps them)
    let low = index;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareFindings(sorted[middle], finding) <= 0) low = middle + 1;
      else high = middle;
    }
    for (; index < low; index++) merged.push(sorted[index]);
    merged.push(finding);
  }
  for (; index < sorted.length; index++) merged.push(sorted[index]);
  return merged;
}

/**
 * The verdicts of an audit spliced from the previous one: a claim's verdict
 * is judged when first asked for (a hover), for the claims the whole audit
 * would have judged (openness claims, when a rule that judges them is on).
 */
class LazyVerdicts extends Map<Claim, ClaimVerdict> {
  private readonly judges = new Map<Project, (claim: Claim) => ClaimVerdict>();
  private readonly claimsOf = new Map<Project, Set<Claim>>();

  judge(project: Project, verdictOf: (claim: Claim) => ClaimVerdict): void {
    this.judges.set(project, verdictOf);
  }

  override get(claim: Claim): ClaimVerdict | undefined {
    const known = super.get(claim);
    if (known || !isOpennessClaim(claim)) return known;
    for (const [project, verdictOf] of this.judges) {
      let claims = this.claimsOf.get(project);
      if (!claims) this.claimsOf.set(project, (claims = new Set(project.claims)));
      if (claims.has(claim)) return verdictOf(claim);
    }
    return undefined;
  }
}
