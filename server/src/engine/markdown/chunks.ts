// Splits a Markdown body into chunks that parse the same alone as in the
// whole document, so that each chunk is parsed (and its claims found) once
// and reused while the rest of the document is edited.
//
// A chunk boundary is a blank line followed by a line that starts in the
// first column, outside fenced code and outside HTML blocks that may hold
// blank lines (CommonMark types 1–5: <script>/<pre>/<style>/<textarea>,
// comments, processing instructions, declarations, CDATA). After such a blank
// line every open block has ended: a paragraph ends at the blank line, and a
// list item, block quote or footnote continues only with indented or `>` lines
// (a new list item at the first column starts a sibling list, which holds the
// same prose). Link reference definitions are document-wide: the caller passes
// them along with each chunk.
import type { Span } from '../types.js';

/** Chunks are grouped up to about this many characters: fewer parser runs, still a small re-parse per edit. */
export const chunkTargetSize = 2048;

/**
 * A run of lines without a blank line is cut after this many lines even so: micromark's work on one
 * paragraph grows with the square of its lines (40,000 short lines took 11 s). Only a block longer than
 * this — a paragraph, list or table of thousands of lines — reads differently than whole.
 */
export const maxChunkLines = 2000;

const fenceOpen = /^ {0,3}(`{3,}|~{3,})/u;
const htmlOpenings: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
];

// HTML blocks that end at a blank line (CommonMark types 6 and 7): a fence cannot open inside them.
// Type 6 starts with a block-level tag and may interrupt a paragraph; type 7 is a lone complete tag that
// may not, and starts a block only after a blank line (or at a chunk's start).
const blockTagNames = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const htmlToBlankOpening = new RegExp(String.raw`^ {0,3}<\/?(?:${blockTagNames})(?:[ \t>]|\/>|$)`, 'iu');
const loneTag = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/u;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/**
 * The chunks of `text` from `start` on, in order and covering it without gaps.
 * Each chunk ends at a boundary (or the end of the text). `start` must be the
 * body's start or a boundary: the scan's state is the same at both.
 * `until`: stop at the first boundary it accepts (the chunks then cover
 * `start` to that boundary); the scan after a boundary depends only on the
 * text from there on, so an edit's re-chunking stops where it meets a
 * boundary of the text before the edit (markdown/markdownEdits.ts).
 */
export function markdownChunks(text: string, start = 0, targetSize = chunkTargetSize, until?: (boundary: number) => boolean): Span[] {
  const chunks: Span[] = [];
  let chunkStart = start;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlToBlank = false;
  let previousBlank = false;
  let chunkLines = 0;
  // a line ends at \n, \r\n or a lone \r (each search moves forward only)
  let nextLf = text.indexOf('\n', start);
  let nextCr = text.indexOf('\r', start);
  for (let lineStart = start; lineStart < text.length;) {
    if (nextLf >= 0 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr >= 0 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    const breakAt = Math.min(nextLf < 0 ? text.length : nextLf, nextCr < 0 ? text.length : nextCr);
    const lineEnd = breakAt === text.length ? text.length : text.startsWith('\r\n', breakAt) ? breakAt + 2 : breakAt + 1;
    const line = text.slice(lineStart, breakAt);
    chunkLines++;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      previousBlank = false;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      previousBlank = false;
    } else if (htmlToBlank && !isBlank(line)) {
      previousBlank = false;
    } else {
      htmlToBlank = false;
      const blank = isBlank(line);
      if ((previousBlank && !blank && !/^[ \t]/u.test(line) && lineStart - chunkStart >= targetSize) || (chunkLines > maxChunkLines && lineStart > chunkStart)) {
        chunks.push({ start: chunkStart, end: lineStart });
        if (until?.(lineStart)) return chunks;
        chunkStart = lineStart;
        chunkLines = 1;
      }
      const previousBlankBefore = previousBlank;
      previousBlank = blank;
      const opened = fenceOpen.exec(line);
      // a backtick fence's info string holds no backtick; otherwise it is inline code
      if (opened && !(opened[1][0] === '`' && line.slice(opened[0].length).includes('`'))) {
        fence = { char: opened[1][0], length: opened[1].length };
      } else {
        const kind = htmlOpenings.find(([opening]) => opening.test(line));
        if (kind) {
          const rest = line.slice(line.indexOf('<') + 1);
          if (!kind[1].test(rest)) htmlEnd = kind[1];
        } else if (htmlToBlankOpening.test(line) || ((previousBlankBefore || lineStart === chunkStart) && loneTag.test(line))) {
          htmlToBlank = true;
        }
      }
    }
    lineStart = lineEnd;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

/** Every link reference definition label of the document, as definitions a chunk can be parsed with. */
export function referenceDefinitions(text: string): string {
  if (!text.includes(']:')) return '';
  const labels = new Set<string>();
  for (const match of text.matchAll(/^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:/gmu)) labels.add(match[1]);
  // a footnote (`[^1]:`) is defined with content of its own: a paragraph, which the caller drops with the rest of what follows the chunk
  return [...labels].map((label) => (label.startsWith('^') ? `[${label}]: x` : `[${label}]: #`)).join('\n\n');
}
