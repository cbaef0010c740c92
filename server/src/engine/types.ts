// The engine's vocabulary (see DESIGN.md). Offsets are UTF-16 code-unit
// offsets into the file's text; line/column conversion happens at the edges.
import type { DeclaredClause } from './licenses/clauses/licenseTextVerdict.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Span {
  start: number;
  end: number;
}

/** A file the engine looks at: a path relative to the audited root, `/`-separated. */
export interface SourceFile {
  path: string;
  text: string;
}

export type ClaimKind = 'open-source' | 'named-license' | 'open-weights' | 'free-software';
export type ClaimLanguage = 'en' | 'de' | 'fr' | 'es';

/** A span of prose that asserts openness about this project. */
export interface Claim {
  kind: ClaimKind;
  language: ClaimLanguage;
  file: string;
  span: Span;
  /** The matched words, as written. */
  text: string;
  /** True when the claim is about the model or its weights, not only the code. */
  aboutModel: boolean;
  /** For named-license claims: the license named, normalised to an SPDX-style id when possible. */
  namedLicense?: string;
  /**
   * True when `span` is the whole manifest string rather than the claim's
   * words (the string has escapes, so value offsets do not map to the
   * source): no fix may replace it.
   */
  inexact?: boolean;
}

export type DeclarationSource =
  | 'package.json'
  | 'pyproject.toml'
  | 'Cargo.toml'
  | 'front-matter'
  | 'CITATION.cff'
  | 'codemeta.json'
  | 'license-file'
  | 'readme-section'
  | 'readme-badge'
  | 'readme-prose'
  | 'spdx-header';

/** What part of the project a declaration covers. */
export type DeclarationScope = 'all' | 'code' | 'model';

/** Where a license is stated. */
export interface Declaration {
  source: DeclarationSource;
  file: string;
  span: Span;
  /** The value as written (`MIT`, `llama2`, `SEE LICENSE IN LICENSE.txt`, a file's title…). */
  raw: string;
  /**
   * The license as an SPDX expression or `LicenseRef-…`, when it could be
   * determined; `undefined` when the value names no license that can be judged.
   */
  expression?: string;
  /** Why `expression` is missing, in a phrase ("`license: other`", "the text matches no known license"). */
  unjudgeable?: string;
  /**
   * Why the license is not open when no catalog knows it: a custom license
   * named in prose, or terms stated in the README ("for academic research only").
   */
  note?: string;
  /** A manifest field that points to the license text (`license-file`, `license = {file = …}`): that file, relative to the manifest. */
  fileReference?: string;
  /** A README's link to a license file (`fileReference` is its target): dropped when that file is not there. */
  linked?: boolean;
  /** A license file that holds several licenses (`expression` is then `A OR B`, `A AND B`): each, with its 1-based lines. */
  licenseParts?: { license: string; startLine: number; endLine: number }[];
  /** True for manifest fields whose value must be a valid SPDX expression. */
  strictSpdx: boolean;
  scope: DeclarationScope;
  /**
   * The parts a README License section lists under this license ("The following components are MIT licensed:" and a
   * list): a claim that names one of them is judged by the declarations that cover it.
   */
  covers?: string[];
  /** Human-readable name of the place, for related-location messages ("package.json `license`"). */
  label: string;
  /** For a LICENSE-like file: the clauses of its text that break the Open Source Definition (rule restrictive-clause). */
  clauses?: DeclaredClause[];
}

/** Data a fix needs: pure text edits, or a file to create. */
export interface TextEdit {
  file: string;
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  createFiles?: { file: string; text: string }[];
}

export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  span: Span;
  message: string;
  related: RelatedLocation[];
  fixes: Fix[];
}
