// Where a place in the text as it is now stands in an older text of the same
// document: the block around it (the lines between the blank lines before and
// after it) is looked for, unchanged, in the older text. Hovers while typing
// use it to answer from the last judgment instead of judging every keystroke.

/** Blocks longer than this on either side of the place are cut here: a hover needs its paragraph, not the document. */
const reach = 4000;
/** A block found this many times in the older text is placed at the occurrence nearest to where it stands now. */
const maxOccurrences = 64;

export interface MappedPlace {
  /** The place's offset in the older text. */
  offset: number;
  /** The unchanged block around it, in the older text's offsets. */
  block: { start: number; end: number };
}

/** The start of the line after the last blank line before `offset` (or `floor`). */
function blockStart(text: string, offset: number, floor: number): number {
  for (let at = text.lastIndexOf('\n', offset - 1); at > floor; at = text.lastIndexOf('\n', at - 1)) {
    // a blank line: only spaces, tabs or a carriage return between two line ends
    const previous = text.lastIndexOf('\n', at - 1);
    if (previous >= floor && /^[ \t\r]*$/u.test(text.slice(previous + 1, at))) return at + 1;
  }
  return floor;
}

/** The end of the line before the first blank line after `offset` (or `ceiling`). */
function blockEnd(text: string, offset: number, ceiling: number): number {
  for (let at = text.indexOf('\n', offset); at >= 0 && at < ceiling; at = text.indexOf('\n', at + 1)) {
    const next = text.indexOf('\n', at + 1);
    if (next >= 0 && next <= ceiling && /^[ \t\r]*$/u.test(text.slice(at + 1, next))) return at;
  }
  return ceiling;
}

/**
 * `offset` of `now` in `before`, when the block around it is unchanged there;
 * undefined when it was edited (or is not found).
 */
export function placeInOlderText(before: string, now: string, offset: number): MappedPlace | undefined {
  if (before === now) return { offset, block: { start: 0, end: now.length } };
  const start = blockStart(now, offset, Math.max(0, offset - reach));
  const end = blockEnd(now, offset, Math.min(now.length, offset + reach));
  const block = now.slice(start, end);
  if (block.trim() === '') return undefined;
  let best = -1;
  let found = 0;
  for (let at = before.indexOf(block); at >= 0 && found < maxOccurrences; at = before.indexOf(block, at + 1), found++) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  if (best < 0) return undefined;
  const mapped = best + (offset - start);
  // the same block there too, not a part of a longer one (a paragraph that lost its first lines)
  const sameStart = blockStart(before, mapped, Math.max(0, mapped - reach)) === best;
  const sameEnd = blockEnd(before, mapped, Math.min(before.length, mapped + reach)) === best + block.length;
  return sameStart && sameEnd ? { offset: mapped, block: { start: best, end: best + block.length } } : undefined;
}
