// Words shared by the claim rules: how a claim and its governing declarations
// are described, the related locations, and the "reword the claim" fix.
import type { Claim, Declaration, Fix, RelatedLocation } from '../types.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import type { JudgedDeclaration } from '../claimVerdict.js';

/**
 * Claims that say "open source" (or free software). A named-license claim is
 * a declaration (README prose) and is judged by license-mismatch; open-weight
 * wording claims no open-source license and is not judged.
 */
export function isOpennessClaim(claim: Claim): boolean {
  return claim.kind === 'open-source' || claim.kind === 'free-software';
}

export function subject(claim: Claim): string {
  return claim.aboutModel ? 'the model' : 'the project';
}

export function calledPhrase(claim: Claim): string {
  return `is called “${claim.text.replace(/\s+/gu, ' ')}”`;
}

export function licenseName(declaration: Declaration): string {
  return declaration.expression ? describeLicense(declaration.expression).name : declaration.raw;
}

export function relatedDeclarations(judged: JudgedDeclaration[], describe: (entry: JudgedDeclaration) => string): RelatedLocation[] {
  return judged.map((entry) => ({ file: entry.declaration.file, span: entry.declaration.span, message: describe(entry) }));
}

const rewording: Record<Claim['language'], { source: string; model: string }> = {
  en: { source: 'source-available', model: 'open-weight' },
  de: { source: 'quellcode-verfügbar', model: 'mit offenen Gewichten' },
  fr: { source: 'à source disponible', model: 'à poids ouverts' },
  es: { source: 'de código disponible', model: 'de pesos abiertos' },
};

/** "open source" → "source-available" (or "open-weight" for a model), in the claim's language. */
export function rewordFixes(claim: Claim): Fix[] {
  const words = rewording[claim.language];
  const choices = claim.aboutModel ? [words.model, words.source] : [words.source];
  return choices.map((replacement) => {
    const capitalised = /^\p{Lu}/u.test(claim.text) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
    return { title: `Reword “${claim.text}” as “${capitalised}”`, edits: [{ file: claim.file, span: claim.span, newText: capitalised }] };
  });
}
