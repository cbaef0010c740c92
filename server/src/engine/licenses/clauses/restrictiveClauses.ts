// The clauses of a license-like text that keep it from being open source:
// each with its offsets, its kind and the Open Source Definition criterion it
// breaks. Read from the text whatever identification says, so that a custom
// "community license" or a rebranded Apache 2.0 is judged by what it says.
// The kinds and phrases are data (data/restrictiveClauses.json).
import type { Span } from '../../types.js';
import data from '../data/restrictiveClauses.json';
import { clauseSegments } from './clauseSegments.js';

export interface ClauseKind {
  id: string;
  /** Completes "LICENSE-MODEL …": "restricts fields of use". */
  label: string;
  /** "OSD 6". */
  criterion: string;
  /** Why a clause of this kind breaks the criterion (hover, docs). */
  explanation: string;
}

interface PhraseData {
  kind: string;
  pattern: string;
  reason: string;
  criterion?: string;
  /** A pattern that, found in the same sentence, makes the phrase no restriction ("for any purpose, … military …"). */
  unless?: string;
  /** The phrase names or points at a restriction (the license's title, "the Acceptable Use Policy"): only its first sentence is a clause. */
  once?: boolean;
}

interface ClauseData {
  criteria: Record<string, { title: string; url: string }>;
  kinds: ClauseKind[];
  languages: Record<string, PhraseData[]>;
}

export interface RestrictiveClause {
  kind: string;
  /** "OSD 6". */
  criterion: string;
  /** "No Discrimination Against Fields of Endeavor". */
  criterionTitle: string;
  /** "restricts fields of use". */
  label: string;
  /** Why this phrase is of its kind ("bans military or weapons use"). */
  reason: string;
  /** The language of the phrase that matched. */
  language: string;
  /** The sentence or list item, in the text. */
  span: Span;
  /** Its words, whitespace collapsed. */
  text: string;
  /** A short quotation around the words that matched, "…" where cut. */
  excerpt: string;
}

export interface Phrase extends PhraseData {
  language: string;
  regex: RegExp;
  unlessRegex?: RegExp;
  /** The pattern looks past the words it matches (a lookaround, `^` or `$`): it is tried on every segment (see findUncached). */
  contextual: boolean;
}

const clauseData = data as ClauseData;
export const clauseKinds: readonly ClauseKind[] = clauseData.kinds;
const kindById = new Map(clauseKinds.map((kind) => [kind.id, kind]));
let phrases: Phrase[] | undefined;

// Case-insensitive, without the `u` flag: V8 runs these patterns about 3.5 times faster so (they need
// nothing of it: \b, \w and \d are ASCII either way, and the Chinese phrases are literal characters).
const flags = 'i';

export function compiledPhrases(): readonly Phrase[] {
  phrases ??= Object.entries(clauseData.languages).flatMap(([language, list]) =>
    list.map((phrase) => ({ ...phrase, language, regex: new RegExp(phrase.pattern, flags), unlessRegex: phrase.unless ? new RegExp(phrase.unless, flags) : undefined, contextual: looksAround(phrase.pattern) })));
  return phrases;
}

/** Whether a pattern has a lookaround (or a named group, `(?<`), a `^` or a `$` outside a class's leading `[^`: anything whose match could depend on text beyond the words matched. Errs towards yes. */
export function looksAround(pattern: string): boolean {
  // a loop, not regular expressions: this runs for every phrase on the first judgment of a license text
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') at++;
    else if (char === '[' && pattern[at + 1] === '^') at++;
    else if (char === '^' || char === '$') return true;
    else if (char === '(' && pattern[at + 1] === '?' && (pattern[at + 2] === '=' || pattern[at + 2] === '!' || pattern[at + 2] === '<')) return true;
  }
  return false;
}

export function clauseKind(id: string): ClauseKind | undefined {
  return kindById.get(id);
}

export function criterionTitle(criterion: string): string {
  return clauseData.criteria[criterion]?.title ?? criterion;
}

const excerptLength = 110;

/** Around the words that matched: the start of the sentence when it is near, else "…" and a little before. */
function excerptOf(text: string, start: number, end: number): string {
  if (text.length <= excerptLength) return text;
  let from = start < 50 ? 0 : text.lastIndexOf(' ', start - 30) + 1;
  let to = Math.min(text.length, Math.max(end, from + excerptLength));
  if (text.length - to <= 20) to = text.length;
  else {
    // end at a word's end
    const space = text.indexOf(' ', to);
    to = space < 0 || space - to > 20 ? to : space;
  }
  if (to - from > excerptLength + 40) from = Math.max(0, text.lastIndexOf(' ', start - 1) + 1);
  return `${from > 0 ? '… ' : ''}${text.slice(from, to).replace(/[\s,;:]+$/u, '')}${to < text.length ? ' …' : ''}`;
}

const textLength = 300;

// The same text is analysed on every keystroke in a document it governs: remember the last ones.
const recent = new Map<string, RestrictiveClause[]>();
const recentLimit = 32;

/** Every restrictive clause of `text`, in order; at most one per kind in each sentence or list item. */
export function findRestrictiveClauses(text: string): RestrictiveClause[] {
  const known = recent.get(text);
  if (known) return known;
  const found = findUncached(text);
  if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
  recent.set(text, found);
  return found;
}

/** Past this many characters a text is not read further (license texts are far shorter; the rest would only cost time). */
export const maxAnalysedLength = 200_000;

/** V8 compiles a pattern straight to machine code when it first runs on a subject this long, and to bytecode first (then again to machine code on its second run) on a shorter one. */
const machineCodeSubject = 1000;

function findUncached(text: string): RestrictiveClause[] {
  const found: RestrictiveClause[] = [];
  const spent = new Set<Phrase>();
  const segments = clauseSegments(text.length > maxAnalysedLength ? text.slice(0, maxAnalysedLength) : text);
  if (segments.length === 0) return found;
  // Each phrase is tried once on all the segments joined by line breaks, and on each segment only if it
  // matches there: a pattern that does not look past the words it matches (not `contextual`) matches a
  // segment only if it matches the joined text, where the segment stands between line breaks (no segment
  // has one: their whitespace is collapsed), which \b and \B read as they read a string's ends. A license
  // text matches few phrases, and the first judgment costs far less: the joined text, padded with line
  // breaks where short, is long enough for V8 to compile each pattern once, to machine code.
  const joined = segments.map((segment) => segment.text).join('\n');
  const subject = joined.length < machineCodeSubject ? joined.padEnd(machineCodeSubject, '\n') : joined;
  const possible = compiledPhrases().filter((phrase) => phrase.contextual || phrase.regex.test(subject));
  for (const segment of segments) {
    const kinds = new Set<string>();
    for (const phrase of possible) {
      if (kinds.has(phrase.kind) || spent.has(phrase)) continue;
      const match = phrase.regex.exec(segment.text);
      if (!match || phrase.unlessRegex?.test(segment.text)) continue;
      if (phrase.once) spent.add(phrase);
      const kind = kindById.get(phrase.kind);
      if (!kind) continue;
      kinds.add(phrase.kind);
      const criterion = phrase.criterion ?? kind.criterion;
      found.push({
        kind: kind.id,
        criterion,
        criterionTitle: criterionTitle(criterion),
        label: kind.label,
        reason: phrase.reason,
        language: phrase.language,
        span: { start: segment.start, end: segment.end },
        text: segment.text.length > textLength ? `${segment.text.slice(0, textLength).replace(/\s+\S*$/u, '')} …` : segment.text,
        excerpt: excerptOf(segment.text, match.index, match.index + match[0].length),
      });
    }
  }
  return found;
}
