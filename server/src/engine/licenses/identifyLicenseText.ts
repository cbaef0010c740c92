// Which license a LICENSE-like file holds, in the spirit of the SPDX License
// List Matching Guidelines, and never a wrong name: below a confident match
// the answer is `null` with the best candidates.
//
// 1. Candidates: the SPDX texts (spdx-license-list, cleaned by
//    licenseTemplateText.ts) most of whose words the file has.
// 2. Each candidate is aligned with the file by word pairs, which keep word
//    order: the stretch of the file that matches it, and how much of the
//    template that stretch covers.
// 3. Close siblings that match the same stretch (ISC/0BSD, PostgreSQL/Cornell,
//    X11/X11-swapped, BSD-2-Clause/Views…) are told apart by the word pairs
//    that differ between them.
// 4. Several licenses in one file make an expression (`MIT OR Unlicense`, a
//    main license `AND` bundled notices); GNU licenses take -only/-or-later
//    from the file's own notice; sentences the license does not have that add
//    a condition make it `LicenseRef-modified-<id>` (addedTerms.ts).
// AI and source-available licenses without SPDX texts are recognised by a
// fingerprint of their official text where it is public (licenseFingerprint.ts),
// else by their catalogued phrases (aiLicenseText.ts); short notices ("Licensed under the
// Apache License, Version 2.0 …") by licenseNotice.ts.
import { spdxLicense } from './spdxCatalog.js';
import { readLicenseWords, type LicenseWords } from './licenseTextWords.js';
import { holder, templateWords } from './licenseTemplateText.js';
import { findAddedTerms, findExclusions, offersChoice, saysDualLicensed } from './addedTerms.js';
import { identifyNotice } from './licenseNotice.js';
import { identifyAiLicenseText } from './aiLicenseText.js';
import { identifyByFingerprint } from './licenseFingerprint.js';
import { gnuVariant, isGnu } from './gnuVariant.js';
import { allSpdxLicenseTexts, spdxLicenseText } from './spdxLicenseTexts.js';

export interface IdentifiedPart {
  license: string;
  /** 1-based lines of the file that hold this license. */
  startLine: number;
  endLine: number;
}

export interface Identification {
  /** SPDX id, LicenseRef or SPDX expression (several licenses in one file); `null` when unknown or undecided. */
  license: string | null;
  /** 0–1. */
  confidence: number;
  /** How it was decided. */
  method: 'full-text' | 'key-phrases' | 'contains-text' | 'notice' | 'none';
  /** For a known license with added terms (`LicenseRef-modified-MIT`): the license it is based on. */
  basedOn?: string;
  /** …and the sentences it adds. */
  addedText?: string;
  /** Each license of the file with its lines (one part for a file with one license; none for notices and unknown texts). */
  parts: IdentifiedPart[];
  /** When the answer is `null` or undecided: the licenses the text is closest to. */
  candidates?: string[];
  /** Why the answer is what it is, when that is not plain (an undecided GNU variant, siblings the text does not tell apart). */
  note?: string;
  /** Sentences that put some files under another license ("All content under the ee/ directory is licensed under the license defined in ee/LICENSE"): not a modification, but the license does not cover everything. */
  excludedText?: string;
}

/**
 * The templates' word sets as compact data: every distinct word once (sorted,
 * joined by spaces), and each template as the numbers of its words in that
 * list, as little-endian integers (2 bytes each, 4 past 65,536 words) in
 * base64, `lengths` saying how many belong to each template. The build writes
 * this next to the bundles (server/out/license-templates.json) so that the
 * first identification does not clean 5 MB of license texts; from sources it
 * is computed. Only the words a copy must have (not the title, the optional
 * parts or the holder names) are kept: they choose the candidates.
 */
export interface CompactTemplates {
  words: string;
  ids: string[];
  lengths: number[];
  indexes: string;
}

interface Templates {
  /** Sorted: a word's number is found by binary search. */
  words: string[];
  ids: string[];
  starts: Uint32Array;
  indexes: Uint16Array | Uint32Array;
}

export function computeTemplates(full: Record<string, { licenseText?: string }>): CompactTemplates {
  // Identical word sets under several ids (GPL-2.0-only, GPL-2.0-or-later): keep one, the shortest id.
  // Deprecated ids are never an answer.
  const byText = new Map<string, { id: string; words: Set<string> }>();
  for (const [id, entry] of Object.entries(full)) {
    if (!entry.licenseText || spdxLicense(id)?.deprecated === true || id.endsWith('+')) continue;
    const cleaned = templateWords(id, entry.licenseText);
    const words = new Set(cleaned.words.filter((word, index) => !cleaned.optional[index] && word !== holder));
    const key = [...words].sort().join(' ');
    const kept = byText.get(key);
    if (!kept || id.length < kept.id.length || (id.length === kept.id.length && id < kept.id)) byText.set(key, { id, words });
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
  let indexes: Uint16Array | Uint32Array;
  if (littleEndian) {
    // the integers are little-endian, as this machine's: a copy of the bytes (aligned) is the array
    const copy = new Uint8Array(bytes);
    indexes = width === 2 ? new Uint16Array(copy.buffer) : new Uint32Array(copy.buffer);
  } else {
    indexes = width === 2 ? new Uint16Array(bytes.length / 2) : new Uint32Array(bytes.length / 4);
    for (let index = 0; index < indexes.length; index++) indexes[index] = width === 2 ? bytes.readUInt16LE(index * 2) : bytes.readUInt32LE(index * 4);
  }
  const starts = new Uint32Array(compact.lengths.length + 1);
  for (let index = 0; index < compact.lengths.length; index++) starts[index + 1] = starts[index] + compact.lengths[index];
  return { words, ids: compact.ids, starts, indexes };
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A word's number in the sorted `words` (computeTemplates sorts them as `<` compares), `undefined` if it is not there. */
function wordIndex(words: string[], word: string): number | undefined {
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = words[middle];
    if (found === word) return middle;
    if (found < word) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

let templates: Templates | undefined;

function loadTemplates(): Templates {
  if (templates) return templates;
  let compact: CompactTemplates;
  try {
    // written by the build next to the bundle (esbuild.mjs keeps this path external)
    compact = require('license-claims:license-templates.json') as CompactTemplates;
  } catch {
    compact = computeTemplates(allSpdxLicenseTexts());
  }
  templates = expand(compact);
  return templates;
}

// ---------------------------------------------------------------- word pairs
// The templates' words are numbered (the holder variable is 0, a word no template has is 1); a pair of
// words is one small integer.
const wordNumbers = new Map<string, number>([[holder, 0], ['\u0000unknown', 1]]);
const unknownWord = 1;
const wordLimit = 0x8000;
const number = (word: string) => {
  let found = wordNumbers.get(word);
  if (found === undefined) {
    if (wordNumbers.size >= wordLimit) return unknownWord;
    found = wordNumbers.size;
    wordNumbers.set(word, found);
  }
  return found;
};
const fileNumber = (word: string) => wordNumbers.get(word) ?? unknownWord;
const pair = (a: number, b: number) => a * wordLimit + b;
const hasHolder = (key: number) => key < wordLimit || key % wordLimit === 0;

interface CompiledTemplate {
  id: string;
  core: Set<number>;
  optional: Set<number>;
  /** Both. */
  all: Set<number>;
  /** The template's words (not the holder variable): a file word it does not have may stand for a holder name. */
  vocabulary: Set<number>;
}

const compiled = new Map<string, CompiledTemplate>();

function compiledTemplate(id: string): CompiledTemplate | undefined {
  const known = compiled.get(id);
  if (known) return known;
  const text = spdxLicenseText(id);
  if (!text) return undefined;
  const cleaned = templateWords(id, text);
  const core = new Set<number>();
  const optional = new Set<number>();
  for (let index = 0; index + 1 < cleaned.words.length; index++) {
    if (cleaned.words[index] === holder && cleaned.words[index + 1] === holder) continue;
    const key = pair(number(cleaned.words[index]), number(cleaned.words[index + 1]));
    (cleaned.optional[index] || cleaned.optional[index + 1] ? optional : core).add(key);
  }
  for (const key of core) optional.delete(key);
  const vocabulary = new Set(cleaned.words.filter((word) => word !== holder).map(number));
  const template = { id, core, optional, all: new Set([...core, ...optional]), vocabulary };
  compiled.set(id, template);
  return template;
}

/** The stretch of the file that matches a template, and how much of the template it covers. */
interface Alignment {
  id: string;
  /** Word indexes of the file, first and last (inclusive) of the matching stretch. */
  start: number;
  end: number;
  /** Share of the template's core pairs the stretch holds. */
  coverage: number;
  /** Core pairs matched. */
  matched: number;
  /** Whether the file's pair at each index of the stretch is one of the template's. */
  hits: Uint8Array;
}

/** Where each pair of the file is, and each word as the first or second of a pair: a template is aligned by looking up its pairs, so a short template costs little against a long file. */
interface FileIndex {
  file: number[];
  pairs: Map<number, number[]>;
  byFirst: Map<number, number[]>;
  bySecond: Map<number, number[]>;
}

function indexFile(file: number[]): FileIndex {
  const pairs = new Map<number, number[]>();
  const byFirst = new Map<number, number[]>();
  const bySecond = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  for (let at = 0; at + 1 < file.length; at++) {
    push(pairs, pair(file[at], file[at + 1]), at);
    push(byFirst, file[at], at);
    push(bySecond, file[at + 1], at);
  }
  return { file, pairs, byFirst, bySecond };
}

function align(index: FileIndex, template: CompiledTemplate): Alignment {
  const { file } = index;
  const hits = new Uint8Array(Math.max(0, file.length - 1));
  const keys = new Int32Array(hits.length);
  for (const key of template.all) {
    if (hasHolder(key)) continue;
    for (const at of index.pairs.get(key) ?? []) {
      hits[at] = 1;
      keys[at] = key;
    }
  }
  // a word the template does not have may be a holder name where the template has one
  for (const key of template.all) {
    if (!hasHolder(key) || key === 0) continue;
    if (key < wordLimit) {
      for (const at of index.bySecond.get(key) ?? []) {
        if (hits[at] || template.vocabulary.has(file[at])) continue;
        hits[at] = 1;
        keys[at] = key;
      }
    } else {
      for (const at of index.byFirst.get(key / wordLimit) ?? []) {
        if (hits[at] || template.vocabulary.has(file[at + 1])) continue;
        hits[at] = 1;
        keys[at] = key;
      }
    }
  }
  // the best-scoring stretch: +1 for a pair of the template, -2 for any other (a copy of a license holds
  // nearly only its pairs; the text around it, even prose about licenses, far fewer)
  let best = 0;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let index = 0; index < hits.length; index++) {
    if (sum <= 0) {
      sum = 0;
      start = index;
    }
    sum += hits[index] ? 1 : -2;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = index;
    }
  }
  const matched = new Set<number>();
  for (let index = bestStart; index <= bestEnd; index++) if (hits[index] && template.core.has(keys[index])) matched.add(keys[index]);
  return { id: template.id, start: bestStart, end: bestEnd + 1, coverage: template.core.size ? matched.size / template.core.size : 0, matched: matched.size, hits };
}

const differences = new Map<string, number[]>();

/** The pairs of `a` that `b` does not have (no holder pairs): the words that tell `a` from `b`. */
function differing(a: CompiledTemplate, b: CompiledTemplate): number[] {
  const cacheKey = `${a.id}\n${b.id}`;
  const known = differences.get(cacheKey);
  if (known) return known;
  const found: number[] = [];
  differences.set(cacheKey, found);
  for (const key of a.core) {
    if (!hasHolder(key) && !b.all.has(key)) found.push(key);
  }
  return found;
}

type Verdict = 'a' | 'b' | 'undecided';

/** Which of two templates that match the same stretch the file is, by the pairs that differ between them. */
function decideSiblings(a: CompiledTemplate, b: CompiledTemplate, filePairs: Set<number>): Verdict {
  const onlyA = differing(a, b);
  const onlyB = differing(b, a);
  const share = (keys: number[]) => keys.filter((key) => filePairs.has(key)).length / keys.length;
  if (onlyA.length === 0 && onlyB.length === 0) return 'undecided';
  if (onlyA.length === 0) return share(onlyB) >= 0.5 ? 'b' : 'a';
  if (onlyB.length === 0) return share(onlyA) >= 0.5 ? 'a' : 'b';
  const shareA = share(onlyA);
  const shareB = share(onlyB);
  const missing = (keys: number[], found: number) => keys.length - Math.round(found * keys.length);
  if (shareA >= 0.3 && shareA - shareB >= 0.25) return 'a';
  if (shareB >= 0.3 && shareB - shareA >= 0.25) return 'b';
  // all that is only A's is there, and a good part of what is only B's is not
  if (shareA >= 0.95 && shareB <= shareA - 0.05 && missing(onlyB, shareB) >= 3) return 'a';
  if (shareB >= 0.95 && shareA <= shareB - 0.05 && missing(onlyA, shareA) >= 3) return 'b';
  return 'undecided';
}

const candidateLimit = 5;
/** Templates that read the file this close to the best one are told apart by the words that differ. */
const siblingMargin = 0.05;
/** …and a reading this much better than a sibling's wins when the words that differ do not decide. */
const decisiveMargin = 0.012;
/** A template whose stretch covers this share of its core pairs is a match. */
export const coverageThreshold = 0.8;

/** The templates most of whose words the file has, biggest overlap first. */
function candidates(read: LicenseWords): string[] {
  const all = loadTemplates();
  const present = new Uint8Array(all.words.length);
  for (const word of new Set(read.words)) {
    const index = wordIndex(all.words, word);
    if (index !== undefined) present[index] = 1;
  }
  const scored: { id: string; shared: number; share: number; size: number }[] = [];
  let distinct = 0;
  for (const mark of present) distinct += mark;
  for (let t = 0; t < all.ids.length; t++) {
    const size = all.starts[t + 1] - all.starts[t];
    // too small to tell, or more words than the file could share
    if (size < 12 || 0.7 * size > distinct) continue;
    let shared = 0;
    for (let index = all.starts[t]; index < all.starts[t + 1]; index++) shared += present[all.indexes[index]];
    if (shared >= 0.7 * size) scored.push({ id: all.ids[t], shared: shared * (shared / size), share: shared / size, size });
  }
  // the biggest overlaps (the main license), and the templates the file holds most completely (a short license among others)
  const byOverlap = [...scored].sort((a, b) => b.shared - a.shared).slice(0, candidateLimit);
  const byShare = scored.filter((candidate) => candidate.share >= 0.9).sort((a, b) => b.share - a.share || b.size - a.size).slice(0, candidateLimit);
  return [...new Set([...byOverlap, ...byShare].map((candidate) => candidate.id))];
}

interface Part {
  license: string | null;
  start: number;
  end: number;
  coverage: number;
  candidates: string[];
  /** The decided template's pairs over the file (see Alignment). */
  hits?: Uint8Array;
}

/** The licenses whose full texts the file holds, each with its stretch; siblings the file does not tell apart make a part without a license. */
function fullTextParts(read: LicenseWords): Part[] {
  const templates = candidates(read)
    .map((id) => compiledTemplate(id))
    .filter((template): template is CompiledTemplate => Boolean(template));
  const file = read.words.map(fileNumber);
  const index = indexFile(file);
  const alignments = templates
    .map((template) => ({ template, alignment: align(index, template) }))
    .filter(({ alignment }) => alignment.coverage >= 0.6);
  alignments.sort((a, b) => b.alignment.matched - a.alignment.matched);
  const parts: Part[] = [];
  const used = new Set<number>();
  const taken = new Uint8Array(file.length);
  for (let index = 0; index < alignments.length; index++) {
    if (used.has(index)) continue;
    const lead = alignments[index].alignment;
    let already = 0;
    for (let at = lead.start; at < lead.end; at++) already += taken[at];
    if (already > 0.5 * (lead.end - lead.start)) continue;
    // the alignments over (most of) the same stretch: one license among siblings
    const group = alignments
      .map((entry, at) => ({ ...entry, at }))
      .filter(({ alignment, at }) => !used.has(at) && overlap(alignment, lead) > 0.5);
    for (const { at } of group) used.add(at);
    const strong = group.filter(({ alignment }) => alignment.coverage >= coverageThreshold);
    if (strong.length === 0) continue;
    const start = Math.min(...strong.map(({ alignment }) => alignment.start));
    const end = Math.max(...strong.map(({ alignment }) => alignment.end));
    const filePairs = new Set<number>();
    for (let at = start; at < end; at++) filePairs.add(pair(file[at], file[at + 1]));
    // how well each reads the whole stretch: the template's share in it (coverage) and its share of the stretch
    const scored = group.map((entry) => {
      let inStretch = 0;
      for (let at = start; at < end; at++) inStretch += entry.alignment.hits[at];
      const precision = end > start ? inStretch / (end - start) : 0;
      const recall = entry.alignment.coverage;
      return { ...entry, score: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
    }).sort((a, b) => b.score - a.score);
    // the close ones are told apart by the words that differ between them; one must win against every other
    const close = scored.filter((entry) => entry.score >= scored[0].score - siblingMargin);
    // the best reading wins unless a close one has the words that tell them apart, or they are too close to call
    const leader = close[0];
    const winner = close.every((other) => {
      if (other === leader) return true;
      const verdict = decideSiblings(leader.template, other.template, filePairs);
      return verdict === 'a' || (verdict === 'undecided' && leader.score - other.score >= decisiveMargin);
    }) ? leader : undefined;
    const decided = winner && winner.alignment.coverage >= coverageThreshold ? winner : undefined;
    parts.push({
      license: decided ? decided.template.id : null,
      start: decided ? decided.alignment.start : start,
      end: decided ? decided.alignment.end : end,
      coverage: decided ? decided.alignment.coverage : Math.max(...strong.map(({ alignment }) => alignment.coverage)),
      candidates: close.map(({ template }) => template.id),
      hits: decided?.alignment.hits,
    });
    taken.fill(1, start, end);
  }
  return parts.sort((a, b) => a.start - b.start);
}

function overlap(a: Alignment, b: Alignment): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const longer = Math.max(a.end - a.start, b.end - b.start);
  return longer > 0 ? Math.max(0, shared) / longer : 0;
}

// ---------------------------------------------------------------- the answer
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

const none = (confidence = 0, extra: Partial<Identification> = {}): Identification => ({ license: null, confidence, method: 'none', parts: [], ...extra });

function identifyUncached(text: string): Identification {
  const read = readLicenseWords(text);
  if (read.words.length < 5) return fromIdentifierLines(read) ?? none();
  // sections headed "LICENSE FOR <component>" are read one by one
  const sectioned = namedSectionRule.test(text) ? fromSections(text) : undefined;
  if (sectioned) return sectioned;
  const parts = fullTextParts(read);
  const decided = parts.filter((part): part is Part & { license: string } => part.license !== null);
  const undecided = parts.filter((part) => part.license === null);
  if (decided.length === 0 && undecided.length > 0) {
    const sectioned = fromSections(text);
    if (sectioned) return sectioned;
    const candidates = [...new Set(undecided.flatMap((part) => part.candidates))];
    return none(round(undecided[0].coverage), { candidates, note: `the text is close to ${candidates.join(', ')}, and does not say which` });
  }
  // a short license text inside a long one of another kind (the MIT sentence "The above copyright notice …" in an AI model license)
  const covered = decided.reduce((sum, part) => sum + part.end - part.start, 0);
  const mostlyOther = covered < 0.5 * read.words.length && !saysDualLicensed(text);
  // the official text of a catalog license, by its fingerprint: pristine, or modified (added conditions, a clause removed)
  const found = covered < 0.5 * read.words.length ? identifyAiLicenseText(text) : undefined;
  // checked against the fingerprint of the license its title and phrases name, if that one is related
  const printed = mostlyOther ? identifyByFingerprint(read, undefined, found?.id) : undefined;
  // a "modified" copy whose own title and phrases name another catalog license is that license's text (another
  // version of a family whose fingerprint is not bundled), not a modification
  if (printed && !(printed.basedOn && found && found.id !== printed.basedOn)) {
    const { license, confidence, ...modified } = printed;
    return { license, confidence, method: 'full-text', parts: [{ license, startLine: 1, endLine: read.textLines.length }], ...modified };
  }
  const ai = found && !saysDualLicensed(text) ? found : undefined;
  if (ai) return { license: ai.id, confidence: ai.confidence, method: 'key-phrases', parts: [] };
  if (decided.length > 0) return fromParts(read, decided, undecided);
  const notice = identifyNotice(text, read.words.length);
  if (notice) return { ...notice, method: 'notice', parts: [] };
  return fromIdentifierLines(read) ?? none();
}

// "------ LICENSE FOR pix2pix ------", "==========": a line that starts another license's section
const namedSectionRule = /^\s*[-=*_#]{3,}\s*(?:licen[cs]e|copyright)\s+(?:for|of)\b/imu;
const sectionRule = /^\s*(?:[-=*_#]{3,}\s*(?:licen[cs]e|copyright)\s+(?:for|of)\b.*|[-=*_]{10,}\s*)$/iu;

/**
 * A file whose licenses stand in sections under separator lines (a project's BSD-2-Clause, then "LICENSE FOR
 * pix2pix" and "LICENSE FOR DCGAN" with other BSD texts), where one alignment over the whole would bridge
 * them and read siblings it cannot tell apart, or the wrong one: each section alone. The first section must be decided (it is the project's
 * own license); sections nothing names are left out, as bundled notices are.
 */
function fromSections(text: string): Identification | undefined {
  const lines = text.split(/\r\n|\r|\n/u);
  const starts = [0];
  lines.forEach((line, index) => {
    if (index > 0 && sectionRule.test(line)) starts.push(index);
  });
  if (starts.length < 2) return undefined;
  const sections = starts.map((start, index) => ({ start, end: index + 1 < starts.length ? starts[index + 1] : lines.length }))
    .filter(({ start, end }) => lines.slice(start, end).join(' ').split(/\s+/u).length >= 20);
  if (sections.length < 2) return undefined;
  const found = sections.map((section) => ({ section, identified: identifyUncached(lines.slice(section.start, section.end).join('\n')) }));
  const [main] = found;
  // a section with added terms is not a bundled notice to leave out
  if (!main.identified.license || found.some(({ identified }) => identified.basedOn)) return undefined;
  const named = found.filter(({ identified }) => identified.license && !identified.basedOn);
  const names: string[] = [];
  for (const { identified } of named) if (!names.includes(identified.license!)) names.push(identified.license!);
  const parts = named.map(({ section, identified }) => ({ license: identified.license!, startLine: section.start + 1, endLine: section.end }));
  const license = names.length === 1 ? names[0] : names.map((name) => (name.includes(' ') ? `(${name})` : name)).join(' AND ');
  return { license, confidence: Math.min(...named.map(({ identified }) => identified.confidence)), method: 'full-text', parts };
}

/** A LICENSE that holds only `SPDX-License-Identifier:` lines. */
function fromIdentifierLines(read: LicenseWords): Identification | undefined {
  const ids = [...new Set(read.spdxIdentifiers)];
  if (ids.length !== 1 || read.words.length > 40) return undefined;
  return { license: ids[0], confidence: 0.9, method: 'notice', parts: [] };
}

function fromParts(read: LicenseWords, decided: (Part & { license: string })[], undecided: Part[]): Identification {
  // the lines no license accounts for (prefaces, scope notes, bundled notices, added terms): outside every
  // part, or inside one but mostly words the license does not have there
  const matched = new Uint16Array(read.textLines.length);
  const total = new Uint16Array(read.textLines.length);
  for (let index = 0; index < read.words.length; index++) total[read.lines[index]]++;
  for (const part of [...decided, ...undecided]) {
    for (let index = part.start; index <= part.end && index < read.words.length; index++) {
      if (!part.hits || part.hits[index] || (index > 0 && part.hits[index - 1])) matched[read.lines[index]]++;
    }
  }
  const outside = read.textLines.filter((_, line) => total[line] > 0 && matched[line] < 0.5 * total[line]).join('\n');
  const choice = decided.length > 1 && offersChoice(outside);
  let notice: string | undefined;
  const gnuNotice = () => (notice ??= gnuNoticeText(read, [...decided, ...undecided]));
  let licenses = decided.map((part) => ({ ...part, license: isGnu(part.license) ? gnuVariant(part.license, gnuNotice()) : part.license }));
  // the LGPL-3.0 is the GPL-3.0 plus its own terms: a copy that holds both is the LGPL
  if (!choice && licenses.some((part) => /^LGPL-3\.0/u.test(part.license))) licenses = licenses.filter((part) => !/^GPL-3\.0/u.test(part.license));
  const names: string[] = [];
  for (const part of licenses) if (!names.includes(part.license)) names.push(part.license);
  const asParts = licenses.map((part) => ({ license: part.license, startLine: read.lines[part.start] + 1, endLine: read.lines[Math.min(part.end, read.words.length - 1)] + 1 }));
  const confidence = round(Math.min(...decided.map((part) => part.coverage)));
  const single = names.length === 1;
  const excluded = findExclusions(outside);
  const exclusion = excluded ? { excludedText: excluded } : {};
  const note = single && names[0].includes(' OR ') ? `the ${names[0].split(' ')[0].replace(/-only$/u, '')} text alone does not say whether a later version may be chosen` : undefined;
  if (single) {
    const added = findAddedTerms(outside);
    const base = names[0];
    // a license whose parameters are its own added terms (the Business Source License's Additional Use Grant) is not modified by them
    if (added && !parameterised.has(decided[0].license)) {
      return { license: `LicenseRef-modified-${base.split(' ')[0].replace(/-only$/u, '')}`, confidence, method: 'full-text', basedOn: base, addedText: added, parts: asParts, ...exclusion };
    }
    return { license: base, confidence, method: decided[0].coverage >= 0.9 ? 'full-text' : 'contains-text', parts: asParts, ...(note ? { note } : {}), ...exclusion };
  }
  // OR is associative: a choice between undecided GNU texts is one flat choice
  const expression = names.map((name) => (name.includes(' ') && !choice ? `(${name})` : name)).join(choice ? ' OR ' : ' AND ');
  return { license: expression, confidence, method: 'full-text', parts: asParts, ...exclusion };
}

const parameterised = new Set(['BUSL-1.1']);

/**
 * The text in which a GNU license file says -only or -or-later: all of it but
 * the license's own "How to Apply These Terms" (which shows a notice with "or
 * (at your option) any later version" as an example) and quoted phrases (the
 * text's own 'a version "or any later version"').
 */
function gnuNoticeText(read: LicenseWords, parts: Part[]): string {
  const dropped = new Uint8Array(read.textLines.length);
  for (const part of parts) {
    const first = read.lines[part.start];
    const last = read.lines[Math.min(part.end, read.words.length - 1)];
    let howTo = -1;
    for (let line = first; line <= last && howTo < 0; line++) if (/How\s+to\s+Apply\s+These\s+Terms|END\s+OF\s+TERMS\s+AND\s+CONDITIONS/iu.test(read.textLines[line])) howTo = line;
    if (howTo >= 0) dropped.fill(1, howTo, last + 1);
  }
  return read.textLines
    .filter((_, line) => !dropped[line])
    .join('\n')
    .replace(/["“][^"”\n]{0,80}["”]/gu, ' ');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The candidates a text was compared with, each with the share of its words in order the best stretch of the file holds (for `identify --verbose` and tests). */
export function licenseCandidates(text: string): { id: string; coverage: number; startLine: number; endLine: number }[] {
  const read = readLicenseWords(text);
  const templates = candidates(read)
    .map((id) => compiledTemplate(id))
    .filter((template): template is CompiledTemplate => Boolean(template));
  const index = indexFile(read.words.map(fileNumber));
  return templates
    .map((template) => align(index, template))
    .map((alignment) => ({ id: alignment.id, coverage: round(alignment.coverage), startLine: (read.lines[alignment.start] ?? 0) + 1, endLine: (read.lines[alignment.end] ?? 0) + 1 }));
}
