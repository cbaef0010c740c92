// What a LICENSE-like file declares once its restrictive clauses are read:
// identification names the text, the clauses say whether it is open. A text
// nobody knows that has such a clause is a custom license that is not open
// source; an open license with such a clause added is a modified one; either
// way the declaration cites the clause and points at it.
import type { Span } from '../../types.js';
import type { Identification } from '../identifyLicenseText.js';
import { describeLicense } from '../licenseKnowledge.js';
import { clauseKinds, findRestrictiveClauses, type RestrictiveClause } from './restrictiveClauses.js';

/** A restrictive clause as a declaration carries it (plain data: it crosses worker threads). */
export interface DeclaredClause {
  kind: string;
  criterion: string;
  criterionTitle: string;
  label: string;
  reason: string;
  span: Span;
  /** 1-based, for messages. */
  line: number;
  endLine: number;
  text: string;
  excerpt: string;
}

export interface LicenseTextVerdict {
  /** The license the file declares: identification's, `LicenseRef-modified-<id>`, or `LicenseRef-custom-text-<file>`. */
  license: string | null;
  /** "LICENSE-MODEL restricts fields of use (line 9: “…”) — not open source (OSD 6)", when the clause decides. */
  note?: string;
  /** The clause cited, where the declaration then points. */
  cited?: DeclaredClause;
  clauses: DeclaredClause[];
}

export const customTextPrefix = 'LicenseRef-custom-text-';

/** The LicenseRef of an unidentified text with restrictive clauses, named for its file. */
export function customTextId(fileName: string): string {
  return `${customTextPrefix}${fileName.replace(/[^A-Za-z0-9.]+/gu, '-').replace(/^[-.]+|[-.]+$/gu, '') || 'LICENSE'}`;
}

const kindOrder = new Map(clauseKinds.map((kind, index) => [kind.id, index]));

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

export function declaredClauses(text: string, clauses: RestrictiveClause[] = findRestrictiveClauses(text)): DeclaredClause[] {
  return clauses.map((clause) => ({
    kind: clause.kind,
    criterion: clause.criterion,
    criterionTitle: clause.criterionTitle,
    label: clause.label,
    reason: clause.reason,
    span: clause.span,
    line: lineAt(text, clause.span.start),
    endLine: lineAt(text, clause.span.end),
    text: clause.text,
    excerpt: clause.excerpt,
  }));
}

/** The clause a message cites: the first of the kind that comes first in the data (non-commercial before a branding duty). */
export function citedClause(clauses: DeclaredClause[]): DeclaredClause | undefined {
  return [...clauses].sort((a, b) => (kindOrder.get(a.kind) ?? 99) - (kindOrder.get(b.kind) ?? 99) || a.span.start - b.span.start)[0];
}

/** "LICENSE-MODEL restricts fields of use (line 9: “You shall not use …”) — not open source (OSD 6)". */
export function citation(fileName: string, clause: DeclaredClause): string {
  return `${fileName} ${clause.label} (line ${clause.line}: “${clause.excerpt}”) — not open source (${clause.criterion})`;
}

export function judgeLicenseText(fileName: string, text: string, identified: Identification): LicenseTextVerdict {
  const clauses = declaredClauses(text);
  const cited = citedClause(clauses);
  if (!cited) return { license: identified.license, clauses };
  const note = citation(fileName, cited);
  if (!identified.license) return { license: customTextId(fileName), note, cited, clauses };
  if (identified.basedOn) return { license: identified.license, note: `it adds terms to the ${identified.basedOn} license: ${note}`, cited, clauses };
  const known = describeLicense(identified.license);
  // an open license's text with a restrictive clause added (the notice of Apache 2.0 under "additional conditions")
  if (known.osiApproved || known.fsfLibre) return { license: `LicenseRef-modified-${known.id}`, note: `it adds terms to the ${known.id} license: ${note}`, cited, clauses };
  // a known license that is not open (Llama, BUSL): the catalog says why; the declaration points at the clause
  return { license: identified.license, cited, clauses };
}
