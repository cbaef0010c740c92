// The plainest Markdown read without the parser. Most prose blocks the block
// selection keeps (blockSelection.ts) are paragraphs of words, ATX headings
// and fenced code, and micromark costs several microseconds a character on
// them (more than the rest of an audit). This reader makes, in one pass, the
// tree micromark + mdast make for a chunk made only of
// - paragraphs whose text holds no character that can start inline markup
//   (`\`, `*`, `_`, `~`, `<`, `>`, `&`, `|`, `@`, NUL) nor a GFM literal
//   autolink (`://`, `www.`), only code spans on one line, and inline links,
//   images and badges of such text to plain destinations; and no line that
//   could open another block or end a setext heading. With no reference
//   definition in reach (the caller says which are), brackets are text unless
//   they make an inline link; with some, only full and shortcut references
//   to them (links, images, badges) are read, and any other bracket is left
//   to the parser;
// - ATX headings of such content;
// - bullet lists (`-`, `*`, `+` in the first column) whose items are one such
//   paragraph each (lazy or indented continuation lines; no nested block);
// - fenced code (a closed fence; its content is never read as prose);
// - HTML blocks: comments, and blocks of a block-level tag or a lone tag
//   (CommonMark types 2, 6 and 7; the engine reads them with htmlparser2);
// - link reference definitions on one line, without a title, of a plain
//   label and destination (their links are read);
// - blank lines.
// Anything else (ordered or nested lists, quotes, tables, raw-text HTML, inline HTML, reference
// links, links with titles, emphasis, escapes, character references, indented
// code, setext headings, tabs in indentation…) and the whole chunk goes to
// the parser: `plainMarkdown` returns undefined. The tree has
// what proseBlocks.ts, references.ts and suppression.ts read — node types,
// text values and source offsets — and the differential test
// (test/plainMarkdown.test.ts) holds it equal to the parser's there.
import { normalizeLabel } from './referenceUse.js';
import type { Break, Code, Definition, Heading, Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';

let fast = true;

/**
 * Turns the parsing shortcuts off or on for every later parse: this reader, and the reference definitions
 * left out of a chunk that cannot use them (referenceUse.ts). Only tests turn them off, to compare.
 */
export function setFastParsing(on: boolean): void {
  fast = on;
}

export function fastParsing(): boolean {
  return fast;
}

/**
 * Characters that may start inline markup, an autolink or a table cell boundary (or that the parser replaces:
 * NUL). Brackets are not among them: with no reference definition to resolve them (the caller passes none),
 * `[text]` is text, unless it is an inline link or image (`](`, `![`).
 */
const inlineMarkup = /[\\*_~<>&|@\0]|\]\(|!\[|:\/\/|www\./iu;
/** What a line's first character (after up to 3 spaces) may not be in a paragraph: it could open a block or underline a setext heading. */
const blockStart = /^(?:[-+*>=_<|[~#]|\d{1,9}[.)])/u;
/** An ATX heading's closing sequence (after a space or tab, or the whole content). */
const closingSequence = /(?:^|[ \t]+)#+[ \t]*$/u;
/** A link reference definition on one line, without a title, of a plain label and destination (not a footnote's `[^…]:`). */
const definitionLine = /^\[([^[\]\\\s^][^[\]\\]{0,500})\]:[ \t]*([^\s<>()\\&\0]+)[ \t]*$/u;
/** HTML blocks of CommonMark type 6 (a block-level tag) and 7 (a lone complete tag), which end before a blank line. */
const blockTagNames = 'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const blockHtmlOpening = new RegExp(String.raw`^<\/?(?:${blockTagNames})(?:[ \t>]|\/>|$)`, 'iu');
const loneTag = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/u;
/** Type 1 (raw text: it ends at its closing tag, blank lines or not): left to the parser. */
const rawHtmlOpening = /^<\/?(?:script|pre|style|textarea)(?:[\s>\/]|$)/iu;
/**
 * An inline link or image of plain text (no brackets or backticks in it) to a plain destination (no space,
 * parenthesis, angle bracket, escape or character reference; no title), or a badge: a link whose text is such
 * an image. Groups: badge description, image, link destination; or text, destination.
 */
const inlineLink = /\[!\[([^[\]`\r\n]*)\]\(([^\s()<>\\&`]+)\)\]\(([^\s()<>\\&`]+)\)|!?\[([^[\]`\r\n]*)\]\(([^\s()<>\\&`]+)\)/gu;
const linkFirst = /^\[[^\]]*\](?!:)/u;
/**
 * A reference: a badge (`[![alt][image]][link]`: groups 1–3), or a link or image (group 4 `!`) with text
 * (group 5) and, for a full reference, a label (group 6).
 */
const referenceLink = /\[!\[([^[\]`\r\n]*)\]\[([^[\]\r\n]+)\]\]\[([^[\]\r\n]+)\]|(!?)\[([^[\]`\r\n]*)\](?:\[([^[\]\r\n]+)\])?/gu;
const noDefinitions: ReadonlySet<string> = new Set();
/** A bullet list item's marker and the spaces after it (five or more would open indented code in the item). */
const bulletItem = /^([-+*])(?: {1,4})(?=\S)/u;
/** A task list item's checkbox. */
const taskMarker = /^\[[ xX]\](?:[ \t]|$)/u;
const atxOpening = /^(#{1,6})(?:[ \t]|$)/u;
const fenceOpening = /^(`{3,}|~{3,})/u;

interface Line {
  start: number;
  /** End of the content, before the line ending. */
  end: number;
  /** After the line ending. */
  next: number;
}

function place(start: number, end: number) {
  // only offsets are read downstream; line and column are not computed
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

const isSpace = (code: number) => code === 0x20 || code === 0x09;

/**
 * The tree micromark + mdast (GFM) would make of `source`, when every block is plain (see the top of this
 * file); otherwise undefined. `defined`: the labels (as normalizeLabel makes them) of the reference
 * definitions in reach; with none, `[…]` is text unless it is an inline link.
 */
export function plainMarkdown(source: string, defined: ReadonlySet<string> = noDefinitions): Root | undefined {
  const children: RootContent[] = [];
  let afterDefinition = false;
  let paragraph: Line[] = [];
  let fence: { char: number; length: number; start: number } | undefined;
  // an HTML block: a comment (ends at the line holding `-->`) or a block of CommonMark type 6 or 7 (ends before a blank line)
  let html: { start: number; end: number; comment: boolean } | undefined;
  const closeHtml = () => {
    if (html) children.push({ type: 'html', value: source.slice(html.start, html.end), position: place(html.start, html.end) } satisfies Html);
    html = undefined;
  };
  // a bullet list whose items are one paragraph each; `blank`: a blank line followed its last item
  let list: { marker: string; node: List; blank: boolean } | undefined;
  const closeParagraph = (): boolean => {
    if (paragraph.length === 0) return true;
    const node = paragraphNode(source, paragraph, defined);
    paragraph = [];
    if (!node) return false;
    const item = list?.node.children[list.node.children.length - 1];
    if (list && item?.children.length === 0) {
      item.children.push(node);
      const end = node.position?.end.offset ?? 0;
      if (item.position) item.position.end.offset = end;
      if (list.node.position) list.node.position.end.offset = end;
    } else {
      children.push(node);
    }
    return true;
  };
  for (let start = 0; start < source.length;) {
    let end = start;
    while (end < source.length) {
      const code = source.charCodeAt(end);
      if (code === 0x0a || code === 0x0d) break;
      end++;
    }
    const next = end === source.length ? end : source.charCodeAt(end) === 0x0d && source.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
    const line: Line = { start, end, next };
    start = next;
    let indent = line.start;
    while (indent < line.end && isSpace(source.charCodeAt(indent))) indent++;
    if (html) {
      if (html.comment || indent < line.end) {
        html.end = line.end;
        if (html.comment && source.slice(line.start, line.end).includes('-->')) closeHtml();
        continue;
      }
      closeHtml();
    }
    if (fence) {
      if (indent - line.start <= 3 && !source.slice(line.start, indent).includes('\t')) {
        let run = indent;
        while (run < line.end && source.charCodeAt(run) === fence.char) run++;
        let rest = run;
        while (rest < line.end && isSpace(source.charCodeAt(rest))) rest++;
        if (run - indent >= fence.length && rest === line.end) {
          children.push({ type: 'code', lang: null, meta: null, value: '', position: place(fence.start, line.end) } satisfies Code);
          fence = undefined;
        }
      }
      continue;
    }
    if (indent === line.end) {
      if (!closeParagraph()) return undefined;
      afterDefinition = false;
      if (list) list.blank = true;
      continue;
    }
    const indentation = source.slice(line.start, indent);
    if (indentation.includes('\t')) return undefined;
    const content = source.slice(indent, line.end);
    if (list) {
      const item = bulletItem.exec(content);
      if (item && indentation === '' && item[1] === list.marker) {
        // the list's next item
        if (!closeParagraph() || !itemContent(content.slice(item[0].length))) return undefined;
        const start = line.start;
        list.node.children.push({ type: 'listItem', spread: false, checked: null, children: [], position: place(start, line.end) } satisfies ListItem);
        paragraph.push({ start: start + 1, end: line.end, next: line.next });
        list.blank = false;
        continue;
      }
      // an indented line may belong to the item (a nested block, a paragraph after a blank line): left to the parser
      if (indentation !== '' && (list.blank || paragraph.length === 0 || !itemContent(content))) return undefined;
      if (list.blank || paragraph.length === 0 || !itemContent(content)) {
        // what follows the list at the top level (a lone tag or a definition would continue the item's paragraph)
        if ((!list.blank && (content.startsWith('<') || definitionLine.test(content))) || !closeParagraph()) return undefined;
        list = undefined;
      }
    }
    if (indentation.length >= 4) {
      // indented code, unless it continues a paragraph
      if (paragraph.length === 0) return undefined;
      paragraph.push(line);
      continue;
    }
    const bullet = bulletItem.exec(content);
    if (bullet && indentation === '' && paragraph.length === 0 && !afterDefinition) {
      if (!itemContent(content.slice(bullet[0].length))) return undefined;
      const start = line.start;
      const node: List = { type: 'list', ordered: false, start: null, spread: false, children: [{ type: 'listItem', spread: false, checked: null, children: [], position: place(start, line.end) }], position: place(start, line.end) };
      children.push(node);
      list = { marker: bullet[1], node, blank: false };
      paragraph.push({ start: start + 1, end: line.end, next: line.next });
      continue;
    }
    const definition = definitionLine.exec(content);
    if (definition && paragraph.length === 0) {
      const url = definition[2];
      children.push({ type: 'definition', identifier: definition[1].toLowerCase(), label: definition[1], url, title: null, position: place(indent, line.end) } satisfies Definition);
      afterDefinition = true;
      continue;
    }
    // a line after a definition may be its title
    if (afterDefinition) return undefined;
    if (paragraph.length === 0 && content.startsWith('<')) {
      const comment = content.startsWith('<!--');
      if (comment ? /^<!---?>/u.test(content) : rawHtmlOpening.test(content) || !(blockHtmlOpening.test(content) || loneTag.test(content))) return undefined;
      html = { start: line.start, end: line.end, comment };
      if (comment && content.slice(4).includes('-->')) closeHtml();
      continue;
    }
    const atx = atxOpening.exec(content);
    if (atx) {
      if (!closeParagraph()) return undefined;
      const heading = headingNode(source, line, indent, atx[1].length, defined);
      if (!heading) return undefined;
      children.push(heading);
      continue;
    }
    const opened = fenceOpening.exec(content);
    if (opened) {
      if (opened[1][0] === '`' && content.slice(opened[1].length).includes('`')) return undefined;
      if (!closeParagraph()) return undefined;
      fence = { char: opened[1].charCodeAt(0), length: opened[1].length, start: indent };
      continue;
    }
    // a line may start with a link, a reference or a badge: its first `]` is not followed by `:` (a definition's is)
    if (blockStart.test(content) && !linkFirst.test(content)) return undefined;
    paragraph.push(line);
  }
  // an open fence or comment would run on into what follows the chunk
  if (fence || html?.comment || !closeParagraph()) return undefined;
  closeHtml();
  return { type: 'root', children, position: place(0, source.length) };
}

/**
 * Inline content made of text and code spans, as the parser splits it into nodes: text runs merge (line
 * endings included), a code span or a hard break ends them. Refuses (`ok` false) inline markup outside code
 * spans, and code spans that run over a line ending.
 */
class Phrasing {
  readonly children: PhrasingContent[] = [];
  ok = true;
  private textStart = -1;
  private textEnd = 0;
  private value = '';

  /** With no definition in reach, inline links and images are read; with some, references to them (`defined`). */
  constructor(private readonly source: string, private readonly defined: ReadonlySet<string>) {}

  /** Whether a link's text or an image's description is plain: nothing there but text. */
  private label(text: string): boolean {
    return !inlineMarkup.test(text);
  }

  /** Appends `from`–`to` (one line's content); a code span may close up to `limit` (the end of the paragraph or heading content). */
  content(from: number, to: number, limit: number): void {
    const source = this.source;
    let textFrom = from;
    for (let at = source.indexOf('`', from); this.ok && at >= 0 && at < to; at = source.indexOf('`', at)) {
      let run = at;
      while (run < to && source.charCodeAt(run) === 0x60) run++;
      const close = closingRun(source, run, limit, run - at);
      if (close < 0) {
        // no closing run: the backticks are text
        at = run;
        continue;
      }
      if (close >= to) {
        this.ok = false;
        return;
      }
      this.text(textFrom, at);
      let value = source.slice(run, close);
      if (value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      const end = close + run - at;
      this.node({ type: 'inlineCode', value, position: place(at, end) });
      at = end;
      textFrom = end;
    }
    this.text(textFrom, to);
  }

  /** Appends text between `from` and `to`, with the links, images and references in it (unless `constructs` is false). */
  text(from: number, to: number, constructs = true): void {
    if (from === to || !this.ok) return;
    const text = this.source.slice(from, to);
    if (constructs && this.defined.size > 0 && /[[\]]/u.test(text)) {
      this.references(from, to, text);
      return;
    }
    if (constructs && text.includes('](')) {
      let at = from;
      for (const match of text.matchAll(inlineLink)) {
        const start = from + match.index;
        if (text[match.index - 1] === '!' || text[match.index - 1] === ']' || !this.label(match[1] ?? match[4])) {
          this.ok = false;
          return;
        }
        this.text(at, start, false);
        const end = start + match[0].length;
        if (match[1] !== undefined) {
          // a badge: an image that is a link's whole text
          const image = start + 1;
          const imageEnd = image + 5 + match[1].length + match[2].length;
          this.node({ type: 'link', url: match[3], title: null, children: [{ type: 'image', url: match[2], alt: match[1], title: null, position: place(image, imageEnd) }], position: place(start, end) });
        } else if (match[0].startsWith('!')) {
          this.node({ type: 'image', url: match[5], alt: match[4], title: null, position: place(start, end) });
        } else {
          const label = start + 1;
          const children: PhrasingContent[] = match[4] === '' ? [] : [{ type: 'text', value: match[4], position: place(label, label + match[4].length) }];
          this.node({ type: 'link', url: match[5], title: null, children, position: place(start, end) });
        }
        at = end;
      }
      this.text(at, to, false);
      return;
    }
    // with definitions in reach, a bracket outside a reference read below may make one
    if (inlineMarkup.test(text) || (this.defined.size > 0 && /[[\]]/u.test(text))) {
      this.ok = false;
      return;
    }
    if (this.textStart < 0) this.textStart = from;
    this.value += text;
    this.textEnd = to;
  }

  /**
   * Appends text with references to the definitions in reach: full (`[text][label]`) and shortcut (`[label]`)
   * links and images, and badges (`[![alt][image]][link]`); each label must be defined, and nothing may follow
   * that could make more of it (`[`, `(`, `:`). Anything else refuses.
   */
  private references(from: number, to: number, text: string): void {
    let at = from;
    for (const match of text.matchAll(referenceLink)) {
      const start = from + match.index;
      const end = start + match[0].length;
      const before = text[match.index - 1];
      const after = text[match.index + match[0].length];
      const [, alt, imageLabel, badgeLabel, bang, words, label] = match;
      const labels = alt !== undefined ? [imageLabel, badgeLabel] : [label ?? words];
      if (before === '!' || before === ']' || (after !== undefined && '[(:'.includes(after)) || (alt === undefined && words === '')
        || !this.label(alt ?? words) || labels.some((name) => name.startsWith('^') || !this.defined.has(normalizeLabel(name)))) {
        this.ok = false;
        return;
      }
      this.text(at, start, false);
      const reference = (name: string) => ({ identifier: normalizeLabel(name).toLowerCase(), label: name });
      if (alt !== undefined) {
        const image = start + 1;
        const imageEnd = image + 5 + alt.length + imageLabel.length;
        this.node({ type: 'linkReference', ...reference(badgeLabel), referenceType: 'full', children: [{ type: 'imageReference', ...reference(imageLabel), referenceType: 'full', alt, position: place(image, imageEnd) }], position: place(start, end) });
      } else if (bang === '!') {
        this.node({ type: 'imageReference', ...reference(label ?? words), referenceType: label === undefined ? 'shortcut' : 'full', alt: words, position: place(start, end) });
      } else {
        const textStart = start + 1;
        this.node({ type: 'linkReference', ...reference(label ?? words), referenceType: label === undefined ? 'shortcut' : 'full', children: [{ type: 'text', value: words, position: place(textStart, textStart + words.length) }], position: place(start, end) });
      }
      at = end;
    }
    this.text(at, to, false);
  }

  node(node: PhrasingContent): void {
    this.flush();
    this.children.push(node);
  }

  flush(): void {
    if (this.textStart < 0) return;
    this.children.push({ type: 'text', value: this.value, position: place(this.textStart, this.textEnd) } satisfies Text);
    this.textStart = -1;
    this.value = '';
  }
}

/** Where a run of exactly `length` backticks starts in `source` between `from` and `limit`, or -1. */
function closingRun(source: string, from: number, limit: number, length: number): number {
  for (let at = source.indexOf('`', from); at >= 0 && at < limit; at = source.indexOf('`', at)) {
    let run = at;
    while (run < limit && source.charCodeAt(run) === 0x60) run++;
    if (run - at === length) return at;
    at = run;
  }
  return -1;
}

/** Whether a list item's content (or a line in it) is plain paragraph text: it opens no block, nor a task checkbox. */
function itemContent(content: string): boolean {
  return !(blockStart.test(content) && !linkFirst.test(content)) && !atxOpening.test(content) && !fenceOpening.test(content) && !definitionLine.test(content) && !taskMarker.test(content) && !content.startsWith('<');
}

/** A paragraph of plain lines: text and code spans, split by hard breaks (two or more spaces before a line ending). */
function paragraphNode(source: string, lines: Line[], defined: ReadonlySet<string>): Paragraph | undefined {
  const phrasing = new Phrasing(source, defined);
  const limit = lines[lines.length - 1].end;
  for (const [index, line] of lines.entries()) {
    let from = line.start;
    while (from < line.end && isSpace(source.charCodeAt(from))) from++;
    let to = line.end;
    while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
    phrasing.content(from, to, limit);
    if (index === lines.length - 1) break;
    const suffix = source.slice(to, line.end);
    if (suffix.length >= 2 && !suffix.includes('\t')) phrasing.node({ type: 'break', position: place(to, line.next) } satisfies Break);
    else phrasing.text(line.end, line.next);
  }
  phrasing.flush();
  if (!phrasing.ok) return undefined;
  // the paragraph, unlike its text, ends after the last line's trailing whitespace
  return { type: 'paragraph', children: phrasing.children, position: place(phrasing.children[0]?.position?.start.offset ?? 0, limit) };
}

/** An ATX heading line of plain content (without its closing sequence); undefined when its content is not plain. */
function headingNode(source: string, line: Line, indent: number, depth: number, defined: ReadonlySet<string>): Heading | undefined {
  let from = indent + depth;
  while (from < line.end && isSpace(source.charCodeAt(from))) from++;
  let to = line.end;
  const closing = closingSequence.exec(source.slice(from, line.end));
  if (closing) to = from + closing.index;
  while (to > from && isSpace(source.charCodeAt(to - 1))) to--;
  const phrasing = new Phrasing(source, defined);
  phrasing.content(from, to, to);
  phrasing.flush();
  if (!phrasing.ok) return undefined;
  return { type: 'heading', depth: depth as Heading['depth'], children: phrasing.children, position: place(indent, line.end) };
}
