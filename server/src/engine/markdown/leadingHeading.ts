// A chunk's leading ATX heading ("## Installation") or one-line setext
// heading ("Installation" over "============"), read without the
// parser. A chunk that is not parsed (see blockSelection.ts) still opens a
// section with its heading, and the section stack decides how every later
// block is read (License, Sponsors, a named product…).
//
// A chunk starts after a blank line, in the first column (chunks.ts): its
// first line is never inside a container, a fence or an HTML block, so an ATX
// heading there is a heading of the document's top level, and one line of
// inline content. When that content is plain words (no emphasis, code, link,
// HTML, character reference, autolink or closing `#` sequence), the heading's
// text is the content itself, character for character; otherwise the heading
// line is parsed alone (a heading never continues onto the next line).
import type { Heading, ProseBlock } from './proseBlocks.js';

const atxLine = /^ {0,3}(#{1,6})(?=[ \t]|$)/u;
/** Content that reads as the same text in micromark: nothing that could start inline markup or an autolink. */
const plainContent = /^[\p{L}\p{M}\p{N} ,.;:'"()/?+=%$-]*$/u;
const autolinkStart = /:\/\/|www\./iu;

export interface LeadingHeading {
  /** The heading's line (two for a setext heading; without the last line ending), from the chunk's start. */
  line: string;
  /** The heading and its prose block, when the line is plain enough to read without the parser. */
  read?: { heading: Heading; block?: ProseBlock };
}

const underline = /^ {0,3}(=+|-+)[ \t]*$/u;
/** A first line that can only be paragraph text: no block starts with it (list item, quote, fence, HTML, table…). */
const paragraphLine = /^ {0,3}(?![-+*>#<|=]|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3})[^|\r\n]*\S/u;

/** The first two lines of `chunk` when they are a setext heading of one line ("Title" over "=====") that is not read here. */
export function setextLines(chunk: string): string[] | undefined {
  if (!chunk.includes('\n') && !chunk.includes('\r')) return undefined;
  const [first, second] = chunk.split(/\r\n|\r|\n/u, 2);
  return second !== undefined && paragraphLine.test(first) && underline.test(second) ? [first, second] : undefined;
}

/** The first line of `chunk` when it is an ATX heading, or its first two when they are a one-line setext heading. */
export function leadingHeading(chunk: string): LeadingHeading | undefined {
  const setext = setextLines(chunk);
  if (setext) {
    const [first, second] = setext;
    const secondStart = chunk.startsWith('\r\n', first.length) ? first.length + 2 : first.length + 1;
    const line = chunk.slice(0, secondStart + second.length);
    const content = first.replace(/^[ \t]+/u, '');
    const text = content.replace(/[ \t]+$/u, '');
    if (!plainContent.test(content) || autolinkStart.test(content)) return { line };
    const start = first.length - content.length;
    const offsets = Array.from({ length: text.length }, (_, index) => start + index);
    offsets.push(line.length);
    return { line, read: { heading: { depth: underline.exec(second)?.[1][0] === '=' ? 1 : 2, text }, block: { kind: 'heading', text, offsets, base: 0, links: [], sections: [] } } };
  }
  const opening = atxLine.exec(chunk);
  if (!opening) return undefined;
  const lineEnd = chunk.search(/[\r\n]/u);
  const line = lineEnd < 0 ? chunk : chunk.slice(0, lineEnd);
  const rest = line.slice(opening[0].length);
  const content = rest.replace(/^[ \t]+/u, '');
  const text = content.trimEnd();
  if (!plainContent.test(content) || autolinkStart.test(content) || text !== content.replace(/[ \t]+$/u, '')) return { line };
  const depth = opening[1].length;
  if (text === '') return { line, read: { heading: { depth, text: '' } } };
  const start = line.length - rest.length + (rest.length - content.length);
  const offsets = Array.from({ length: text.length }, (_, index) => start + index);
  offsets.push(line.length);
  return { line, read: { heading: { depth, text }, block: { kind: 'heading', text, offsets, base: 0, links: [], sections: [] } } };
}
