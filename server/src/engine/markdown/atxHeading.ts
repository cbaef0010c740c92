// A chunk's leading ATX heading ("## Installation"), read without the
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
  /** The heading's line (without its line ending), from the chunk's start. */
  line: string;
  /** The heading and its prose block, when the line is plain enough to read without the parser. */
  read?: { heading: Heading; block?: ProseBlock };
}

/** The first line of `chunk` when it is an ATX heading. */
export function leadingHeading(chunk: string): LeadingHeading | undefined {
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
