// Words shared by the claim rules: how a claim and its governing declarations
// are described, the related locations, and the "reword the claim" fix.
import type { Claim, Declaration, Fix, RelatedLocation } from '../types.js';
import { describeLicense } from '../licenses/licenseKnowledge.js';
import type { ClaimVerdict, JudgedDeclaration } from '../claimVerdict.js';
import { rejectionReason, type Policy } from '../licenses/policy.js';
import type { FindingDraft, RuleContext } from './rule.js';

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
  // in a manifest string with escapes the span is the whole string: replacing it would destroy the rest (or an escape)
  if (claim.inexact) return [];
  const words = rewording[claim.language];
  const choices = claim.aboutModel ? [words.model, words.source] : [words.source];
  return choices.map((replacement) => {
    const capitalised = /^\p{Lu}/u.test(claim.text) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
    return { title: `Reword “${claim.text}” as “${capitalised}”`, edits: [{ file: claim.file, span: claim.span, newText: capitalised }] };
  });
}

/** Capitalises the start of a sentence, unless it starts with a file name ("package.json …"). */
export function capitalise(text: string): string {
  return /^[^\s]*\./u.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** ": it restricts use above …" — why the first rejected license fails the policy, or nothing when that is not known. */
export function becauseClause(entries: JudgedDeclaration[], policy: Policy): string {
  // a LICENSE text's cited clause says most (whatever order the declarations were read in)
  const first = entries.find((entry) => entry.rejected.length > 0 && entry.declaration.clauses?.length && entry.declaration.note)
    ?? entries.find((entry) => entry.rejected.length > 0);
  // the message names a clause by its line and quotes nothing; the related location quotes it
  const reason = first ? rejectionReason(first.rejected[0], policy, first.declaration.note).replace(/ \(line (\d+): “[^”]*”\)/u, ' (line $1)').replace(/: “[^”]*”?$/u, '') : '';
  if (!reason.includes(': ')) return '';
  return `${reason.slice(reason.indexOf(': '))}${first ? knownLicenseClause(first.declaration) : ''}`;
}

/** A known license's LICENSE text (Llama, BUSL): the catalog says why; the clause it points at shows where (" (LICENSE line 11: “…”)"). */
function knownLicenseClause(declaration: Declaration): string {
  const cited = declaration.note ? undefined : declaration.clauses?.find((clause) => clause.span.start === declaration.span.start);
  return cited ? ` (${declaration.file.slice(declaration.file.lastIndexOf('/') + 1)} line ${cited.line}: “${cited.excerpt}”)` : '';
}

/** How long a message may grow (about 160 characters) before its "because" clause is cut to its first clauses or left to the related locations and the hover. */
export const messageBudget = 140;
/** A head already over the budget gets no reason that would take the message past this many characters. */
export const messageLimit = 220;

/**
 * `head` + `reason` + ".": the whole reason when the message stays within
 * the budget, else as many of its leading clauses as fit, and at least its
 * first (": it allows only non-production use") — unless the head alone is
 * over the budget and the clause would take the message past `messageLimit`;
 * the related locations and the hover give the rest.
 */
export function sentence(head: string, reason: string): string {
  const room = messageBudget - head.length - 1;
  if (reason.length <= room) return `${head}${reason}.`;
  // never inside a clause's citation ("restricts fields of use (line 9) — not open source (OSD 6)")
  const cuts = [...reason.matchAll(/ \((?!line \d|OSD )| until | unless | except | and |, |; /gu)].map((match) => match.index);
  const fitting = cuts.filter((index) => index <= room);
  const cut = cuts.length === 0 ? `${head}${reason}.` : `${head}${reason.slice(0, fitting.length > 0 ? Math.max(...fitting) : cuts[0])}.`;
  // a head that is over the budget by itself (it names several licenses) says enough alone rather than pass the limit
  return head.length > messageBudget && cut.length > messageLimit ? `${head}.` : cut;
}

/** The relation each related declaration is shown with: "package.json `license`: CC-BY-NC-4.0". */
export function declarationRelated(entries: JudgedDeclaration[]) {
  return relatedDeclarations(entries, (entry) => `${capitalise(entry.declaration.label)}: ${licenseName(entry.declaration)}${citedExcerpt(entry.declaration)}`);
}

/** A LICENSE declaration that points at a restrictive clause: " — line 9: “You shall not use …”". */
function citedExcerpt(declaration: Declaration): string {
  const cited = declaration.clauses?.find((clause) => clause.span.start === declaration.span.start);
  return cited ? ` — line ${cited.line}: “${cited.excerpt}”` : '';
}

/** The shared loop of the claim rules: one finding on each openness claim whose verdict has `outcome`. */
export function claimFindings(
  context: RuleContext,
  rule: string,
  outcome: ClaimVerdict['outcome'],
  describe: (claim: Claim, verdict: ClaimVerdict) => Pick<FindingDraft, 'message' | 'related' | 'fixes'>,
): FindingDraft[] {
  return context.project.claims.filter(isOpennessClaim).flatMap((claim) => {
    const verdict = context.verdictOf(claim);
    return verdict.outcome === outcome ? [{ rule, file: claim.file, span: claim.span, ...describe(claim, verdict) }] : [];
  });
}
