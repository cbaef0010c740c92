// Which license a LICENSE-like file holds. The SPDX license texts (bundled
// from spdx-license-list) are compared with the file as sets of words (the
// Sørensen–Dice coefficient, as licensee does), after normalising what varies
// between copies: wrapping, Markdown, copyright lines, spelling of "licence".
// AI licenses without SPDX texts are recognised by their catalogued phrases.
import { aiLicense, aiLicenses } from './licenseKnowledge.js';
import { findLicenseMentions } from './licenseMentions.js';
import { spdxLicense } from './spdxCatalog.js';

export interface Identification {
  /** SPDX id or LicenseRef; `null` when unknown. */
  license: string | null;
  /** 0–1. */
  confidence: number;
  /** How it was decided. */
  method: 'full-text' | 'key-phrases' | 'contains-text' | 'notice' | 'none';
  /** For a known license with added terms (`LicenseRef-modified-MIT`): the license it is based on. */
  basedOn?: string;
  /** …and the sentences it adds. */
  addedText?: string;
}

interface Template {
  id: string;
  words: Set<string>;
}

/** The templates as identification reads them: each a run of `indexes` (word numbers in the sorted `words`). */
interface Templates {
  words: string[];
  ids: string[];
  /** Template `t` is `indexes[starts[t]]` up to `indexes[starts[t + 1]]`. */
  starts: Uint32Array;
  indexes: Uint16Array | Uint32Array;
}

let templates: Templates | undefined;

export function normaliseLicenseText(text: string): string {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .filter((line) => !/^\s*(?:[#>*_-]\s*)*(?:copyright\b|\(c\)|©|all rights reserved)/iu.test(line))
    .join('\n')
    .toLowerCase()
    .replace(/<[^>\n]{1,60}>/gu, ' ') // template placeholders such as <year>, <copyright holders>
    .replace(/https?:\/\/\S+/gu, (url) => url.replace(/^https?:\/\/(?:www\.)?/u, '').replace(/\/$/u, ''))
    .replace(/licen[cs]/gu, 'licens')
    .replace(/&/gu, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordSet(text: string): Set<string> {
  return new Set(normaliseLicenseText(text).split(' ').filter(Boolean));
}

/**
 * The templates as compact data: every distinct word once (sorted, joined by
 * spaces), and each template as the numbers of its words in that list, as
 * little-endian integers (2 bytes each, 4 past 65,536 words) in base64,
 * `lengths` saying how many belong to each template. The build writes this
 * next to the bundles (server/out/license-templates.json) so that the first
 * identification neither normalises 5 MB of license texts nor parses 170,000
 * numbers; from sources it is computed.
 */
export interface CompactTemplates {
  words: string;
  ids: string[];
  lengths: number[];
  indexes: string;
}

export function computeTemplates(full: Record<string, { licenseText?: string }>): CompactTemplates {
  // Identical texts under several ids (GPL-3.0, GPL-3.0-only, GPL-3.0-or-later; OFL-1.1, OFL-1.1-RFN):
  // keep one, a current id before a deprecated one, then the shortest (the one without a variant suffix).
  const byText = new Map<string, Template>();
  const preferable = (candidate: string, kept: string) => {
    const deprecated = (id: string) => spdxLicense(id)?.deprecated !== false || id.includes('+');
    if (deprecated(candidate) !== deprecated(kept)) return !deprecated(candidate);
    return candidate.length < kept.length || (candidate.length === kept.length && candidate < kept);
  };
  for (const [id, entry] of Object.entries(full)) {
    if (!entry.licenseText) continue;
    const words = wordSet(entry.licenseText);
    const key = [...words].sort().join(' ');
    const kept = byText.get(key);
    if (!kept || preferable(id, kept.id)) byText.set(key, { id, words });
  }
  const kept = [...byText.values()];
  const words = [...new Set(kept.flatMap((template) => [...template.words]))].sort();
  const numbers = new Map(words.map((word, index) => [word, index]));
  const width = words.length > 0xffff ? 4 : 2;
  const lengths = kept.map((template) => template.words.size);
  const bytes = Buffer.alloc(width * lengths.reduce((sum, length) => sum + length, 0));
  let at = 0;
  for (const template of kept) {
    for (const word of template.words) at = width === 2 ? bytes.writeUInt16LE(numbers.get(word)!, at) : bytes.writeUInt32LE(numbers.get(word)!, at);
  }
  return { words: words.join(' '), ids: kept.map((template) => template.id), lengths, indexes: bytes.toString('base64') };
}

function expand(compact: CompactTemplates): Templates {
  const words = compact.words.split(' ');
  const bytes = Buffer.from(compact.indexes, 'base64');
  const width = words.length > 0xffff ? 4 : 2;
  const indexes = width === 2 ? new Uint16Array(bytes.length / 2) : new Uint32Array(bytes.length / 4);
  for (let index = 0; index < indexes.length; index++) indexes[index] = width === 2 ? bytes.readUInt16LE(index * 2) : bytes.readUInt32LE(index * 4);
  const starts = new Uint32Array(compact.lengths.length + 1);
  for (let index = 0; index < compact.lengths.length; index++) starts[index + 1] = starts[index] + compact.lengths[index];
  return { words, ids: compact.ids, starts, indexes };
}

function loadTemplates(): Templates {
  if (templates) return templates;
  let compact: CompactTemplates;
  try {
    // written by the build next to the bundle (esbuild.mjs keeps this path external)
    compact = require('license-claims:license-templates.json') as CompactTemplates;
  } catch {
    // from sources: the texts are several megabytes, loaded on first use only
    compact = computeTemplates(require('spdx-license-list/spdx-full.json') as Record<string, { licenseText: string }>);
  }
  templates = expand(compact);
  return templates;
}

/** A file's words as marks over the templates' sorted words (a word no template has is not marked). */
function markWords(all: Templates, words: Set<string>): Uint8Array {
  const marks = new Uint8Array(all.words.length);
  for (const word of words) {
    let low = 0;
    let high = all.words.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = all.words[middle];
      if (candidate === word) {
        marks[middle] = 1;
        break;
      }
      if (candidate < word) low = middle + 1;
      else high = middle - 1;
    }
  }
  return marks;
}

/** How many of template `t`'s words the file has. */
function sharedWords(all: Templates, t: number, marks: Uint8Array): number {
  let shared = 0;
  for (let index = all.starts[t]; index < all.starts[t + 1]; index++) shared += marks[all.indexes[index]];
  return shared;
}

const templateSize = (all: Templates, t: number) => all.starts[t + 1] - all.starts[t];

const catalogPhrases = () => aiLicenses.map((entry) => ({ id: entry.id, phrases: entry.textPhrases.map((phrase) => normaliseLicenseText(phrase)).filter(Boolean) }));

export const fullTextThreshold = 0.9;

// The same LICENSE text is judged again on every keystroke in a document it governs: remember the last ones.
const recent = new Map<string, Identification>();
const recentLimit = 64;

export function identifyLicenseText(text: string): Identification {
  const known = recent.get(text);
  if (known) return known;
  const identification = identifyUncached(text);
  if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
  recent.set(text, identification);
  return identification;
}

function identifyUncached(text: string): Identification {
  const words = wordSet(text);
  if (words.size < 5) return { license: null, confidence: 0, method: 'none' };
  const all = loadTemplates();
  const marks = markWords(all, words);
  let best: { id: string; score: number } | undefined;
  for (let t = 0; t < all.ids.length; t++) {
    const size = templateSize(all, t);
    const ratio = size / words.size;
    if (ratio < 0.4 || ratio > 2.5) continue;
    // the Sørensen–Dice coefficient of the two sets of words
    const score = (2 * sharedWords(all, t, marks)) / (size + words.size);
    if (!best || score > best.score) best = { id: all.ids[t], score };
  }
  if (best && best.score >= fullTextThreshold) return withAddedTerms(text, best.id, { license: best.id, confidence: round(best.score), method: 'full-text' });
  const normalised = ` ${normaliseLicenseText(text)} `;
  let bestPhrases: { id: string; hits: number; length: number } | undefined;
  for (const { id, phrases } of catalogPhrases()) {
    const found = phrases.filter((phrase) => normalised.includes(` ${phrase} `));
    const length = found.reduce((sum, phrase) => sum + phrase.length, 0);
    if (found.length > 0 && (!bestPhrases || found.length > bestPhrases.hits || (found.length === bestPhrases.hits && length > bestPhrases.length))) {
      bestPhrases = { id, hits: found.length, length };
    }
  }
  if (bestPhrases) return { license: aiLicense(bestPhrases.id)?.spdx ?? bestPhrases.id, confidence: round(Math.min(0.95, 0.7 + 0.1 * bestPhrases.hits)), method: 'key-phrases' };
  // A file that holds a whole license text plus other text (notices, a second license)
  let contained: { id: string; score: number } | undefined;
  for (let t = 0; t < all.ids.length; t++) {
    const size = templateSize(all, t);
    if (size < 60 || size > words.size) continue;
    // how much of the template the file covers
    const score = sharedWords(all, t, marks) / size;
    if (score >= 0.97 && (!contained || size > contained.score)) contained = { id: all.ids[t], score: size };
  }
  if (contained) return withAddedTerms(text, contained.id, { license: contained.id, confidence: 0.75, method: 'contains-text' });
  const notice = identifyNotice(text, words.size);
  if (notice) return { license: notice, confidence: 0.8, method: 'notice' };
  return { license: null, confidence: round(best?.score ?? 0), method: 'none' };
}

const restrictionWords = /\b(?:must|shall|required?|requires|may\s+not|prohibit\w*|restrict\w*|display|monthly\s+active\s+users|revenue|commercial|non-?commercial|military|acceptable\s+use|not\s+permitted|only\s+for)\b/iu;
const copyrightLine = /^\s*(?:[#>*_-]\s*)*(?:copyright\b|\(c\)|©|all rights reserved|spdx-license-identifier)/iu;

/**
 * A known license with added terms ("MIT, plus: products with more than 100
 * million monthly active users must display …") is not that license: the
 * sentences of the file that are mostly foreign to the license text and impose
 * something make it `LicenseRef-modified-<id>`.
 */
function withAddedTerms(text: string, id: string, identification: Identification): Identification {
  const all = loadTemplates();
  const t = all.ids.indexOf(id);
  if (t < 0) return identification;
  const template = new Set(Array.from(all.indexes.subarray(all.starts[t], all.starts[t + 1]), (index) => all.words[index]));
  const added = text
    .split(/(?<=[.!?])\s+|\n\s*\n/u)
    .map((sentence) => sentence.replace(/\s+/gu, ' ').trim())
    .filter((sentence) => {
      if (sentence === '' || copyrightLine.test(sentence)) return false;
      const words = normaliseLicenseText(sentence).split(' ').filter(Boolean);
      if (words.length < 6) return false;
      const foreign = words.filter((word) => !template.has(word)).length;
      return foreign / words.length > 0.3 && restrictionWords.test(sentence);
    });
  if (added.length === 0) return identification;
  return { ...identification, license: `LicenseRef-modified-${id}`, basedOn: id, addedText: added.join(' ') };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const noticeLead = /\b(?:licen[sc]ed|released|distributed|available|provided)\s+under\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?|\bunder\s+the\s+terms\s+of\s+(?:the\s+)?/giu;

/**
 * A short license notice instead of the full text ("Licensed under the Apache
 * License, Version 2.0 …; you may obtain a copy at …"): the one license the
 * notice names right after "licensed under".
 */
function identifyNotice(text: string, wordCount: number): string | undefined {
  if (wordCount > 400) return undefined;
  const named = new Set<string>();
  for (const lead of text.matchAll(noticeLead)) {
    const after = lead.index + lead[0].length;
    const mention = findLicenseMentions(text.slice(after, after + 80)).find((candidate) => candidate.start <= 4 && candidate.id);
    if (mention?.id) named.add(mention.id);
  }
  return named.size === 1 ? [...named][0] : undefined;
}
