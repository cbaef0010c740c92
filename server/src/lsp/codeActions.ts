// Quick fixes and the fix-all source action. The fixes come from the last
// (or a fresh) judgement of the document, matched by rule and range: they do
// not travel in `diagnostic.data`, and what a client sends back is not trusted.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticSource, fixAllKind, fixesOf } from './convert.js';
import type { Validator } from './validation.js';
import { editStaysInside } from './workspaceEdits.js';
import { gitUserName, openCreatedFile, withCopyrightHolder } from './createdFiles.js';

const sameRange = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * The quick fixes for the diagnostics in `params`, and fix-all. `folder` is
 * the document's workspace folder (a path; undefined outside every folder):
 * an action whose edits would write outside it, or create a file that exists,
 * is never offered.
 */
export async function codeActions(params: CodeActionParams, document: TextDocument, validator: Validator, folder: string | undefined): Promise<CodeAction[]> {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource);
    const validation = ours.length > 0 ? await validator.latest(document) : undefined;
    for (const diagnostic of ours) {
      const judged = validation?.diagnostics.find((candidate) => candidate.code === diagnostic.code && sameRange(candidate, diagnostic));
      for (const fix of judged ? fixesOf(judged) : []) {
        if (!editStaysInside(fix.edit, folder, document.uri)) continue;
        // a new LICENSE names the git user when no manifest named anyone, and opens once created
        const edit = withCopyrightHolder(fix.edit, fix.edit.documentChanges ? gitUserName(folder) : undefined);
        const command = openCreatedFile(edit);
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: fix.preferred, ...(command ? { command } : {}) });
      }
    }
  }
  if (wants(only, fixAllKind) && only) {
    const validation = await validator.latest(document);
    const edits: TextEdit[] = [];
    for (const diagnostic of validation?.diagnostics ?? []) {
      const fix = fixesOf(diagnostic).find((candidate) => candidate.preferred);
      const own = fix?.edit.changes?.[document.uri];
      if (!fix || !own || Object.keys(fix.edit.changes ?? {}).length !== 1) continue;
      const overlaps = own.some((edit) => edits.some((other) => !(document.offsetAt(edit.range.end) <= document.offsetAt(other.range.start) || document.offsetAt(edit.range.start) >= document.offsetAt(other.range.end))));
      if (!overlaps) edits.push(...own);
    }
    if (edits.length > 0 && editStaysInside({ changes: { [document.uri]: edits } }, folder, document.uri)) actions.push({ title: 'Fix all License Claims problems that have a safe fix', kind: fixAllKind, edit: { changes: { [document.uri]: edits } } });
  }
  return actions;
}
