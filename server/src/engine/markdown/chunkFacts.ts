// What one chunk of a Markdown body holds — prose blocks with the claims
// found in each, section starts, images, links and HTML comments — with
// offsets relative to the chunk. Remembered by the chunk's text, so that while
// a document is edited only the chunks that changed are parsed again.
import { parseMarkdownBody } from './parseMarkdown.js';
import { fastParsing, plainMarkdown } from './plainMarkdown.js';
import { definitionsUsedBy } from './referenceUse.js';
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
 * appended, so that `[text][label]` resolves as in the whole document):
 * plain chunks without the parser (plainMarkdown.ts). Only what lies inside
 * the chunk is kept.
 */
function computeChunkFacts(chunk: string, definitions: string): ChunkFacts {
  const fast = fastParsing();
  const used = fast ? definitionsUsedBy(chunk, definitions) : definitions;
  // pathological nesting and delimiters defused, offsets unchanged (see shallowMarkdown.ts)
  const source = shallowMarkdown(used === '' ? chunk : `${chunk}\n\n${used}\n`);
  const tree = (fast && used === '' ? plainMarkdown(source) : undefined) ?? parseMarkdownBody(source);
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
export function chunkFacts(chunk: string, definitions: string, remember: boolean, used?: Set<string>): ChunkFacts {
  if (chunk.trim() === '') return empty;
  if (!remember) return computeChunkFacts(chunk, definitions);
  const key = (text: string) => (definitions === '' ? text : `${text}\u0000${definitions}`);
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

/** Forgets every remembered chunk (benchmarks measure cold runs with it). */
export function clearChunkCache(): void {
  cache.clear();
  keysOfFile.clear();
}
