// Finds the licenses named in a sentence of prose ("the Apache License,
// Version 2.0", "MIT-licensed", "GPLv3", "the Llama 3 Community License").
import spdxIds from 'spdx-license-ids/index.json';
import { aiLicenses, catalogId } from './licenseKnowledge.js';

export interface LicenseMention {
  start: number;
  end: number;
  text: string;
  /** SPDX id or LicenseRef when the name is known. */
  id?: string;
  /** True for a capitalised "<Name> License" the catalog does not know. */
  custom?: boolean;
}

interface Alias {
  pattern: RegExp;
  id: (match: RegExpExecArray) => string | undefined;
}

const L = String.raw`(?:[Ll]icen[sc]e|LICEN[SC]E)`;
const V = String.raw`(?:,?[\s-]*(?:version|ver\.?|v\.?)?[\s-]*)`;

function gnuId(prefix: 'GPL' | 'LGPL' | 'AGPL', version: string | undefined, later: string | undefined): string | undefined {
  const defaults = { GPL: '3.0', LGPL: '3.0', AGPL: '3.0' };
  let v = version ?? defaults[prefix];
  if (!v.includes('.')) v = prefix === 'LGPL' && v === '2' ? '2.1' : `${v}.0`;
  return `${prefix}-${v}${later ? '-or-later' : '-only'}`;
}

const aliases: Alias[] = [
  { pattern: new RegExp(String.raw`(?<!\w)Apache(?:[\s-]+(?:software[\s-]+)?${L})?${V}2(?:\.0)?\b`, 'giu'), id: () => 'Apache-2.0' },
  { pattern: new RegExp(String.raw`(?<!\w)Apache[\s-]+(?:software[\s-]+)?${L}\b`, 'giu'), id: () => 'Apache-2.0' },
  { pattern: new RegExp(String.raw`(?<!\w)MIT(?:[\s-]+${L})?\b`, 'gu'), id: () => 'MIT' },
  { pattern: new RegExp(String.raw`(?<!\w)BSD[\s-]*([23])[\s-]*clause(?:[\s-]+${L})?\b`, 'giu'), id: (m) => `BSD-${m[1]}-Clause` },
  { pattern: new RegExp(String.raw`(?<!\w)([23])[\s-]*clause[\s-]+BSD(?:[\s-]+${L})?\b`, 'giu'), id: (m) => `BSD-${m[1]}-Clause` },
  { pattern: new RegExp(String.raw`(?<!\w)(?:new|revised|modified)[\s-]+BSD(?:[\s-]+${L})?\b`, 'giu'), id: () => 'BSD-3-Clause' },
  { pattern: new RegExp(String.raw`(?<!\w)simplified[\s-]+BSD(?:[\s-]+${L})?\b`, 'giu'), id: () => 'BSD-2-Clause' },
  { pattern: /(?<!\w)(A|L)?GPL[\s-]?v?([123](?:\.[01])?)?(\+|[\s-]+or[\s-]+later)?(?![\w-])/gu, id: (m) => gnuId(((m[1] ?? '') + 'GPL') as 'GPL', m[2], m[3]) },
  {
    pattern: new RegExp(String.raw`(?<!\w)(?:GNU[\s-]+)?(Affero[\s-]+|Lesser[\s-]+|Library[\s-]+)?General[\s-]+Public[\s-]+${L}${V}([123](?:\.[01])?)?(\+|[\s-]+or[\s-]+(?:\(at[\s-]+your[\s-]+option\)[\s-]+)?(?:any[\s-]+)?later)?`, 'giu'),
    id: (m) => gnuId(m[1] ? (m[1].toLowerCase().startsWith('affero') ? 'AGPL' : 'LGPL') : 'GPL', m[2], m[3]),
  },
  { pattern: new RegExp(String.raw`(?<!\w)(?:MPL|Mozilla[\s-]+Public[\s-]+${L})${V}2(?:\.0)?\b`, 'giu'), id: () => 'MPL-2.0' },
  { pattern: new RegExp(String.raw`(?<!\w)ISC(?:[\s-]+${L})?\b`, 'gu'), id: () => 'ISC' },
  { pattern: /(?<!\w)(?:the[\s-]+)?Unlicen[sc]e\b/giu, id: () => 'Unlicense' },
  { pattern: /(?<!\w)CC0(?:[\s-]*1\.0)?\b/giu, id: () => 'CC0-1.0' },
  { pattern: /(?<!\w)CC[\s-]*BY((?:[\s-]*(?:NC|SA|ND))*)(?:[\s-]*([1-4]\.0))?(?![\w-])/giu, id: (m) => ccId(m[1] ?? '', m[2]) },
  {
    // "Creative Commons Attribution-ShareAlike 4.0 International", "Creative Commons Attribution License 3.0 Unported"
    pattern: new RegExp(String.raw`(?<!\w)Creative[\s-]+Commons[\s-]+Attribution((?:[\s-]*(?:Non[\s-]?Commercial|Share[\s-]?Alike|No[\s-]?Deriv(?:ative)?s?))*)(?:[\s-]+${L})?(?:${V}([1-4]\.0))?`, 'giu'),
    id: (m) => ccId((m[1] ?? '').replace(/non[\s-]?commercial/giu, 'NC').replace(/share[\s-]?alike/giu, 'SA').replace(/no[\s-]?deriv\w*/giu, 'ND'), m[2]),
  },
  // "Artistic License 2.0", "the Artistic License, version 2.0" (not a custom "Artistic License")
  { pattern: new RegExp(String.raw`(?<!\w)(?:Perl[\s-]+)?Artistic[\s-]+${L}${V}(1\.0|2\.0)\b`, 'giu'), id: (m) => `Artistic-${m[1]}` },
  { pattern: new RegExp(String.raw`(?<!\w)Boost[\s-]+Software[\s-]+${L}(?:${V}1(?:\.0)?)?`, 'giu'), id: () => 'BSL-1.0' },
  { pattern: new RegExp(String.raw`(?<!\w)Eclipse[\s-]+Public[\s-]+${L}${V}2(?:\.0)?\b`, 'giu'), id: () => 'EPL-2.0' },
  // "BSL 1.1": the Business Source License (the Boost license is BSL-1.0; there is no BSL 1.1)
  { pattern: /(?<!\w)BSL[\s-]*v?1\.1\b/gu, id: () => 'BUSL-1.1' },
  { pattern: new RegExp(String.raw`(?<!\w)Business[\s-]+Source[\s-]+${L}(?:${V}1\.1)?`, 'giu'), id: () => 'BUSL-1.1' },
  { pattern: new RegExp(String.raw`(?<!\w)Server[\s-]+Side[\s-]+Public[\s-]+${L}`, 'giu'), id: () => 'SSPL-1.0' },
  { pattern: new RegExp(String.raw`(?<!\w)Elastic[\s-]+${L}${V}2(?:\.0)?\b`, 'giu'), id: () => 'Elastic-2.0' },
];

function ccId(parts: string, version: string | undefined): string {
  const flags: string[] = parts.toUpperCase().match(/NC|SA|ND/gu) ?? [];
  const ordered = ['NC', 'ND', 'SA'].filter((flag) => flags.includes(flag));
  return ['CC', 'BY', ...ordered, version ?? '4.0'].join('-');
}

// SPDX ids written verbatim ("Apache-2.0", "GPL-3.0-or-later"); short ids that
// are ordinary words are left to the aliases above.
const verbatimIds = (spdxIds).filter((id) => /[-.\d]/u.test(id) && id.length >= 4);
const verbatimPattern = new RegExp(String.raw`(?<![\w-])(${verbatimIds.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|')})(?![\w-]|\.\d)`, 'gu');

const catalogNames = aiLicenses.flatMap((entry) =>
  [entry.name, entry.shortName, ...entry.licenseNames]
    .filter((name) => name.length >= 8 && /\s/u.test(name))
    .map((name) => ({ name, id: catalogId(entry) })),
);
// every name starts with a word character, so `(?<!\w)` is the leading `\b` (which keeps V8 from scanning for a literal)
const catalogPattern = catalogNames.length
  ? new RegExp(String.raw`${catalogNames.every((entry) => /^\w/u.test(entry.name)) ? String.raw`(?<!\w)` : String.raw`\b`}(?:${catalogNames.map((entry) => escapeRegExp(entry.name).replace(/\\? /gu, String.raw`[\s-]+`)).sort((a, b) => b.length - a.length).join('|')})\b`, 'giu')
  : undefined;
/**
 * A necessary condition for catalogPattern, cheap to compile: a word every catalog name holds (checked
 * below; without it there is no shortcut). V8 throws compiled regular expressions away at forced
 * collections, and compiling catalogPattern again costs about 100 ms: an edited block without any of these
 * words is not searched with it.
 */
const catalogWords = /licen|rail|agreement|terms|llama|apple|commons|polyform|kimi|cpml|(?<!\w)cc(?!\w)/iu;
const catalogShortcut = catalogNames.every((entry) => catalogWords.test(entry.name)) ? catalogWords : undefined;

// A word's inner hyphen is one followed by a lower-case letter ("Non-commercial"); any other hyphen
// separates words (hyphens that could be either made "A-A-A-…" backtrack catastrophically: a hang), and
// a name starts where a run of word characters does (not at each "1" of "1.1.1.…": quadratic).
const customPattern = /(?<![\w.+])((?:[A-Z0-9][\w.+]*(?:-(?=[a-z_.+])[\w.+]*)*[\s-]+){1,6})(?:Community[\s-]+)?(?:Model[\s-]+)?Licen[sc]e(?:[\s-]+Agreement)?\b/gu;
const articles = /^(?:the|this|our|its|their|a|an)$/iu;
// "Open Source License", "Software License", "Model License": descriptions, not names
// ("Contributor License Agreement", "Corporate/Individual CLA": agreements to contribute, not licenses)
const notCustomStarts = /^(?:contributor|contributors|corporate|individual|see|view|read|full|same|open|source|free|license|licen[sc]es|model|models|code|and|or|under|by|with|community|software|commercial|custom|new|original|respective|separate|following|permissive|standard|applicable|relevant|other|any|each|all|project|repository|readme|this|that)$/iu;

const likeSuffix = /^[\s-]*(?:like|style|ish|esque|inspired|type)\b/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** License mentions in a piece of prose, longest first, non-overlapping, in order. */
export function findLicenseMentions(text: string, options: { custom?: boolean } = {}): LicenseMention[] {
  const found: LicenseMention[] = [];
  const add = (start: number, end: number, id: string | undefined, custom = false) =>
    found.push({ start, end, text: text.slice(start, end), id, custom });
  if (catalogPattern && (!catalogShortcut || catalogShortcut.test(text))) {
    for (const match of text.matchAll(catalogPattern)) {
      const name = match[0].toLowerCase().replace(/[\s-]+/gu, ' ');
      const entry = catalogNames.find((candidate) => candidate.name.toLowerCase().replace(/[\s-]+/gu, ' ') === name);
      add(match.index, match.index + match[0].length, entry?.id);
    }
  }
  for (const match of text.matchAll(verbatimPattern)) add(match.index, match.index + match[0].length, match[1]);
  for (const alias of aliases) {
    alias.pattern.lastIndex = 0;
    for (const match of text.matchAll(alias.pattern)) add(match.index, match.index + match[0].length, alias.id(match));
  }
  if (options.custom) {
    for (const match of text.matchAll(customPattern)) {
      const words = match[1].trim().split(/[\s-]+/u);
      while (words.length > 0 && articles.test(words[0])) words.shift();
      if (words.length === 0 || notCustomStarts.test(words[0])) continue;
      const start = match.index + match[0].indexOf(words[0]);
      add(start, match.index + match[0].length, undefined, true);
    }
  }
  // "an MIT-like license", "BSD-style": a license like that one, not that one
  const named = found.filter((mention) => !likeSuffix.test(text.slice(mention.end, mention.end + 12)));
  named.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start) || Number(Boolean(a.custom)) - Number(Boolean(b.custom)));
  const result: LicenseMention[] = [];
  for (const mention of named) {
    const last = result[result.length - 1];
    if (last && mention.start < last.end) {
      // keep a known license over a custom name covering it
      if (last.custom && !mention.custom) result[result.length - 1] = mention;
      continue;
    }
    result.push(mention);
  }
  return result;
}
