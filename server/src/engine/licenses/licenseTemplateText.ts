// An SPDX license text cleaned into a matching template (in the spirit of the
// SPDX License List Matching Guidelines): the title and the lines that follow
// it (version, URL) are optional, the sample copyright statements are dropped
// and their holder names become variables, and the parts a real copy may
// leave out are optional: the Apache appendix, the GNU "How to Apply These
// Terms", everything after "END OF TERMS AND CONDITIONS", MPL's exhibits. The
// LGPL-3.0 text as SPDX ships it ends with the whole GPL-3.0, which is a
// license of its own: it is cut off.
import { isCopyrightStatement, lineBody, readLicenseWords, textWords } from './licenseTextWords.js';

export interface TemplateWords {
  /** The words in order; holder names (from the sample copyright lines, "author") are `holder`. */
  words: string[];
  /** Whether each word is in an optional part. */
  optional: boolean[];
}

export const holder = '∗';

const optionalFrom = /^(?:END\s+OF\s+TERMS\s+AND\s+CONDITIONS|APPENDIX\b|How\s+to\s+Apply\s+These\s+Terms|Exhibit\s+A\b)/iu;
const genericHolders = new Set(['author', 'authors']);

export function templateWords(id: string, text: string): TemplateWords {
  let lines = text.replace(/\r\n?/gu, '\n').split('\n');
  if (/^LGPL-3\.0/u.test(id)) {
    const gpl = lines.findIndex((line, index) => index > 0 && /^\s*GNU GENERAL PUBLIC LICENSE\s*$/u.test(line));
    if (gpl > 0) lines = lines.slice(0, gpl);
  }
  const holders = new Set(genericHolders);
  const { holders: named } = readLicenseWords(lines.filter((line) => isCopyrightStatement(line)).join('\n'));
  for (const word of named) holders.add(word);
  // the title: up to four short leading lines that are not sentences
  let titleEnd = 0;
  for (let index = 0, seen = 0; index < lines.length && seen < 4; index++) {
    const body = lineBody(lines[index]).trim();
    if (body === '' || isCopyrightStatement(lines[index])) continue;
    if (body.length > 80 || (/[.;,]$/u.test(body) && !/^(?:version|v)\b/iu.test(body) && !/\d\.?$/u.test(body))) break;
    seen++;
    titleEnd = index + 1;
  }
  const words: string[] = [];
  const optional: boolean[] = [];
  let inTail = false;
  lines.forEach((line, index) => {
    if (isCopyrightStatement(line)) return;
    if (!inTail && index >= titleEnd && optionalFrom.test(lineBody(line).trim())) inTail = true;
    for (const word of textWords(line)) {
      words.push(holders.has(word) ? holder : word);
      optional.push(inTail || index < titleEnd);
    }
  });
  return { words, optional };
}
