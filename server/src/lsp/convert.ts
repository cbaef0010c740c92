// Engine results → LSP shapes: offsets to positions, findings to
// diagnostics, fixes to WorkspaceEdits. Nothing here judges anything.
import { CodeActionKind, DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type WorkspaceEdit } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Finding, Fix, Severity } from '../engine/types.js';
import { FileRanges } from '../engine/text/lineIndex.js';
import { docsUrl } from '../engine/rules/index.js';
import type { DiagnosticData, FixData } from '../protocol.js';

export const diagnosticSource = 'license-claims';
export const fixAllKind = `${CodeActionKind.SourceFixAll}.licenseClaims`;

const severity: Record<Severity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

// a document's thousands of diagnostics name the same few files (their related declarations)
const uris = new Map<string, string>();

/** A folder's engine path ('' = root, 'docs/a.md') → file URI. */
export function uriOf(root: string, path: string): string {
  const key = `${root}\0${path}`;
  let uri = uris.get(key);
  if (uri === undefined) {
    uri = pathToFileURL(join(root, path)).href;
    if (uris.size >= 4096) uris.clear();
    uris.set(key, uri);
  }
  return uri;
}

/** Which fixes are safe to apply without looking (fix-all): a corrected id, a manifest aligned with its LICENSE text. */
function isPreferred(finding: Finding, fix: Fix, index: number): boolean {
  if (finding.rule === 'invalid-license-id') return index === 0;
  if (finding.rule === 'license-mismatch') return index === 0 && fix.edits.length > 0;
  if (finding.rule === 'deprecated-license-id') return finding.fixes.length === 1 && index === 0;
  return false;
}

export function fixToEdit(fix: Fix, root: string, lookup: FileRanges): WorkspaceEdit {
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  for (const edit of fix.edits) (changes[uriOf(root, edit.file)] ??= []).push({ range: lookup.range(edit.file, edit.span), newText: edit.newText });
  if (!fix.createFiles?.length) return { changes };
  // file creation needs documentChanges: create (never overwriting), then insert the text
  return {
    documentChanges: [
      ...fix.createFiles.flatMap((created) => [
        { kind: 'create' as const, uri: uriOf(root, created.file), options: { overwrite: false, ignoreIfExists: true } },
        { textDocument: { uri: uriOf(root, created.file), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: created.text }] },
      ]),
      ...Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
    ],
  };
}

// Parts that thousands of diagnostics have in common are one object each (nothing changes a
// diagnostic once made): fewer objects to make and for the collector to copy while they are sent.
const codeDescriptions = new Map<string, { href: string }>();
const codeDescriptionOf = (rule: string) => {
  let description = codeDescriptions.get(rule);
  if (!description) codeDescriptions.set(rule, (description = { href: docsUrl(rule) }));
  return description;
};

/** The related locations converted with each FileRanges (one judgment's), by place and message. */
const relatedByLookup = new WeakMap<FileRanges, Map<string, DiagnosticRelatedInformation>>();

function relatedInformation(related: Finding['related'][number], root: string, lookup: FileRanges): DiagnosticRelatedInformation {
  let converted = relatedByLookup.get(lookup);
  if (!converted) relatedByLookup.set(lookup, (converted = new Map()));
  const key = `${root}\0${related.file}\0${related.span.start}\0${related.span.end}\0${related.message}`;
  let information = converted.get(key);
  if (!information) converted.set(key, (information = { location: { uri: uriOf(root, related.file), range: lookup.range(related.file, related.span) }, message: related.message }));
  return information;
}

/** The fixes of each diagnostic made here, computed when a code action first asks (see fixesOf). */
const pendingFixes = new WeakMap<Diagnostic, FixData[] | (() => FixData[])>();

/**
 * A finding as a diagnostic. Its fixes do not travel with it (thousands of
 * WorkspaceEdits made a large document's diagnostics twice the size, to be
 * made, sent and parsed after every keystroke): `data` says only the rule and
 * the version, and `fixesOf` makes the fixes of a diagnostic from here,
 * given `canCreate` (which says where a fix may create a file).
 */
export function toDiagnostic(finding: Finding, root: string, lookup: FileRanges, version: number | null, canCreate?: (path: string) => boolean): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, version };
  const diagnostic: Diagnostic = {
    range: lookup.range(finding.file, finding.span),
    severity: severity[finding.severity],
    code: finding.rule,
    codeDescription: codeDescriptionOf(finding.rule),
    source: diagnosticSource,
    message: finding.message,
    relatedInformation: finding.related.map((related) => relatedInformation(related, root, lookup)),
    data,
  };
  // (without `canCreate`, none: the workspace audit's diagnostics of files that are not open offer no fixes,
  // and keeping them would keep the audit's line indexes alive)
  if (canCreate) pendingFixes.set(diagnostic, () => finding.fixes
    .filter((fix) => (fix.createFiles ?? []).every((created) => canCreate(created.file)))
    .map((fix, index) => ({ title: fix.title, preferred: isPreferred(finding, fix, index), edit: fixToEdit(fix, root, lookup) })));
  return diagnostic;
}

/** The fixes of a diagnostic `toDiagnostic` made (none for any other), as WorkspaceEdits of the text it was judged on. */
export function fixesOf(diagnostic: Diagnostic): FixData[] {
  const pending = pendingFixes.get(diagnostic);
  if (pending === undefined) return [];
  if (Array.isArray(pending)) return pending;
  const fixes = pending();
  pendingFixes.set(diagnostic, fixes);
  return fixes;
}
