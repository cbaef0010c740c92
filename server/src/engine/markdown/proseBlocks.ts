// Prose of a Markdown document, block by block (headings, paragraphs, table
// cells, text inside HTML blocks), with a map back to source offsets.
// Code (fenced, indented, inline), link targets, image alt text, HTML comments
// and front matter are not prose and never appear here.
import { Parser } from 'htmlparser2';
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { Span } from '../types.js';

/** A range of link text; `external` when the link leads to another site (http, https, mailto), not to a file of this project. */
export interface LinkText extends Span {
  external?: boolean;
}

const externalTarget = /^(?:https?:|mailto:|\/\/)/iu;

export interface Heading {
  depth: number;
  text: string;
  /** The heading is a link to another site and nothing else ("## [fairseq2](https://…)"): a section about that project. */
  linksElsewhere?: boolean;
}

/** Whether a heading's content is one link to another site (whitespace and emoji aside). */
function isExternalLinkHeading(children: PhrasingContent[]): boolean {
  const meaningful = children.filter((child) => !(child.type === 'text' && /^[\s\p{Extended_Pictographic}\uFE0F]*$/u.test(child.value)));
  return meaningful.length === 1 && meaningful[0].type === 'link' && externalTarget.test(meaningful[0].url);
}

export interface ProseBlock {
  kind: 'heading' | 'paragraph' | 'cell' | 'html';
  text: string;
  /** Source offset of each character of `text` (one more entry, for the end), relative to `base`. */
  offsets: number[];
  /** Where the offsets count from: 0 for a whole document, the chunk's start for a chunk parsed alone. */
  base: number;
  /** Block-relative ranges covered by link text. */
  links: LinkText[];
  /** The headings this block sits under, outermost first (a heading block excludes itself). */
  sections: Heading[];
  /** Inside a block quote: someone else's words (a quoted specification's license is not this project's). */
  quoted?: boolean;
  /** A list item's text (a License section may list the parts a license covers). */
  listItem?: boolean;
  /** Inline code spans (not prose, but a License section may write the license as `CC BY-NC 4.0`): value and source offset. */
  codes?: { text: string; offset: number }[];
}

/** A block's range in the whole source: first and last offsets. */
export function blockSpan(block: ProseBlock): Span {
  return { start: block.base + (block.offsets[0] ?? 0), end: block.base + (block.offsets[block.offsets.length - 1] ?? 0) };
}

export function sourceSpan(block: ProseBlock, start: number, end: number): Span {
  const from = block.offsets[start] ?? block.offsets[block.offsets.length - 1] ?? 0;
  const last = block.offsets[Math.max(start, end - 1)] ?? from;
  return { start: block.base + from, end: block.base + Math.max(from, last + 1) };
}

class BlockBuilder {
  text = '';
  offsets: number[] = [];
  links: LinkText[] = [];
  codes: { text: string; offset: number }[] = [];

  constructor(readonly source: string) {}

  /**
   * Appends a text node's value. Where the value differs from its source
   * (escapes such as `\*`, entities such as `&amp;`), each character is
   * aligned with the next matching source character.
   */
  append(value: string, sourceStart: number, sourceLength: number): void {
    const source = this.source.slice(sourceStart, sourceStart + sourceLength);
    const exact = source === value;
    let cursor = 0;
    for (let i = 0; i < value.length; i++) {
      this.text += value[i];
      if (exact) {
        this.offsets.push(sourceStart + i);
        continue;
      }
      const found = source.indexOf(value[i], cursor);
      if (found >= 0 && found - cursor <= 12) {
        this.offsets.push(sourceStart + found);
        cursor = found + 1;
      } else {
        this.offsets.push(sourceStart + Math.min(cursor, Math.max(0, sourceLength - 1)));
      }
    }
  }

  gap(sourceOffset: number): void {
    if (this.text.length > 0 && !this.text.endsWith(' ')) {
      this.text += ' ';
      this.offsets.push(sourceOffset);
    }
  }

  finish(kind: ProseBlock['kind'], endOffset: number): ProseBlock | undefined {
    if (this.text.trim() === '') return undefined;
    return { kind, text: this.text, offsets: [...this.offsets, endOffset], base: 0, links: this.links, sections: [], ...(this.codes.length > 0 ? { codes: this.codes } : {}) };
  }
}

function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: Nodes): number {
  return node.position?.end.offset ?? startOf(node);
}

/**
 * Appends the prose of inline nodes that lie between `from` and `limit` in
 * the source, and returns where the last of them ends. Nodes made by a
 * transform after parsing (GFM's literal autolinks in some paragraphs) have
 * no position: their text is found in the source after the previous node.
 */
function collectInline(nodes: PhrasingContent[], builder: BlockBuilder, from: number, limit: number): number {
  let cursor = from;
  for (const node of nodes) {
    const placed = node.position?.start.offset !== undefined;
    switch (node.type) {
      case 'text': {
        if (placed) {
          builder.append(node.value, startOf(node), endOf(node) - startOf(node));
          break;
        }
        const at = builder.source.indexOf(node.value, cursor);
        if (at >= 0 && at + node.value.length <= limit) {
          builder.append(node.value, at, node.value.length);
          cursor = at + node.value.length;
        } else {
          builder.gap(cursor);
        }
        break;
      }
      case 'link':
      case 'linkReference': {
        const start = builder.text.length;
        cursor = collectInline(node.children, builder, placed ? startOf(node) : cursor, placed ? endOf(node) : limit);
        builder.links.push({ start, end: builder.text.length, ...(node.type === 'link' && externalTarget.test(node.url) ? { external: true } : {}) });
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        cursor = collectInline(node.children, builder, placed ? startOf(node) : cursor, placed ? endOf(node) : limit);
        break;
      case 'inlineCode':
        if (placed) {
          const at = builder.source.indexOf(node.value, startOf(node));
          if (at >= 0 && at < endOf(node)) builder.codes.push({ text: node.value, offset: at });
        }
        builder.gap(placed ? startOf(node) : cursor);
        break;
      default:
        // image, imageReference, inline html, break, footnoteReference: not prose
        builder.gap(placed ? startOf(node) : cursor);
    }
    if (placed) cursor = endOf(node);
  }
  return cursor;
}

// `<br>` is a line break inside a block (a table cell's "Other best<br>open-source models"), not a block of its own
const htmlBlockTags = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'blockquote', 'section', 'details', 'summary', 'center', 'dd', 'dt', 'hr']);
const htmlSkippedTags = new Set(['code', 'pre', 'script', 'style', 'kbd', 'samp']);

function htmlBlocks(value: string, sourceStart: number, source: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let builder = new BlockBuilder(source);
  let skipDepth = 0;
  let linkStart = -1;
  let linkExternal = false;
  const flush = (offset: number) => {
    // a link that wraps blocks (`<a href=…><div>…</div></a>`, a sponsor's card): its text is link text in each
    if (linkStart >= 0 && builder.text.length > linkStart) builder.links.push({ start: linkStart, end: builder.text.length, external: linkExternal });
    const block = builder.finish('html', sourceStart + offset);
    if (block) blocks.push(block);
    builder = new BlockBuilder(source);
    if (linkStart >= 0) linkStart = 0;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (htmlSkippedTags.has(name)) skipDepth++;
        else if (htmlBlockTags.has(name)) flush(parser.startIndex);
        else if (name === 'a') {
          linkStart = builder.text.length;
          linkExternal = externalTarget.test(attributes.href ?? '');
        }
        else builder.gap(sourceStart + parser.startIndex);
      },
      onclosetag(name) {
        if (htmlSkippedTags.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (htmlBlockTags.has(name)) flush(parser.startIndex);
        else if (name === 'a' && linkStart >= 0) {
          builder.links.push({ start: linkStart, end: builder.text.length, external: linkExternal });
          linkStart = -1;
        }
      },
      ontext(data) {
        if (skipDepth === 0) builder.append(data, sourceStart + parser.startIndex, data.length);
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(value);
  parser.end();
  flush(value.length);
  return blocks;
}

function headingText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

/** A prose block, or the start of a section (a heading, which may have no prose of its own). */
export type ProseEntry = { block: ProseBlock; heading?: undefined } | { heading: Heading; block?: undefined };

/** The prose blocks and section starts of a parsed document (or chunk), in order; `sections` is left empty. */
export function proseEntries(tree: Root, source: string): ProseEntry[] {
  const entries: ProseEntry[] = [];
  let quoteDepth = 0;
  let listDepth = 0;
  const add = (block: ProseBlock | undefined) => {
    if (!block) return;
    entries.push({ block: quoteDepth > 0 || listDepth > 0 ? { ...block, ...(quoteDepth > 0 ? { quoted: true } : {}), ...(listDepth > 0 ? { listItem: true } : {}) } : block });
  };
  const visit = (parent: Parents) => {
    for (const node of parent.children as RootContent[]) {
      switch (node.type) {
        case 'heading': {
          // the section starts at its heading; the heading's own prose follows
          entries.push({ heading: { depth: node.depth, text: headingText(node).trim(), ...(isExternalLinkHeading(node.children) ? { linksElsewhere: true } : {}) } });
          const builder = new BlockBuilder(source);
          collectInline(node.children, builder, startOf(node), endOf(node));
          add(builder.finish('heading', endOf(node)));
          break;
        }
        case 'paragraph': {
          const builder = new BlockBuilder(source);
          collectInline(node.children, builder, startOf(node), endOf(node));
          add(builder.finish('paragraph', endOf(node)));
          break;
        }
        case 'table':
          for (const row of node.children) {
            for (const cell of row.children) {
              const builder = new BlockBuilder(source);
              collectInline(cell.children, builder, startOf(cell), endOf(cell));
              add(builder.finish('cell', endOf(cell)));
            }
          }
          break;
        case 'html':
          for (const block of htmlBlocks(node.value, startOf(node), source)) add(block);
          break;
        case 'blockquote':
          quoteDepth++;
          visit(node);
          quoteDepth--;
          break;
        case 'listItem':
          listDepth++;
          visit(node);
          listDepth--;
          break;
        case 'list':
        case 'footnoteDefinition':
          visit(node);
          break;
        default:
          // code, yaml, definition, thematicBreak: not prose
          break;
      }
    }
  };
  visit(tree);
  return entries;
}

/**
 * Tracks the headings a block sits under while entries are read in document
 * order: a heading closes the sections of its depth and deeper.
 */
export class SectionTracker {
  private readonly open: Heading[];

  /** `open`: the sections open where reading starts (a snapshot taken there; see snapshot). */
  constructor(open: readonly Heading[] = []) {
    this.open = [...open];
  }

  /** The sections open now, outermost first (a copy). */
  snapshot(): Heading[] {
    return [...this.open];
  }

  /** The sections a block read now sits under (a heading block, right after its own section started, is not under itself). */
  sectionsOf(block: ProseBlock): Heading[] {
    return block.kind === 'heading' ? this.open.slice(0, -1) : [...this.open];
  }

  /** Whether any open section's heading passes `test`. */
  anyOpen(test: (heading: Heading) => boolean): boolean {
    return this.open.some(test);
  }

  enter(heading: Heading): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].depth >= heading.depth) this.open.pop();
    this.open.push(heading);
  }
}

/** All prose blocks of a document, in order, with their sections. */
export function proseBlocks(tree: Root, source: string): ProseBlock[] {
  const sections = new SectionTracker();
  const blocks: ProseBlock[] = [];
  for (const entry of proseEntries(tree, source)) {
    if (entry.heading) sections.enter(entry.heading);
    else blocks.push({ ...entry.block, sections: sections.sectionsOf(entry.block) });
  }
  return blocks;
}
