// micromark (the Markdown parser) is quadratic or worse on some inputs, and
// its tree walks recurse:
// - containers nested thousands deep (`> > > …`, `- - - …`, or list items
//   indented further on every line) overflow the stack;
// - emphasis and link delimiters that do not pair up (`*a_ *a_ …`,
//   `*a **a … a** a*`, `a] a] …`) are matched by walking back over the
//   paragraph for each one: 14 KB of nested emphasis took minutes;
// - each setext heading (a line under a line of `===` or `---`) rewrites the
//   list of events read so far: 2,000 of them took seconds;
// - a paragraph of thousands of backslash escapes, next to the GFM autolink
//   extension, merges its text in quadratic time.
// Documents like these are written only to break tools, so before parsing,
// their excess is defused: the characters that make the structure are
// replaced by no-break spaces, one for one, so every offset of the text stays
// the same and the words are still read as prose. Ordinary documents come
// back as the very same string.

/** Container markers (block quotes, list items) read per line; deeper ones become text. */
export const maxContainerDepth = 32;
/** Columns of indentation read per line (list items nest by indentation too); the rest becomes text. */
export const maxIndentColumns = 128;
/**
 * Emphasis, code and link delimiters (`*`, `_`, `~`, `` ` ``, `[`, `]`, and `<!`, `<?`) per line and per paragraph,
 * beyond which they are all read as text…
 */
export const maxLineDelimiters = 256;
export const maxParagraphDelimiters = 512;
/** …and per run of lines where the paragraph could not surely be told apart (items nested in quotes, `2.` items, indented tables). */
export const maxBlockDelimiters = 4096;
/**
 * Characters of a paragraph after a `[` that is still open, beyond which the open brackets are read as
 * text: the GFM autolink extension walks back to an open bracket from every word after it.
 */
export const maxOpenBracketSpan = 2048;
/**
 * Backslash escapes (`\"`, `\-`…) per paragraph, beyond which each is read as text: next to the GFM
 * autolink extension, a long line of them is parsed in quadratic time (100 KB: 8 s).
 */
export const maxParagraphEscapes = 1024;
/** Setext headings per parse; later underlines are read as text. */
export const maxSetextHeadings = 64;

const inert = '\u00a0';

/** Emphasis, code and link delimiters, and the `<` of an inline comment, declaration or processing instruction (each scans ahead for its end). */
function isDelimiterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0x3c /* < */) {
    const next = text.charCodeAt(index + 1);
    return next === 0x21 /* ! */ || next === 0x3f; /* ? */
  }
  return code === 0x2a /* * */ || code === 0x5f /* _ */ || code === 0x7e /* ~ */ || code === 0x60 /* ` */ || code === 0x5b /* [ */ || code === 0x5d; /* ] */
}

/** A backslash escape at `index`: `\` before ASCII punctuation. */
function isEscapeAt(text: string, index: number): boolean {
  return text.charCodeAt(index) === 0x5c /* \ */ && /[!-/:-@[-`{-~]/u.test(text[index + 1] ?? '');
}

function countEscapes(text: string, start: number, end: number): number {
  let escapes = 0;
  for (let i = start; i < end; i++) {
    if (isEscapeAt(text, i)) {
      escapes++;
      i++;
    }
  }
  return escapes;
}

const fence = /^(`{3,}|~{3,})/u;
const setextUnderline = /^(?:=+|-+)[ \t]*\r?$/u;
const heading = /^#{1,6}(?:[ \t]|\r?$)/u;
const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$/u;

/** Cells of a GFM table row: split at unescaped `|`, without the outer pipes. */
function cellCount(row: string): number {
  let cells = 1;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') cells++;
  }
  const trimmed = row.trim();
  if (trimmed.startsWith('|')) cells--;
  if (trimmed.length > 1 && trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells--;
  return cells;
}

/** Lines whose delimiters are counted together, and defused together once there are too many. */
class DelimiterGroup {
  private lines: [number, number][] = [];
  private count = 0;
  private defused = false;

  constructor(private readonly limit: number, private readonly defuse: (start: number, end: number) => void) {}

  add(start: number, end: number, delimiters: number): void {
    this.lines.push([start, end]);
    this.count += delimiters;
    if (this.defused) this.defuse(start, end);
    else if (this.count > this.limit) {
      this.defused = true;
      for (const [from, to] of this.lines) this.defuse(from, to);
    }
  }

  reset(): void {
    this.lines = [];
    this.count = 0;
    this.defused = false;
  }
}

/** `text` with pathological nesting and delimiters defused (same length; the very same string when there are none). */
export function shallowMarkdown(text: string): string {
  const ranges: [number, number][] = [];
  const defuse = (start: number, end: number) => {
    if (end > start) ranges.push([start, end]);
  };
  const defuseDelimiters = (start: number, end: number) => {
    let runStart = -1;
    for (let i = start; i <= end; i++) {
      if (i < end && isDelimiterAt(text, i)) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        defuse(runStart, i);
        runStart = -1;
      }
    }
  };

  // an escape is defused whole (the backslash and what it escapes): no delimiter is set free
  const defuseEscapes = (start: number, end: number) => {
    for (let i = start; i < end; i++) {
      if (isEscapeAt(text, i)) {
        defuse(i, Math.min(i + 2, end));
        i++;
      }
    }
  };

  // Where in doubt, lines are counted together: more is defused, never less.
  const paragraph = new DelimiterGroup(maxParagraphDelimiters, defuseDelimiters);
  const escapes = new DelimiterGroup(maxParagraphEscapes, defuseEscapes);
  /** The `[` still open in the paragraph (link text in progress), by offset. */
  let openBrackets: number[] = [];
  const trackBrackets = (start: number, end: number) => {
    for (let i = start; i <= end; i++) {
      if (openBrackets.length > 0 && i - openBrackets[0] > maxOpenBracketSpan) {
        for (const at of openBrackets) defuse(at, at + 1);
        openBrackets = [];
      }
      const code = i < end ? text.charCodeAt(i) : -1;
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x5b /* [ */) openBrackets.push(i);
      else if (code === 0x5d /* ] */) openBrackets.pop();
    }
  };
  const resetParagraph = () => {
    paragraph.reset();
    escapes.reset();
    openBrackets = [];
  };
  const block = new DelimiterGroup(maxBlockDelimiters, defuseDelimiters);
  /** The previous line's content, while a paragraph (or table) is open. */
  let previous: [number, number] | undefined;
  let listOpen = false;
  let afterBlank = true;
  /** The container depth of the GFM table being read (each row's cells are parsed on their own), or -1. */
  let tableDepth = -1;
  let tableAtTop = false;
  let previousAtTop = false;
  let setextHeadings = 0;

  // lines end at \n, \r\n or a lone \r (each search moves forward only: linear)
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (let lineStart = 0; lineStart < text.length;) {
    if (nextLf >= 0 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr >= 0 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    const end = Math.min(nextLf < 0 ? text.length : nextLf, nextCr < 0 ? text.length : nextCr);
    // container markers and indentation
    let at = lineStart;
    let column = 0;
    let depth = 0;
    let markerColumn = 0;
    let firstMarkerColumn = 0;
    let item: { ordered: boolean; one: boolean } | undefined;
    for (;;) {
      while (at < end && column <= maxIndentColumns && (text[at] === ' ' || text[at] === '\t')) {
        column += text[at] === '\t' ? 4 - (column % 4) : 1;
        at++;
      }
      if (column > maxIndentColumns) {
        let stop = at;
        while (stop < end && (text[stop] === ' ' || text[stop] === '\t')) stop++;
        defuse(at, stop);
        at = stop;
        break;
      }
      const code = text.charCodeAt(at);
      const spaceAfter = (index: number) => index === end || text[index] === ' ' || text[index] === '\t' || text[index] === '\r';
      let markerEnd = -1;
      if (code === 0x3e /* > */) markerEnd = at + 1;
      else if ((code === 0x2d || code === 0x2b || code === 0x2a) /* - + * */ && spaceAfter(at + 1)) {
        markerEnd = at + 1;
        item = { ordered: false, one: false };
      } else if (code >= 0x30 && code <= 0x39) {
        let digit = at;
        while (digit < end && digit - at < 9 && text.charCodeAt(digit) >= 0x30 && text.charCodeAt(digit) <= 0x39) digit++;
        if ((text[digit] === '.' || text[digit] === ')') && spaceAfter(digit + 1)) {
          markerEnd = digit + 1;
          item = { ordered: true, one: Number(text.slice(at, digit)) === 1 };
        }
      }
      if (markerEnd < 0) break;
      if (depth === 0) firstMarkerColumn = column;
      depth++;
      if (depth > maxContainerDepth) defuse(at, markerEnd);
      column += markerEnd - at;
      markerColumn = column + 1;
      at = markerEnd;
    }
    const content = text.slice(at, end);
    const blank = content.trim() === '';
    // a block start indented 4 columns or more past its container is paragraph text
    const blockStartable = column - markerColumn <= 3;
    const opened = blockStartable ? fence.exec(content) : null;
    // a backtick fence's info string holds no backtick (else it is inline code)
    const isFence = opened !== null && !(opened[1][0] === '`' && content.slice(opened[0].length).includes('`'));
    const isHeading = blockStartable && heading.test(content);
    // a list item interrupts a paragraph only if it is a bullet with content or starts at 1; in an open list, any item
    const startsItem = item !== undefined && (previous === undefined || listOpen || (!blank && (!item.ordered || item.one)));
    // where a paragraph surely ends, whatever came before: the run of lines counted by `block` ends there too
    const surely = depth === 0 ? column <= 3 && (isFence || isHeading)
      : depth === 1 && item !== undefined && firstMarkerColumn <= 3 && !blank && (!item.ordered || item.one);

    if (blank) {
      resetParagraph();
      block.reset();
      previous = undefined;
      tableDepth = -1;
      afterBlank = true;
    } else {
      if (afterBlank && item === undefined && column < 2) listOpen = false;
      afterBlank = false;
      if (surely) block.reset();
      if (isFence || isHeading) {
        // no paragraph runs across them; a fence is never changed, a heading's text is one line of inline content
        if (isHeading) {
          let delimiters = 0;
          for (let i = at; i < end; i++) if (isDelimiterAt(text, i)) delimiters++;
          if (delimiters > maxLineDelimiters) defuseDelimiters(at, end);
          resetParagraph();
          escapes.add(at, end, countEscapes(text, at, end));
          trackBrackets(at, end);
        }
        resetParagraph();
        previous = undefined;
        tableDepth = -1;
        listOpen = false;
      } else if (previous !== undefined && item === undefined && blockStartable && tableDepth < 0 && setextUnderline.test(content)) {
        // a setext heading's underline ends the paragraph above it
        if (++setextHeadings > maxSetextHeadings) defuse(at, at + content.trimEnd().length);
        resetParagraph();
        previous = undefined;
      } else {
        if (startsItem) {
          resetParagraph();
          listOpen = true;
          tableDepth = -1;
        }
        if (tableDepth >= 0 && depth !== tableDepth) tableDepth = -1;
        if (tableDepth < 0 && previous !== undefined && item === undefined && blockStartable && content.includes('-') && delimiterRow.test(content)
          && cellCount(text.slice(previous[0], previous[1])) === cellCount(content)) {
          tableDepth = depth;
          tableAtTop = depth === 0 && previousAtTop;
        }
        // a table's rows are parsed one by one; a table outside any container surely is one
        if (tableDepth >= 0) {
          resetParagraph();
          if (tableAtTop) block.reset();
        }
        let delimiters = 0;
        for (let i = at; i < end; i++) if (isDelimiterAt(text, i)) delimiters++;
        if (delimiters > maxLineDelimiters) defuseDelimiters(at, end);
        paragraph.add(at, end, delimiters);
        escapes.add(at, end, countEscapes(text, at, end));
        trackBrackets(at, end);
        block.add(at, end, delimiters);
        previous = [at, end];
        previousAtTop = depth === 0 && column <= 3;
      }
    }
    lineStart = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  }

  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let copied = 0;
  for (const [start, end] of ranges) {
    if (end <= copied) continue;
    const from = Math.max(start, copied);
    parts.push(text.slice(copied, from), inert.repeat(end - from));
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
