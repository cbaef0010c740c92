// What one chunk of a Markdown body holds — prose blocks with the claims
// found in each, section starts, images, links and HTML comments — with
// offsets relative to the chunk. Remembered by the chunk's text, so that while
// a document is edited only the chunks that changed are parsed again.
import type { Span } from '../types.js';
import { markdownChunks } from './chunks.js';
import { parseMarkdownBody } from './parseMarkdown.js';
import { fastParsing, plainMarkdown } from './plainMarkdown.js';
import { definedLabels, definitionsUsedBy } from './referenceUse.js';
import { shallowMarkdown } from './shallowMarkdown.js';
import { proseEntries, type ProseEntry } from './proseBlocks.js';
import { documentReferences, type DocumentImage, type LinkTarget } from './references.js';
import { markdownComments, type MarkdownComment } from '../suppression.js';
import { scanClaims, type ProseClaim } from '../claims/claimScanner.js';

export interface ChunkFacts {
  /** Prose blocks (each with its claims, block-relative) and section starts, in order. */
  entries: (ProseEntry & { claims?: ProseClaim[] })[];
  images: DocumentImage[];
  links: LinkTarget[];
  comments: MarkdownComment[];
}

const empty: ChunkFacts = { entries: [], images: [], links: [], comments: [] };

/**
 * Parses `chunk` (with the document's reference definitions it may use
 * appended, so that `[text][label]` resolves as in the whole document). With
 * the parsing shortcuts on, the chunk is cut into its smallest chunks
 * (chunks.ts: each parses alone as in the whole): the plain ones are read
 * without the parser (plainMarkdown.ts), and each run of the others is
 * parsed in one go. Only what lies inside the chunk is kept.
 */
function computeChunkFacts(chunk: string, definitions: string): ChunkFacts {
  if (!fastParsing()) return factsOf(chunk, definitions, false) ?? empty;
  const parts = markdownChunks(chunk, 0, 0);
  if (parts.length === 1) return factsOf(chunk, definitions, true) ?? empty;
  const facts: ChunkFacts = { entries: [], images: [], links: [], comments: [] };
  let parsed: Span | undefined;
  const parseRun = () => {
    if (parsed) append(facts, factsOf(chunk.slice(parsed.start, parsed.end), definitions, false) ?? empty, parsed.start);
    parsed = undefined;
  };
  for (const part of parts) {
    const plain = factsOf(chunk.slice(part.start, part.end), definitions, true, false);
    if (!plain) {
      parsed = parsed ? { start: parsed.start, end: part.end } : part;
      continue;
    }
    parseRun();
    append(facts, plain, part.start);
  }
  parseRun();
  return facts;
}

/**
 * The facts of `chunk` read as one piece: without the parser when `plain` and the chunk is plain, else by
 * the parser, unless `parse` is false (then undefined).
 */
function factsOf(chunk: string, definitions: string, plain: boolean, parse = true): ChunkFacts | undefined {
  const fast = fastParsing();
  const used = fast ? definitionsUsedBy(chunk, definitions) : definitions;
  // pathological nesting and delimiters defused, offsets unchanged (see shallowMarkdown.ts)
  const source = shallowMarkdown(used === '' ? chunk : `${chunk}\n\n${used}\n`);
  // the definitions appended after a blank line change only what brackets inside the chunk resolve to
  const read = fast && plain ? plainMarkdown(used === '' ? source : source.slice(0, chunk.length), definedLabels(used)) : undefined;
  if (!read && !parse) return undefined;
  const tree = read ?? parseMarkdownBody(source);
  const inside = (offset: number) => offset < chunk.length;
  const references = documentReferences(tree);
  return {
    entries: proseEntries(tree, source)
      .filter((entry) => !entry.block || inside(entry.block.offsets[0] ?? 0))
      .map((entry) => (entry.block ? { block: entry.block, claims: scanClaims(entry.block.text, { links: entry.block.links }) } : entry)),
    images: references.images.filter((image) => inside(image.span.start)),
    links: references.links.filter((link) => inside(link.span.start)),
    comments: markdownComments(tree).filter((comment) => inside(comment.offset)),
  };
}

/** Appends the facts of a part of a chunk that starts `shift` characters into it. */
function append(facts: ChunkFacts, part: ChunkFacts, shift: number): void {
  const span = <T extends { span: Span }>(item: T): T => ({ ...item, span: { start: item.span.start + shift, end: item.span.end + shift } });
  for (const entry of part.entries) {
    if (!entry.block || shift === 0) {
      facts.entries.push(entry);
      continue;
    }
    const { block } = entry;
    const moved = { ...block, offsets: block.offsets.map((offset) => offset + shift), ...(block.codes ? { codes: block.codes.map((code) => ({ ...code, offset: code.offset + shift })) } : {}) };
    facts.entries.push({ ...entry, block: moved });
  }
  facts.images.push(...part.images.map(span));
  facts.links.push(...part.links.map(span));
  facts.comments.push(...part.comments.map((comment) => ({ ...comment, offset: comment.offset + shift })));
}

/** A bounded memory of chunk facts, least recently used first out. */
class ChunkCache {
  private readonly entries = new Map<string, ChunkFacts>();
  private characters = 0;

  constructor(private readonly maxEntries: number, private readonly maxCharacters: number) {}

  get(key: string): ChunkFacts | undefined {
    const facts = this.entries.get(key);
    if (facts) {
      this.entries.delete(key);
      this.entries.set(key, facts);
    }
    return facts;
  }

  set(key: string, facts: ChunkFacts): void {
    if (key.length > this.maxCharacters / 4) return;
    this.entries.set(key, facts);
    this.characters += key.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.characters <= this.maxCharacters) break;
      this.entries.delete(oldest);
      this.characters -= oldest.length;
    }
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.characters -= key.length;
  }

  clear(): void {
    this.entries.clear();
    this.characters = 0;
  }
}

// 8 M characters: every chunk of a few very large documents being edited
const cache = new ChunkCache(20_000, 8 * 1024 * 1024);

/**
 * A copy that shares no memory with `text`: a slice of a document (and every
 * string sliced from it while parsing) would keep the whole document alive
 * in the cache after it has been edited.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** The chunk keys each edited file used at its last judgment. */
const keysOfFile = new Map<string, Set<string>>();

/**
 * `remember`: keep the result for the next judgment of the same text
 * (documents being edited); `used` collects the keys a judgment of one file
 * uses (see forgetStaleChunks).
 */
/** The key a chunk's facts are remembered by (see chunkFacts' `used`). */
export function chunkKey(chunk: string, definitions: string): string {
  return definitions === '' ? chunk : `${chunk}\u0000${definitions}`;
}

export function chunkFacts(chunk: string, definitions: string, remember: boolean, used?: Set<string>): ChunkFacts {
  if (chunk.trim() === '') return empty;
  if (!remember) return computeChunkFacts(chunk, definitions);
  const key = (text: string) => chunkKey(text, definitions);
  let facts = cache.get(key(chunk));
  if (!facts) {
    const own = ownCopy(chunk);
    facts = computeChunkFacts(own, definitions);
    cache.set(key(own), facts);
  }
  used?.add(key(chunk));
  return facts;
}

/**
 * After a judgment of an edited file: forget the chunks its previous version
 * had and this one has not (the text before each edit), so that typing does
 * not fill the memory with chunks that will not come back.
 */
export function forgetStaleChunks(file: string, used: Set<string>): void {
  for (const key of keysOfFile.get(file) ?? []) if (!used.has(key)) cache.delete(key);
  keysOfFile.set(file, used);
}

const clearHooks: (() => void)[] = [];

/** `hook` runs whenever the chunk memory is cleared (what is kept beside it goes too). */
export function onClearChunkCache(hook: () => void): void {
  clearHooks.push(hook);
}

/** Forgets every remembered chunk (benchmarks measure cold runs with it), and the edited documents' readings. */
export function clearChunkCache(): void {
  cache.clear();
  keysOfFile.clear();
  for (const hook of clearHooks) hook();
}
