// Which chunks of a Markdown body are worth parsing. Almost none of a
// document's text holds anything the engine reads, and parsing is most of the
// cost of an audit, so a fast scan of each chunk's raw text (the smallest
// chunks of chunks.ts: blocks that parse alone) decides whether it can hold
// - a claim phrase, a "released under" lead or a "-licensed" suffix;
// - a suppression directive;
// - in a README: a license badge, a link to a catalogued license, or any
//   prose of a License section (the caller knows the open sections);
// - in a model card: the training-data and training-code evidence that
//   osaid-incomplete looks for;
// - or a heading the section stack needs and that cannot be read without
//   the parser (setext headings, headings in containers or after the first
//   line).
// Each test is a superset: it looks at the raw text and at the text with the
// markup that may stand between words removed, never at less than the prose
// the parser would read. A chunk that fails them all is skipped, but its
// leading ATX heading still opens its section (leadingHeading.ts); a chunk
// that matters only for headings the parser must find (a heading right over
// a long table) has only those lines parsed, when they are top-level ATX
// headings (topLevelHeadingLines). The
// differential test (test/blockSelection.test.ts) holds the findings equal
// with and without the selection.
import { mayHoldClaims } from '../claims/claimScanner.js';
import { mayLinkToCataloguedLicense } from '../declarations/readmeDeclarations.js';
import { codeLink, codeProse, dataLink, dataProse } from '../rules/modelCardEvidence.js';
import { setextLines } from './leadingHeading.js';

export interface Interest {
  /** A README or a model card: its License section, badges and license links declare. */
  declares: boolean;
  /** A model card (front matter): osaid-incomplete reads its evidence. */
  modelCard: boolean;
  /** The document names a badge service: its images may be license badges. */
  badges: boolean;
}

/** What matters in a document; computed once per document. */
export function documentInterest(text: string, declares: boolean, modelCard: boolean): Interest {
  return { declares, modelCard, badges: declares && /shields\.io|badgen\.net/iu.test(text) };
}

/** Link destinations and reference labels (`](…)`, `][…]`), and footnote references (`[^1]`), which the parser reads as a space. */
const linkTail = /\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)|\]\[[^\]]*\]|\[\^[^\]]*\]/gu;
/** Images (`![alt](…)`, `![alt][…]`): not prose, read as a space. */
const images = /!\[[^\]]*\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\]]*\])?/gu;
const tags = /<[^<>]*>/gu;
const codeSpans = /(`+)[^`][\s\S]*?\1(?!`)/gu;
const markup = /[*_~`\\[\]]/gu;
const whitespace = /\s+/gu;
/** Any character the readings below take out or act on (links, images, tags, code spans, markup). */
const anyMarkup = /[<\]`*_~\\[]/u;

/** A character reference that may stand for a letter, a digit or `_` (the parser reads it as that character). */
function hasWordReference(text: string): boolean {
  if (!text.includes('&')) return false;
  for (const match of text.matchAll(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/gu)) {
    if (match[3] !== undefined) {
      if (!nonWordEntities.has(match[3])) return true;
      continue;
    }
    const code = match[1] !== undefined ? Number(match[1]) : Number.parseInt(match[2], 16);
    if (code === 0 || code > 0x10ffff || /[\p{L}\p{N}\p{M}_]/u.test(String.fromCodePoint(code))) return true;
  }
  return false;
}

/** Named character references that stand for neither a letter, a digit nor `_`. */
const nonWordEntities = new Set([
  'nbsp', 'amp', 'AMP', 'lt', 'LT', 'gt', 'GT', 'quot', 'QUOT', 'apos', 'copy', 'COPY', 'reg', 'REG', 'trade', 'middot', 'mdash', 'ndash',
  'hellip', 'bull', 'emsp', 'ensp', 'thinsp', 'zwj', 'zwnj', 'shy', 'rarr', 'larr', 'harr', 'uarr', 'darr', 'laquo', 'raquo', 'lsquo',
  'rsquo', 'ldquo', 'rdquo', 'sect', 'para', 'dagger', 'times', 'divide', 'plusmn', 'check', 'star', 'hearts', 'colon', 'comma', 'period',
  'excl', 'quest', 'num', 'dollar', 'percnt', 'ast', 'grave', 'verbar', 'vert', 'lpar', 'rpar', 'lsqb', 'rsqb', 'lcub', 'rcub', 'sol', 'bsol',
]);

/**
 * The raw text, and readings of it with markup between words taken out (joined, or as a space): the prose
 * the parser reads from a block is one of these or a part of them, as far as any phrase test can tell.
 */
function readings(chunk: string): string[] {
  // without markup, both readings are the text with its whitespace runs made single spaces
  if (!anyMarkup.test(chunk)) {
    const collapsed = chunk.replace(whitespace, ' ');
    return collapsed === chunk ? [chunk] : [chunk, collapsed];
  }
  const unimaged = chunk.includes('![') ? chunk.replace(images, ' ') : chunk;
  const joined = unimaged.replace(linkTail, '').replace(tags, '').replace(markup, '').replace(whitespace, ' ');
  const spaced = unimaged.replace(linkTail, ' ').replace(codeSpans, ' ').replace(tags, ' ').replace(markup, ' ').replace(whitespace, ' ');
  // the same reading is tested once
  return [...new Set(unimaged === chunk ? [chunk, joined, spaced] : [chunk, unimaged, joined, spaced])];
}

const headingLike = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*#{1,6}(?:[ \t]|$)/u;
const setextUnderline = /^[ \t>]*(?:=+|-+)[ \t]*$/u;
const topLevelAtx = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/u;

/**
 * A line against the top-level fence open before it (`open`, its opening run of backticks or tildes): whether
 * the line opens, lies in or closes a fence, and the fence open after it.
 */
function fenceStep(open: string | undefined, line: string): { fenced: boolean; open: string | undefined } {
  if (open !== undefined) {
    const close = fenceLine.exec(line);
    const closes = close !== null && close[1][0] === open[0] && close[1].length >= open.length && line.slice(close[0].length).trim() === '';
    return { fenced: true, open: closes ? undefined : open };
  }
  const opened = fenceLine.exec(line);
  if (opened && !(opened[1][0] === '`' && line.slice(opened[0].length).includes('`'))) return { fenced: true, open: opened[1] };
  return { fenced: false, open: undefined };
}

/**
 * Whether `chunk` holds a heading that only the parser can read: any heading-like line (in a container or
 * not) or setext underline after a non-blank line, outside top-level fences, except a first line that is a
 * top-level ATX heading and a one-line setext heading at the start (leadingHeading.ts reads those).
 */
export function hasUnreadHeadings(chunk: string): boolean {
  if (!chunk.includes('#') && !chunk.includes('=') && !chunk.includes('-')) return false;
  const lines = chunk.split(/\r\n|\r|\n/u);
  const setext = setextLines(chunk) !== undefined;
  let fence: string | undefined;
  let previousBlank = true;
  for (const [index, line] of lines.entries()) {
    const step = fenceStep(fence, line);
    fence = step.open;
    if (step.fenced) {
      previousBlank = false;
      continue;
    }
    if (headingLike.test(line) && !(index === 0 && topLevelAtx.test(line))) return true;
    if (!previousBlank && setextUnderline.test(line) && !(index === 1 && setext)) return true;
    previousBlank = line.trim() === '';
  }
  return false;
}

const sectionLine = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*#{1,6}(?:[ \t]|$)|^[ \t>]*(?:=+|-+)[ \t]*$/mu;

/** Whether `chunk` may hold a heading (and so change the open sections). */
export function mayOpenSection(chunk: string): boolean {
  return sectionLine.test(chunk);
}

/**
 * The lines of `chunk` that open sections, when each is an ATX heading in the first column (outside fences),
 * the chunk has no setext heading, no heading in a container and no HTML block that could hold a heading (a
 * one-line comment cannot): each such line is a heading of the document's top level, and reads alone as in
 * the chunk. Offsets count from the chunk's start; undefined otherwise.
 */
export function topLevelHeadingLines(chunk: string): { offset: number; line: string }[] | undefined {
  if (setextLines(chunk) !== undefined) return undefined;
  const found: { offset: number; line: string }[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  for (const match of chunk.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/gu)) {
    if (match[0] === '') break;
    const line = match[0].replace(/[\r\n]+$/u, '');
    const step = fenceStep(fence, line);
    fence = step.open;
    if (step.fenced) {
      previousBlank = false;
      continue;
    }
    if (/^ {0,3}</u.test(line) && !/^ {0,3}<!--.*-->/u.test(line)) return undefined;
    if (/^#{1,6}(?:[ \t]|$)/u.test(line)) found.push({ offset: match.index, line });
    else if (headingLike.test(line) || (!previousBlank && setextUnderline.test(line))) return undefined;
    previousBlank = line.trim() === '';
  }
  return found;
}

/** How much of a chunk matters: nothing, only the headings that open sections, or all of it. */
export type ChunkMatter = 'none' | 'headings' | 'all';

/**
 * How much of `chunk` can hold anything that matters (see the top of this file). `inLicenseSection`: the
 * chunk starts inside a README's License section, whose every sentence is read.
 */
export function chunkMatter(chunk: string, interest: Interest, inLicenseSection: boolean): ChunkMatter {
  if (chunk.trim() === '') return 'none';
  if (inLicenseSection && interest.declares) return 'all';
  if (chunk.includes('license-claims-') || hasWordReference(chunk)) return 'all';
  if (interest.declares) {
    if (interest.badges && /!\[|<img/iu.test(chunk)) return 'all';
    if (mayLinkToCataloguedLicense(chunk)) return 'all';
  }
  if (interest.modelCard && (dataLink.test(chunk) || codeLink.test(chunk))) return 'all';
  for (const text of readings(chunk)) {
    if (mayHoldClaims(text)) return 'all';
    if (interest.modelCard && (dataProse.test(text) || codeProse.test(text))) return 'all';
  }
  return hasUnreadHeadings(chunk) ? 'headings' : 'none';
}
