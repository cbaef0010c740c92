// A license text cut into the units a reviewer reads: sentences and list
// items, each with its offsets in the text. Wrapped lines are joined; a blank
// line, a Markdown heading or a list marker at the start of a line starts a
// new unit, and so does the end of a sentence.

import type { Span } from '../../types.js';

export interface ClauseSegment extends Span {
  /** The segment's words as matched: whitespace collapsed, Markdown emphasis and HTML tags dropped, quotes made straight. */
  text: string;
}

// "- item", "* item", "1.", "1.2", "(a)", "a.", "iv)", "§ 3", "# Heading"
const itemStart = /^[ \t]*(?:[-*•·◦]\s|#{1,6}\s|§\s*\d|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,5})[.)](?:\s|$)|\d{1,3}(?:\.\d{1,3})+\s)/u;
// the end of a sentence (. ! ? ;) before a capital, a digit or an opening mark; not a colon, whose lead-in ("You shall not:") belongs to what follows
const sentenceEnd = /(?<![A-Z]\.[A-Z]|\be\.g|\bi\.e|\bvs|\bNo|\bInc|\bLtd|\bCo|\bU\.S)[.!?;。；]["”’)\]]*\s+(?=["“(\[]?[\p{Lu}\d])|[。；]/gu;
const maxSegment = 1200;

export function normaliseClauseText(text: string): string {
  return text
    .replace(/<\/?[a-z][^>]{0,40}>/giu, ' ')
    .replace(/\*\*|__|(?<=\s)\*|\*(?=\s)|`/gu, '')
    .replace(/[“”„«»]/gu, '"')
    .replace(/[‘’‚]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The text's sentences and list items, in order. */
export function clauseSegments(text: string): ClauseSegment[] {
  const blocks: Span[] = [];
  let blockStart = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const blank = line.trim() === '';
    if (blank || itemStart.test(line)) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: offset });
      blockStart = blank ? -1 : offset;
    } else if (blockStart < 0) {
      blockStart = offset;
    }
    offset = end + 1;
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: text.length });
  const segments: ClauseSegment[] = [];
  for (const block of blocks) {
    const body = text.slice(block.start, block.end);
    let from = 0;
    const cut = (to: number) => {
      pushTrimmed(segments, text, block.start + from, block.start + to);
      from = to;
    };
    for (const end of body.matchAll(sentenceEnd)) {
      const to = end.index + end[0].trimEnd().length;
      if (to > from) cut(to);
    }
    if (from < body.length) cut(body.length);
  }
  return segments;
}

function pushTrimmed(segments: ClauseSegment[], text: string, start: number, end: number): void {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  // a very long run without a sentence end (a table, a wall of text) is read in pieces
  for (let from = start; from < end; from += maxSegment) {
    const to = Math.min(end, from + maxSegment);
    const words = normaliseClauseText(text.slice(from, to));
    if (words !== '') segments.push({ start: from, end: to, text: words });
  }
}
