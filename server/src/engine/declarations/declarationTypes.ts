import type { Declaration, DeclarationScope, DeclarationSource, Span } from '../types.js';
import type { ResolvedLicense } from '../licenses/resolveLicense.js';

/** A file that could not be read as what its name says (bad JSON, TOML, YAML). */
export interface FileProblem {
  file: string;
  span: Span;
  message: string;
}

/** A manifest text field whose prose may hold claims (description, keywords). */
export interface ProseField {
  file: string;
  /** The string's value and the source offset of its first character. */
  text: string;
  start: number;
  /** Whether value offsets map 1:1 to source (no escapes). */
  exact: boolean;
  label: string;
}

export interface FileDeclarations {
  declarations: Declaration[];
  proseFields: ProseField[];
  problems: FileProblem[];
  /** The package name a manifest declares, normalised (manifestNames.ts), for telling the project's own program in a deployment file. */
  packageName?: string;
}

/**
 * Where a parse error at `offset` is reported: one character, always inside the text (an error at the
 * end of the text — a truncated file, an empty one — gets the empty span at its end).
 */
export function problemSpan(text: string, offset: number, length = 1): Span {
  const start = Math.min(Math.max(0, offset), text.length);
  return { start, end: Math.min(text.length, start + Math.max(1, length)) };
}

export function emptyDeclarations(): FileDeclarations {
  return { declarations: [], proseFields: [], problems: [] };
}

/** A manifest field naming the file that holds the license text; the project resolves it. */
export function fileReferenceDeclaration(source: DeclarationSource, file: string, span: Span, reference: string, label: string): Declaration & { resolved: ResolvedLicense } {
  const declaration = makeDeclaration(
    { unjudgeable: `${label} points to ${reference}, which was not read`, deprecatedIds: [] },
    { source, file, span, raw: reference, label, strictSpdx: false },
  );
  return { ...declaration, fileReference: reference };
}

export function makeDeclaration(
  resolved: ResolvedLicense,
  fields: { source: DeclarationSource; file: string; span: Span; raw: string; label: string; strictSpdx: boolean; scope?: DeclarationScope },
): Declaration & { resolved: ResolvedLicense } {
  return {
    source: fields.source,
    file: fields.file,
    span: fields.span,
    raw: fields.raw,
    label: fields.label,
    strictSpdx: fields.strictSpdx,
    scope: fields.scope ?? 'all',
    expression: resolved.expression,
    unjudgeable: resolved.expression ? undefined : resolved.unjudgeable,
    note: resolved.note,
    resolved,
  };
}
