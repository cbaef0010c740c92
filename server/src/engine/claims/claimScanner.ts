// Finds claims in one piece of prose: claim phrases, minus negations,
// third-party mentions and names that merely contain the words.
import type { ClaimKind, ClaimLanguage, Span } from '../types.js';
import { findLicenseMentions, type LicenseMention } from '../licenses/licenseMentions.js';
import { sentenceAround } from '../text/sentences.js';
import { claimPatterns, futureAfter, futureBefore, modelWords, namesContainingClaimWords, negationWords, sentimentBefore, thirdPartyAfter, thirdPartyBefore, toolNouns } from './phrases.js';

export interface ProseClaim {
  kind: ClaimKind;
  language: ClaimLanguage;
  /** Range within the scanned text. */
  start: number;
  end: number;
  aboutModel: boolean;
  namedLicense?: string;
}

export interface ScanContext {
  /** Ranges of link text inside the scanned text (a link right after a mention names a third party). */
  links?: (Span & { external?: boolean })[];
}

const clauseBreakChar = /[.;:!?()[\]|•·—–\n]/u;

function isClauseBreak(text: string, index: number): boolean {
  const char = text[index] ?? '';
  if (char === '.' && /\d/u.test(text[index + 1] ?? '')) return false; // "2.0"
  return clauseBreakChar.test(char) || (char === ',' && /\s/u.test(text[index + 1] ?? ' '));
}

/** How far the words of a clause are looked for (a clause is not a megabyte long). */
const clauseReach = 200;

/** The words of the same clause before `index`, nearest first, lower-case. */
function wordsBefore(text: string, index: number, count: number): string[] {
  let from = index;
  const earliest = Math.max(0, index - clauseReach);
  while (from > earliest && !isClauseBreak(text, from - 1)) from--;
  return text.slice(from, index).toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean).reverse().slice(0, count);
}

/** The words of the same clause after `index`, nearest first, lower-case. */
function wordsAfter(text: string, index: number, count: number): string[] {
  let to = index;
  const latest = Math.min(text.length, index + clauseReach);
  while (to < latest && !isClauseBreak(text, to)) to++;
  return text.slice(index, to).toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean).slice(0, count);
}


/**
 * In spans sorted by start (quotes, links, license mentions: none overlaps
 * another), the index of the first that starts after `offset` (its length when
 * none does). Binary search: a block with thousands of claims stays linear.
 */
function firstStartingAfter(sorted: Span[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The span that starts last at or before `offset`, if any. */
function lastStartingAtOrBefore<T extends Span>(sorted: T[], offset: number): T | undefined {
  return sorted[firstStartingAfter(sorted, offset) - 1];
}

/** Which characters of a text are already part of a claim. */
class Covered {
  private marks: Uint8Array | undefined;

  constructor(private readonly length: number) {}

  overlaps(start: number, end: number): boolean {
    if (!this.marks) return false;
    for (let i = start; i < end; i++) if (this.marks[i]) return true;
    return false;
  }

  covers(start: number, end: number): boolean {
    if (!this.marks || end <= start) return false;
    for (let i = start; i < end; i++) if (!this.marks[i]) return false;
    return true;
  }

  add(start: number, end: number): void {
    this.marks ??= new Uint8Array(this.length);
    this.marks.fill(1, start, end);
  }
}

function isNegated(text: string, start: number): boolean {
  const before = wordsBefore(text, start, 4);
  if (before.some((word) => negationWords.has(word) || word.endsWith("n't"))) return true;
  // "non-open-source", "not-open-source"
  return /\b(?:non|not)[-\u2010\u2011]$/iu.test(text.slice(Math.max(0, start - 4), start));
}

/** A promise or a plan ("will be open-sourced", "we plan to open-source it next year"): not a statement about now. */
function isFuture(text: string, start: number, end: number): boolean {
  return wordsBefore(text, start, 6).some((word) => futureBefore.has(word)) || wordsAfter(text, end, 4).some((word) => futureAfter.has(word));
}

/** A sentiment about open source in general ("We love open source", "committed to open source"). */
function isSentiment(text: string, start: number): boolean {
  return wordsBefore(text, start, 3).some((word) => sentimentBefore.has(word));
}

/** A question ("Is it open source? Not yet."): the sentence ends with a question mark. */
function isQuestion(text: string, end: number): boolean {
  const latest = Math.min(text.length, end + clauseReach);
  for (let i = end; i < latest; i++) {
    const char = text[i];
    if (char === '?' || char === '？') return true;
    if (char === '.' && !/\d/u.test(text[i + 1] ?? '')) return false;
    if (char === '!' || char === '\n') return false;
  }
  return false;
}

/**
 * A block that starts with a link and then a separator ("[RAGFlow](…): an
 * open-source RAG engine", "[Tool](…) — open source …"): an entry of a list
 * of other projects, described by what follows.
 */
const codeHost = /^\s*(?:on\s+)?(?:github|gitlab|gitee|codeberg|bitbucket|sourcehut|hugging\s*face)\b/iu;

function describesLeadLink(text: string, links: Span[]): boolean {
  const lead = links[0];
  // (a badge, a link around an image, names nothing)
  if (!lead || !/\p{L}{2}/u.test(text.slice(lead.start, lead.end)) || !/^[\s*+•·\-–—>\p{Extended_Pictographic}\uFE0F]*$/u.test(text.slice(0, lead.start))) return false;
  return /^\s*(?:[:：]|[-–—]\s)/u.test(text.slice(lead.end));
}

function isAboutOthers(text: string, start: number, end: number, links: Span[]): boolean {
  const before = wordsBefore(text, start, 4);
  // ("most open-source models" are others; "one of the most capable open-source models" is this one among them)
  if (before.slice(0, 3).some((word, index) => thirdPartyBefore.has(word) && !(word === 'most' && before[index + 1] === 'the'))) return true;
  const after = wordsAfter(text, end, 3);
  const noun = after.find((word) => !/^(?:and|&|ai|ml|llm|software|source|code|large|language|machine|learning|generative|foundation|base)$/u.test(word)) ?? after[0];
  // ("an open-source initiative" is what the subject is, not the OSI)
  if (noun && thirdPartyAfter.has(noun) && !(noun === 'initiative' && /^an?$/u.test(before[0] ?? ''))) return true;
  // "the open-source evaluation tool [OpenCompass](…)": a tool noun, then a link that names someone else's project
  // "the open source C library "decNumber"": a tool noun, then a quoted name
  const quoted = /^([^"“\n]{1,40}?)\s*["“]\S/u.exec(text.slice(end, end + 60));
  if (quoted && namesATool(quoted[1])) return true;
  const link = links[firstStartingAfter(links, end)];
  if (link && link.start - end > 40) return false;
  if (!link) return false;
  return namesATool(text.slice(end, link.start));
}

/** One to three words, one of them a tool noun ("evaluation tool", "C library"): what stands between a mention and the name of someone else's project. */
function namesATool(between: string): boolean {
  const words = between.trim().toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 3 && words.some((word) => toolNouns.test(word));
}

const quotePairs: Record<string, string> = { '"': '"', '“': '”', '„': '“”', '«': '»', '‹': '›', '‘': '’', "'": "'" };

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Ranges inside quotation marks: quoted words are examples or names, not statements. */
function quotedRanges(text: string): Span[] {
  const ranges: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const closers = quotePairs[text[i]];
    if (!closers) continue;
    // a straight single quote opens a quotation only before a word and after none (not "Sorhus' work", "it's")
    const apostrophe = text[i] === "'";
    if (apostrophe && (isWordChar(text[i - 1]) || !isWordChar(text[i + 1]))) continue;
    const closes = (j: number) => closers.includes(text[j]) && !(apostrophe && isWordChar(text[j + 1]));
    let j = i + 1;
    // a quotation may wrap onto the next line of its paragraph, not past a blank line
    while (j < text.length && j - i <= 150 && !closes(j) && !(text[j] === '\n' && text[j + 1] === '\n')) j++;
    if (j < text.length && closes(j)) {
      ranges.push({ start: i, end: j + 1 });
      i = j;
    }
  }
  return ranges;
}

function maskNames(text: string): string {
  let masked = text;
  for (const pattern of namesContainingClaimWords) {
    pattern.lastIndex = 0;
    masked = masked.replace(pattern, (match) => '\u0000'.repeat(match.length));
  }
  return masked;
}

const namedLicenseLead = /(?<!\w)(?:released|licen[sc]ed|distributed|available|published|provided|offered|dual[\s-]licen[sc]ed|made[\s-]+available)[\s\u00a0]+under[\s\u00a0]+(?:the[\s\u00a0]+)?(?:terms[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?)?|(?<!\w)(?:steht|ist|sind|wird|veröffentlicht|lizenziert)[\s\u00a0]+(?:\p{L}+[\s\u00a0]+){0,2}unter[\s\u00a0]+(?:der|den)[\s\u00a0]+|(?<!\w)(?:sous|distribué[es]*[\s\u00a0]+sous)[\s\u00a0]+(?:la[\s\u00a0]+)?licence[\s\u00a0]+|(?<!\w)bajo[\s\u00a0]+(?:la[\s\u00a0]+)?licencia[\s\u00a0]+/giu;
const licensedSuffix = /[\s\u00a0-]licen[sc]ed\b/giu;

function namedLicenseClaims(text: string): ProseClaim[] {
  const claims: ProseClaim[] = [];
  // finding mentions is the costly part: only where a lead or a suffix asks for one
  let found: LicenseMention[] | undefined;
  const mentionsOf = () => (found ??= findLicenseMentions(text));
  const covered = new Covered(text.length);
  for (const lead of text.matchAll(namedLicenseLead)) {
    const after = lead.index + lead[0].length;
    const mentions = mentionsOf();
    const mention = mentions[firstStartingAfter(mentions, after - 1)];
    if (!mention?.id || mention.start - after > 12) continue;
    covered.add(lead.index, mention.end);
    const language: ClaimLanguage = /unter/iu.test(lead[0]) ? 'de' : /sous/iu.test(lead[0]) ? 'fr' : /bajo/iu.test(lead[0]) ? 'es' : 'en';
    claims.push({ kind: 'named-license', language, start: lead.index, end: mention.end, aboutModel: modelWords.test(sentenceAround(text, lead.index, mention.end)), namedLicense: mention.id });
  }
  // "MIT-licensed", "Apache 2.0 licensed"
  for (const suffix of text.matchAll(licensedSuffix)) {
    const candidate = lastStartingAtOrBefore(mentionsOf(), suffix.index);
    const mention = candidate?.end === suffix.index ? candidate : undefined;
    if (!mention?.id || covered.covers(mention.start, mention.end)) continue;
    if (isNegated(text, mention.start)) continue;
    claims.push({ kind: 'named-license', language: 'en', start: mention.start, end: suffix.index + suffix[0].length, aboutModel: modelWords.test(sentenceAround(text, mention.start, mention.end)), namedLicense: mention.id });
  }
  return claims;
}

/**
 * Whether `text` may hold a claim: any claim phrase, a "released under" lead
 * or a "-licensed" suffix. One pass of one expression, so that prose without
 * any (most of it) costs no more than that.
 */
const anyCandidate = new RegExp([...claimPatterns.map(({ pattern }) => pattern.source), namedLicenseLead.source, licensedSuffix.source].join('|'), 'iu');

export function mayHoldClaims(text: string): boolean {
  return anyCandidate.test(text);
}

/** Claims in `text`, in order. */
export function scanClaims(text: string, context: ScanContext = {}): ProseClaim[] {
  if (!mayHoldClaims(text)) return [];
  const links = context.links ?? [];
  const masked = maskNames(text);
  const quoted = quotedRanges(text);
  const isQuoted = (start: number, end: number) => {
    const range = lastStartingAtOrBefore(quoted, start - 1);
    return range !== undefined && end < range.end;
  };
  // a mention inside a link's text is a pointer, not a statement: an anchor or badge label ("[open source](#…)"), or
  // the name or description of another site's project ("[ClickHouse open source database](https://…)"), unless
  // that text names a license ("[Databricks Open Source License](https://…)"); a mention right before a link to
  // another site is about what it links to ("the library … is open-sourced [here](https://…)")
  const isLinkText = (start: number, end: number) => {
    const link = lastStartingAtOrBefore(links, start);
    if (link !== undefined && end <= link.end) {
      return link.end - link.start <= end - start + 2 || (link.external === true && !/licen[sc]e/iu.test(text.slice(link.start, link.end)));
    }
    const next = links[firstStartingAfter(links, end - 1)];
    // ("open source [on GitHub](…)" points at where this project's code is: still a claim)
    return next?.external === true && /^[\s*_]*$/u.test(text.slice(end, next.start)) && !codeHost.test(text.slice(next.start, next.end));
  };
  if (describesLeadLink(text, links)) return [];
  const covered = new Covered(text.length);
  const claims: ProseClaim[] = [];
  for (const { kind, language, pattern } of claimPatterns) {
    pattern.lastIndex = 0;
    for (const match of masked.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (covered.overlaps(start, end)) continue;
      if (isQuoted(start, end) || isNegated(masked, start) || isAboutOthers(masked, start, end, links) || isLinkText(start, end)) continue;
      if (isFuture(masked, start, end) || isSentiment(masked, start) || isQuestion(masked, end)) continue;
      covered.add(start, end);
      claims.push({ kind, language, start, end, aboutModel: modelWords.test(sentenceAround(masked, start, end)) });
    }
  }
  for (const named of namedLicenseClaims(masked)) {
    if (isQuoted(named.start, named.end)) continue;
    if (!covered.overlaps(named.start, named.end)) claims.push(named);
  }
  return claims.sort((a, b) => a.start - b.start);
}
