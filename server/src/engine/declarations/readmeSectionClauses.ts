// A README License section read as a license text: "The weights may be used
// for research purposes only", "You may not use this model to improve other
// large language models". Each sentence that names no license is analysed for
// restrictive clauses (the same data as a LICENSE file's); a sentence with
// clauses declares the README's own terms, which are not open source, and
// points at the clause it cites.
import type { DeclarationScope } from '../types.js';
import { sourceSpan, type ProseBlock } from '../markdown/proseBlocks.js';
import { citation, citedClause, declaredClauses, type DeclaredClause } from '../licenses/clauses/licenseTextVerdict.js';
import { makeDeclaration } from './declarationTypes.js';

/** The id of the terms a README License section states in its own words. */
export const readmeTermsId = 'LicenseRef-README-license-terms';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** The restrictive clauses of `block.text[start, end)` (a sentence of a License section), with spans and lines in `fileText`. */
export function readmeSectionClauses(fileText: string, block: ProseBlock, start: number, end: number): DeclaredClause[] {
  return declaredClauses(block.text.slice(start, end)).map((clause) => {
    const span = sourceSpan(block, start + clause.span.start, start + clause.span.end);
    return { ...clause, span, line: lineAt(fileText, span.start), endLine: lineAt(fileText, Math.max(span.start, span.end - 1)) };
  });
}

/** The declaration of a License-section sentence with restrictive clauses: the README's own terms, citing the first clause. */
export function readmeClausesDeclaration(file: string, clauses: DeclaredClause[], scope: DeclarationScope) {
  const cited = citedClause(clauses)!;
  const name = `${file.slice(file.lastIndexOf('/') + 1)} License section`;
  const declaration = makeDeclaration(
    { expression: readmeTermsId, note: citation(name, cited), deprecatedIds: [] },
    { source: 'readme-section', file, span: cited.span, raw: cited.excerpt, label: 'README License section', strictSpdx: false, scope },
  );
  return { ...declaration, clauses };
}
