// A license-like text as identification reads it: words in order, each with
// its line, after what varies between copies of one license is set aside
// (the SPDX License List Matching Guidelines): case, punctuation, wrapping,
// Markdown and comment markers, HTML entities, "licence"/"license", URL
// schemes, and copyright *statements* ("Copyright (c) 2024 Jane Doe"), but
// not sentences that merely start with the word ("copyright notice and this
// permission notice appear in all copies" is what tells ISC from 0BSD).

export interface LicenseWords {
  /** The words in order. */
  words: string[];
  /** The 0-based line of each word. */
  lines: number[];
  /** Words of the copyright statements (holder names), which the license text may repeat ("IN NO EVENT SHALL CITUS DATA BE LIABLE"). */
  holders: Set<string>;
  /** `SPDX-License-Identifier:` values found in the text. */
  spdxIdentifiers: string[];
  /** The text's lines (entities decoded). */
  textLines: string[];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', ndash: '-', mdash: '-', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"', hellip: '...' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** What a line holds once comment markers, list bullets and Markdown marks before it are set aside. */
export function lineBody(line: string): string {
  return line.replace(/^[\s#>*/;!|=\-_+`~"'[\]]+/u, '').replace(/^(?:rem|dnl)\s+/iu, '');
}

const statementStart = /^(?:portions?\s+(?:are\s+)?)?(?:copyright\b|\(c\)|©)/iu;
// "Copyright notice and this permission notice …", "COPYRIGHT HOLDERS BE LIABLE", "copyright law": part of a license text
const notAStatement = /^(?:portions?\s+)?copyright\s*(?:notices?|holders?|owners?|and\b|or\b|law|laws|statements?|protection|licen[cs]e|terms|to\b|in\b|of\b|the\s|permission|status|infringement|interest|claims?|act\b|,)/iu;
const inlineStatement = /\bcopyright\s*(?:\(c\)|©)\s*(?:\d{4}|[A-Z])|\bcopyright\s+\d{4}\b/iu;

/** Whether a line is a copyright statement (a holder and/or years), to be set aside. */
export function isCopyrightStatement(line: string): boolean {
  const body = lineBody(line).trim();
  if (/^all\s+rights\s+reserved\.?$/iu.test(body)) return true;
  if (statementStart.test(body)) return !notAStatement.test(body);
  return body.length <= 120 && /copyright/iu.test(body) && inlineStatement.test(body);
}

const holderStop = new Set(['copyright', 'c', 'by', 'the', 'and', 'of', 'all', 'rights', 'reserved', 'portions', 'portion', 'inc', 'ltd', 'llc', 'co', 'corp', 'contributors', 'et', 'al', 'is', 'its', 'affiliates', 'or', 'present', 'current', 'software', 'license', 'this', 'free', 'foundation', 'fsf', 'for', 'to', 'in', 'a', 'are', 'with']);

const spdxLine = /SPDX-License-Identifier:\s*([^\r\n*]+?)\s*(?:\*\/|-->)?\s*$/iu;

/** The words of a piece of text (no statement handling): lower case, "licence" spelt "license". */
export function textWords(text: string): string[] {
  return normaliseWords(text).split(/[ \n]+/u).filter(Boolean);
}

function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>\n]{1,60}>/gu, ' ') // placeholders such as <year>, <copyright holders>; e-mail addresses
    .replace(/https?:\/\/\S+/gu, (url) => url.replace(/^https?:\/\/(?:www\.)?/u, '').replace(/[/.)\]>]+$/u, ''))
    .replace(/licen[cs]/gu, 'licens')
    .replace(/&/gu, ' and ')
    .replace(/[^\p{L}\p{N}\n]+/gu, ' ');
}

export function readLicenseWords(text: string): LicenseWords {
  const textLines = decodeEntities(text.replace(/^\uFEFF/u, '')).split(/\r\n|\r|\n/u);
  const words: string[] = [];
  const lines: number[] = [];
  const holders = new Set<string>();
  const spdxIdentifiers: string[] = [];
  // normalised at once (line ends kept), read line by line
  const normalised = normaliseWords(textLines.join('\n')).split('\n');
  textLines.forEach((line, number) => {
    const identifier = spdxLine.exec(line);
    if (identifier) {
      spdxIdentifiers.push(identifier[1].trim());
      return;
    }
    if (isCopyrightStatement(line)) {
      for (const word of normalised[number].split(' ')) if (word && !holderStop.has(word) && !/^\d+$/u.test(word)) holders.add(word);
      return;
    }
    for (const word of normalised[number].split(' ')) {
      if (!word) continue;
      words.push(word);
      lines.push(number);
    }
  });
  return { words, lines, holders, spdxIdentifiers, textLines };
}
