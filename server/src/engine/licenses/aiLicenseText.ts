// AI and source-available licenses that have no SPDX text, recognised by the
// catalogued phrases and names of each (data/aiLicenses.json). A phrase counts
// by how specific it is: one that several entries share counts for each only
// a share, a generic phrase that lies inside a more specific one found in the
// same place ("Open RAIL" inside "CreativeML Open RAIL-M") does not count, and
// the license's own name in the title counts most. An answer needs a clear
// lead over the next entry, or there is none.
import { aiLicenses, catalogId } from './licenseKnowledge.js';

interface Phrase {
  entry: string;
  text: string;
  name: boolean;
}

let phrases: { list: Phrase[]; shared: Map<string, number> } | undefined;

/** Lower case, words joined by single spaces; "++" kept as a word ("RAIL++-M"). */
export function phraseForm(text: string): string {
  return text.toLowerCase().replace(/\+\+/gu, ' plusplus ').replace(/licen[cs]/gu, 'licens').replace(/&/gu, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function catalogPhrases() {
  if (phrases) return phrases;
  const list: Phrase[] = [];
  for (const entry of aiLicenses) {
    const id = catalogId(entry);
    const names = [entry.name, entry.shortName, ...entry.licenseNames].map(phraseForm).filter((name) => name.split(' ').length >= 2 && name.length >= 10);
    const seen = new Set<string>();
    const add = (text: string, name: boolean) => {
      if (!text || seen.has(text)) return;
      seen.add(text);
      list.push({ entry: id, text, name });
    };
    for (const text of names) add(text, true);
    for (const text of entry.textPhrases.map(phraseForm)) add(text, false);
  }
  // how many entries have a phrase (or a longer one holding it)
  const shared = new Map<string, number>();
  for (const phrase of list) {
    const holders = new Set(list.filter((other) => ` ${other.text} `.includes(` ${phrase.text} `)).map((other) => other.entry));
    shared.set(phrase.text, holders.size);
  }
  phrases = { list, shared };
  return phrases;
}

const titleLength = 600;

export function identifyAiLicenseText(text: string): { id: string; confidence: number } | undefined {
  const normalised = ` ${phraseForm(text)} `;
  const head = ` ${phraseForm(text.slice(0, titleLength))} `;
  const { list, shared } = catalogPhrases();
  const found: { phrase: Phrase; start: number; end: number }[] = [];
  for (const phrase of list) {
    const at = normalised.indexOf(` ${phrase.text} `);
    if (at >= 0) found.push({ phrase, start: at, end: at + phrase.text.length + 2 });
  }
  const scores = new Map<string, number>();
  const named = new Set<string>();
  for (const hit of found) {
    // inside a longer phrase of another entry found at the same place: that one is the more specific
    if (found.some((other) => other.phrase.entry !== hit.phrase.entry && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start)) continue;
    const inTitle = hit.phrase.name && head.includes(` ${hit.phrase.text} `);
    if (inTitle) named.add(hit.phrase.entry);
    const weight = (inTitle ? 3 : 1) / (shared.get(hit.phrase.text) ?? 1);
    scores.set(hit.phrase.entry, (scores.get(hit.phrase.entry) ?? 0) + weight);
  }
  // the license that names itself in the title is the one, when only one does
  const ranked = [...scores].filter(([entry]) => named.size === 0 || named.has(entry)).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[0][1] < 1) return undefined;
  if (ranked.length > 1 && ranked[0][1] < 2 * ranked[1][1]) return undefined;
  return { id: ranked[0][0], confidence: Math.round(Math.min(0.95, 0.6 + 0.1 * ranked[0][1]) * 100) / 100 };
}
