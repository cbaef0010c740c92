// AI and source-available licenses whose official text is public, known by a
// fingerprint of that text (data/aiLicenseFingerprints.json, written by
// scripts/make-ai-fingerprints.ts): the hashes of a sample of its word
// 5-grams, in the order of the text — hashes only, never the text. A file
// that holds nearly all of a fingerprint, and little besides, is that
// license. One that holds most of it plus added conditions, or lacks a run of
// it (a clause removed), is not the pristine license but a modified one
// (`LicenseRef-modified-<name>`, based on it), as for SPDX texts.
import fingerprintData from './data/aiLicenseFingerprints.json';
import { findAddedTerms } from './addedTerms.js';
import type { LicenseWords } from './licenseTextWords.js';

export const shingleLength = 5;
/** One 5-gram in `sampleRate` is kept (those whose hash is 0 modulo the rate): any copy keeps the same ones. */
export const sampleRate = 4;

export interface FingerprintEntry {
  /** The catalog id (data/aiLicenses.json). */
  id: string;
  /** Where the text fingerprinted was read: repository, path and commit. */
  source: string;
  /** Words of the normalised text. */
  words: number;
  /** The sampled 5-gram hashes in text order (first occurrence), as little-endian uint32 in base64. */
  hashes: string;
}

interface FingerprintData {
  shingleLength: number;
  sampleRate: number;
  fingerprints: FingerprintEntry[];
}

/** FNV-1a over the 5-gram, then a finaliser that spreads the bits (the sample takes the low ones). */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

/** The sampled 5-grams of a text's words (as readLicenseWords gives them): each hash with the index of its first word. */
export function sampledShingles(words: readonly string[]): { hash: number; at: number }[] {
  const found: { hash: number; at: number }[] = [];
  for (let at = 0; at + shingleLength <= words.length; at++) {
    const value = hash(words.slice(at, at + shingleLength).join(' '));
    if (value % sampleRate === 0) found.push({ hash: value, at });
  }
  return found;
}

/** The fingerprint of a text: its sampled hashes in order, each once. */
export function fingerprintOf(words: readonly string[]): number[] {
  const seen = new Set<number>();
  const list: number[] = [];
  for (const { hash: value } of sampledShingles(words)) {
    if (seen.has(value)) continue;
    seen.add(value);
    list.push(value);
  }
  return list;
}

export function encodeHashes(hashes: readonly number[]): string {
  const bytes = Buffer.alloc(hashes.length * 4);
  hashes.forEach((value, index) => bytes.writeUInt32LE(value, index * 4));
  return bytes.toString('base64');
}

function decodeHashes(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const hashes = new Uint32Array(bytes.length / 4);
  for (let index = 0; index < hashes.length; index++) hashes[index] = bytes.readUInt32LE(index * 4);
  return hashes;
}

export interface Fingerprint {
  id: string;
  hashes: Uint32Array;
  set: Set<number>;
}

let loaded: Fingerprint[] | undefined;

function fingerprints(): Fingerprint[] {
  if (loaded) return loaded;
  const data: FingerprintData = fingerprintData;
  if (data.shingleLength !== shingleLength || data.sampleRate !== sampleRate) throw new Error('aiLicenseFingerprints.json was made with other settings: run scripts/make-ai-fingerprints.ts');
  loaded = compileFingerprints(data.fingerprints);
  return loaded;
}

export function compileFingerprints(entries: readonly FingerprintEntry[]): Fingerprint[] {
  return entries.map((entry) => {
    const hashes = decodeHashes(entry.hashes);
    return { id: entry.id, hashes, set: new Set(hashes) };
  });
}

/** Share of a fingerprint a file must hold to be read against it at all. */
const relatedShare = 0.6;
/** …when the text names that license itself. */
const claimedShare = 0.3;
/** …to be that license, when nothing is added and no run is missing. */
const pristineShare = 0.9;
/** …to be a modified copy of it when it adds conditions. */
const modifiedShare = 0.85;
/** Consecutive sampled 5-grams of the license a copy may lack (about 4 words each) before a clause counts as removed. */
const removedRun = 6;

export interface FingerprintMatch {
  /** The catalog id, or `LicenseRef-modified-<name>` for a modified copy. */
  license: string;
  confidence: number;
  basedOn?: string;
  addedText?: string;
  note?: string;
}

/** The catalog license whose fingerprint the text holds, pristine or modified; undefined when none is close. */
export function identifyByFingerprint(read: LicenseWords, all: readonly Fingerprint[] = fingerprints(), named?: string): FingerprintMatch | undefined {
  if (all.length === 0 || read.words.length < 50) return undefined;
  const shingles = sampledShingles(read.words);
  const fileSet = new Set(shingles.map((shingle) => shingle.hash));
  // each fingerprint's share the file holds, and the file's share the fingerprint holds: the license is the one
  // that reads best both ways (a copy with a clause removed holds less of its own license than of a sibling's
  // shorter text, but nothing outside its own)
  const scored = all.map((print) => {
    let held = 0;
    for (const value of print.hashes) if (fileSet.has(value)) held++;
    let inPrint = 0;
    for (const shingle of shingles) if (print.set.has(shingle.hash)) inPrint++;
    const share = print.hashes.length ? held / print.hashes.length : 0;
    const ownShare = shingles.length ? inPrint / shingles.length : 0;
    return { print, share, ownShare, score: share + ownShare > 0 ? (2 * share * ownShare) / (share + ownShare) : 0 };
  }).sort((a, b) => b.score - a.score);
  // the license the text names itself (its title and phrases), when its fingerprint is related: is the text that license's?
  // (a copy that lacks a large part of it still holds a good share)
  const claimed = named === undefined ? undefined : scored.find((entry) => entry.print.id === named && entry.share >= claimedShare);
  // (several texts of one license, two dated versions, are not siblings of each other)
  const [best, next] = claimed ? [claimed, undefined] : [scored[0], scored.find((entry) => entry.print.id !== scored[0]?.print.id)];
  if (!best || best.share < (claimed ? claimedShare : relatedShare)) return undefined;
  const { print, share } = best;
  // two versions of one family (CreativeML OpenRAIL-M and its RAIL++ successor) both held nearly whole and read
  // about as well: the phrases decide
  if (next && next.share >= pristineShare && best.score - next.score < 0.03) return undefined;
  // the longest run of the license the file lacks: a removed clause
  let run = 0;
  let longest = 0;
  for (const value of print.hashes) {
    run = fileSet.has(value) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  // the file's words outside the license: covered by a sampled 5-gram the license does not have, and by none it has
  const outside = new Uint8Array(read.words.length);
  const inside = new Uint8Array(read.words.length);
  for (const { hash: value, at } of shingles) (print.set.has(value) ? inside : outside).fill(1, at, at + shingleLength);
  const addedLines = new Set<number>();
  let addedWords = 0;
  for (let index = 0; index < read.words.length; index++) {
    if (!outside[index] || inside[index]) continue;
    addedWords++;
    addedLines.add(read.lines[index]);
  }
  const added = findAddedTerms([...addedLines].sort((a, b) => a - b).map((line) => read.textLines[line]).join('\n'));
  const removed = longest >= removedRun;
  const confidence = Math.round(Math.min(0.99, share) * 100) / 100;
  if (!added && !removed) return share >= pristineShare ? { license: print.id, confidence } : undefined;
  // added conditions to a copy that has (nearly) all of the license
  if (added && !removed && share < modifiedShare) return undefined;
  // a run missing and about as much in its place is another version of the text (Llama 3 and 3.1), not a removed clause,
  // unless what is in its place is an added condition to a copy that has most of the license
  const removedWords = (print.hashes.length - Math.round(share * print.hashes.length)) * sampleRate;
  if (removed && addedWords > 0.25 * removedWords && !(added && share >= modifiedShare)) return undefined;
  const name = print.id.replace(/^LicenseRef-/u, '');
  return {
    license: `LicenseRef-modified-${name}`,
    confidence,
    basedOn: print.id,
    ...(added ? { addedText: added } : {}),
    ...(removed ? { note: `the ${print.id} text with about ${Math.round((1 - share) * 100)}% of it missing (a run of about ${longest * sampleRate} words)` } : {}),
  };
}
