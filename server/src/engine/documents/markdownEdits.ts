// A document being edited, re-read around the edit only. The last reading of
// each edited document is kept: its chunks (markdown/chunks.ts) with their
// facts and the sections open at each. A new text is compared with it chunk
// by chunk from both ends; the chunks from the one before the first changed
// chunk are cut again until a boundary meets a boundary of the old text past
// the change (from a boundary on, cutting depends only on the text that
// follows). When what changed reaches no further than before — the same
// headings, links, images and HTML comments in the same order, no reference
// definition, no \r, no License section, no license named for the first time
// in README prose — the new facts are the old ones with the changed chunks'
// claims (and links, comments, prose) put in their place and everything after
// them moved by the length difference.
// Anything else is read whole again (analyzeMarkdown), as is the first text.
//
// The new facts carry the edit (editOf): the audit re-judges only the claims
// in the changed range (incrementalAudit.ts).
import type { ClaimLanguage, Claim, SourceFile, Span } from '../types.js';
import { chunkFacts, chunkKey, forgetStaleChunks, onClearChunkCache, type ChunkFacts } from '../markdown/chunkFacts.js';
import { markdownChunks } from '../markdown/chunks.js';
import { SectionTracker, type Heading, type ProseBlock } from '../markdown/proseBlocks.js';
import { isLicenseHeading } from '../declarations/readmeDeclarations.js';
import { readBlockClaims, type MarkdownFacts } from './markdownDocument.js';
import type { LinkTarget } from '../markdown/references.js';
import type { MarkdownComment } from '../suppression.js';

/** One chunk as read: its span, facts, the sections open where it starts, and how many prose blocks it holds. */
export interface ChunkTrace {
  span: Span;
  facts: ChunkFacts;
  open: Heading[];
  blocks: number;
}

/** The last reading of a document being edited. */
export interface EditedDocument {
  text: string;
  facts: MarkdownFacts;
  chunks: ChunkTrace[];
  definitions: string;
  /** The chunk keys this reading uses (chunkFacts.ts forgets the others). */
  used: Set<string>;
  languages: readonly ClaimLanguage[] | undefined;
  targetSize: number;
  readme: boolean;
  title: string | undefined;
  /** License → where the README-prose claim that declared it starts. */
  proseLicenses: Map<string, number>;
}

/** What changed between a document's previous facts and these: [start, oldEnd) of the old text became [start, newEnd). */
export interface MarkdownEdit {
  previous: MarkdownFacts;
  start: number;
  oldEnd: number;
  newEnd: number;
}

const documents = new Map<string, EditedDocument>();
const edits = new WeakMap<MarkdownFacts, MarkdownEdit>();

onClearChunkCache(() => documents.clear());

/** The edit that made these facts from the previous reading, when they were spliced. */
export function editOf(facts: MarkdownFacts): MarkdownEdit | undefined {
  return edits.get(facts);
}

/** Keeps (or, without a reading, forgets) the reading of a document being edited. */
export function rememberDocument(file: SourceFile, reading: EditedDocument | undefined): void {
  if (reading) documents.set(file.path, reading);
  else documents.delete(file.path);
}

const sameLanguages = (a: readonly ClaimLanguage[] | undefined, b: readonly ClaimLanguage[] | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((language, index) => b[index] === language));

const shiftSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

/**
 * What in a run of chunks reaches beyond it: headings (sections, the title), links and images (declarations),
 * comments (suppressions), in order and without their places. An edit that leaves this unchanged changes nothing
 * document-wide, as long as none of it is a License heading.
 */
function reachingOut(runs: readonly ChunkFacts[]): string {
  const parts: unknown[] = [];
  for (const facts of runs) {
    for (const entry of facts.entries) {
      if (entry.heading) parts.push(['h', entry.heading]);
      else if (entry.block?.kind === 'heading') parts.push(['b', entry.block.text]);
    }
    for (const image of facts.images) parts.push(['i', image.url, image.alt]);
    for (const link of facts.links) parts.push(['l', link.url]);
    for (const comment of facts.comments) parts.push(['c', comment.text]);
  }
  return JSON.stringify(parts);
}

const opensLicenseSection = (facts: ChunkFacts) => facts.entries.some((entry) => entry.heading !== undefined && isLicenseHeading(entry.heading.text));

/**
 * The facts of `file` read from the last reading of the same path, or
 * undefined when the edit reaches beyond the chunks it changed (the caller
 * reads the whole document).
 */
export function spliceMarkdown(file: SourceFile, languages: readonly ClaimLanguage[] | undefined, targetSize: number): MarkdownFacts | undefined {
  const old = documents.get(file.path);
  if (!old || old.targetSize !== targetSize || !sameLanguages(old.languages, languages)) return undefined;
  const before = old.text;
  const text = file.text;
  const { chunks } = old;
  const delta = text.length - before.length;
  // the first chunk that changed, and the last one (the chunks after it are the same text, moved by delta)
  let first = 0;
  while (first < chunks.length) {
    const { start, end } = chunks[first].span;
    if (end > text.length || before.slice(start, end) !== text.slice(start, end)) break;
    first++;
  }
  if (first === chunks.length) {
    if (delta === 0) return spliced(old, file, 0, 0, 0, { chunks, used: old.used, regionBlocks: [], regionLinks: [], regionComments: [] }, 0, 0);
    first = chunks.length - 1;
  }
  // cutting resumes at the chunk before the first change (a change in its first line can move the boundary
  // after it); the first chunk, with the front matter before it, must be unchanged
  const rescanFrom = first - 1;
  if (rescanFrom < 1) return undefined;
  let last = chunks.length - 1;
  while (last >= first) {
    const { start, end } = chunks[last].span;
    if (start + delta < 0 || before.slice(start, end) !== text.slice(start + delta, end + delta)) break;
    last--;
  }
  const start = chunks[rescanFrom].span.start;
  // the old chunk starting at `position`, if any (binary search)
  const oldChunkAt = (position: number) => {
    let low = 0;
    let high = chunks.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = chunks[middle].span.start;
      if (at === position) return middle;
      if (at < position) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  let resumeAt = chunks.length;
  const rescanned = markdownChunks(text, start, targetSize, (boundary) => {
    const index = oldChunkAt(boundary - delta);
    if (index > last && boundary > start) {
      resumeAt = index;
      return true;
    }
    return false;
  });
  const oldEnd = resumeAt < chunks.length ? chunks[resumeAt].span.start : before.length;
  const newEnd = resumeAt < chunks.length ? oldEnd + delta : text.length;
  // each chunk read alone, as a whole reading does (only the last may be short)
  if (rescanned.some((span) => span.end < text.length && span.end - span.start < targetSize)) return undefined;
  const oldRegion = chunks.slice(rescanFrom, resumeAt);
  const beyond = (part: string) => part.includes(']:') || part.includes('\r');
  if (oldRegion.some((chunk) => beyond(before.slice(chunk.span.start, chunk.span.end)))) return undefined;
  if (rescanned.some((span) => beyond(text.slice(span.start, span.end)))) return undefined;
  const open = chunks[rescanFrom].open;
  if (open.some((heading) => isLicenseHeading(heading.text))) return undefined;
  // the chunk keys this reading uses: the old ones less the changed chunks', plus the new chunks'
  const used = new Set(old.used);
  for (const chunk of oldRegion) used.delete(chunkKey(before.slice(chunk.span.start, chunk.span.end), old.definitions));
  const regionFacts = rescanned.map((span) => chunkFacts(text.slice(span.start, span.end), old.definitions, true, used));
  if (reachingOut(oldRegion.map((chunk) => chunk.facts)) !== reachingOut(regionFacts) || regionFacts.some(opensLicenseSection)) return undefined;
  // a license named in README prose declares it the first time only: the changed chunks' named licenses must all be declared before them
  const declaredBefore = (license: string | undefined) => license === undefined || !old.readme || (old.proseLicenses.get(license) ?? Infinity) < start;
  const namesNew = (facts: ChunkFacts) => facts.entries.some((entry) => entry.claims?.some((found) => found.kind === 'named-license' && !declaredBefore(found.namedLicense)));
  if (oldRegion.some((chunk) => namesNew(chunk.facts)) || regionFacts.some(namesNew)) return undefined;
  // the region's blocks, as a whole reading makes them, with the sections open at each chunk
  const regionBlocks: { block: ProseBlock; claims: NonNullable<ChunkFacts['entries'][number]['claims']> }[] = [];
  const sections = new SectionTracker(open);
  const regionOpen: Heading[][] = [];
  for (const [index, facts] of regionFacts.entries()) {
    regionOpen.push(sections.snapshot());
    for (const entry of facts.entries) {
      if (entry.heading) sections.enter(entry.heading);
      else if (entry.block) regionBlocks.push({ block: { ...entry.block, base: rescanned[index].start, sections: sections.sectionsOf(entry.block) }, claims: entry.claims ?? [] });
    }
  }
  const newChunks: ChunkTrace[] = [
    ...chunks.slice(0, rescanFrom),
    ...rescanned.map((span, index) => ({ span, facts: regionFacts[index], open: regionOpen[index], blocks: regionFacts[index].entries.filter((entry) => !entry.heading).length })),
    ...chunks.slice(resumeAt).map((chunk) => ({ ...chunk, span: shiftSpan(chunk.span, delta) })),
  ];
  const blocksBefore = chunks.slice(0, rescanFrom).reduce((sum, chunk) => sum + chunk.blocks, 0);
  const oldBlocks = oldRegion.reduce((sum, chunk) => sum + chunk.blocks, 0);
  const regionLinks = regionFacts.flatMap((facts, index) => facts.links.map((link) => ({ ...link, span: shiftSpan(link.span, rescanned[index].start) })));
  const regionComments = regionFacts.flatMap((facts, index) => facts.comments.map((comment) => ({ text: comment.text, offset: comment.offset + rescanned[index].start })));
  return spliced(old, file, start, oldEnd, newEnd, { chunks: newChunks, used, regionBlocks, regionLinks, regionComments }, blocksBefore, oldBlocks);
}

function spliced(
  old: EditedDocument,
  file: SourceFile,
  start: number,
  oldEnd: number,
  newEnd: number,
  region: { chunks: ChunkTrace[]; used: Set<string>; regionBlocks: { block: ProseBlock; claims: NonNullable<ChunkFacts['entries'][number]['claims']> }[]; regionLinks: LinkTarget[]; regionComments: MarkdownComment[] },
  blocksBefore: number,
  oldBlocks: number,
): MarkdownFacts | undefined {
  const delta = newEnd - oldEnd;
  const previous = old.facts;
  const after = (span: Span) => span.start >= oldEnd;
  const inside = (span: Span) => span.end > start && span.start < oldEnd;
  // declarations after the change move; none may lie in it, and none may cite lines (a moved line number would change a message)
  if (previous.readmeDeclarations.some((declaration) => inside(declaration.span) || (after(declaration.span) && (declaration.clauses?.length || declaration.licenseParts?.length)))) return undefined;
  const claims: Claim[] = [];
  let phase = 0;
  const moved: Claim[] = [];
  for (const claim of previous.claims) {
    const at = claim.span.start < start ? 0 : claim.span.start < oldEnd ? 1 : 2;
    if (at < phase) return undefined; // not in document order: read whole
    phase = at;
    if (at === 0) claims.push(claim);
    else if (at === 2) moved.push(delta === 0 ? claim : { ...claim, span: shiftSpan(claim.span, delta) });
  }
  const facts: MarkdownFacts = {
    ...previous,
    claims,
    readmeDeclarations: [],
    comments: [
      ...previous.comments.filter((comment) => comment.offset < start),
      ...region.regionComments,
      ...previous.comments.filter((comment) => comment.offset >= oldEnd).map((comment) => ({ ...comment, offset: comment.offset + delta })),
    ],
    // kept for model cards only (analyzeMarkdown)
    links: previous.frontMatter ? [
      ...previous.links.filter((link) => link.span.start < start),
      ...region.regionLinks,
      ...previous.links.filter((link) => after(link.span)).map((link) => ({ ...link, span: shiftSpan(link.span, delta) })),
    ] : previous.links,
  };
  const context = { languages: old.languages, readme: old.readme, title: old.title, proseLicenses: new Map(old.proseLicenses) };
  for (const { block, claims: found } of region.regionBlocks) readBlockClaims(file, block, found, context, facts);
  // the guards above leave the region nothing to declare
  if (facts.readmeDeclarations.length > 0) return undefined;
  claims.push(...moved);
  facts.readmeDeclarations = previous.readmeDeclarations.map((declaration) => (after(declaration.span) ? { ...declaration, span: shiftSpan(declaration.span, delta) } : declaration));
  if (previous.frontMatter) facts.prose = [...previous.prose.slice(0, blocksBefore), ...region.regionBlocks.map(({ block }) => block.text), ...previous.prose.slice(blocksBefore + oldBlocks)];
  const proseLicenses = new Map([...old.proseLicenses].map(([license, at]) => [license, at >= oldEnd ? at + delta : at]));
  if (region.used !== old.used) forgetStaleChunks(file.path, region.used);
  documents.set(file.path, { ...old, text: file.text, facts, chunks: region.chunks, used: region.used, proseLicenses });
  edits.set(facts, { previous, start, oldEnd, newEnd });
  return facts;
}
