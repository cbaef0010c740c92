// Everything the engine reads from one Markdown file: its claims, and the
// declarations it makes (front matter, License section, badges, "released
// under …" sentences), plus its suppression comments.
import type { Claim, ClaimLanguage, SourceFile, Span } from '../types.js';
import { parseFrontMatter } from '../markdown/parseMarkdown.js';
import { blockSpan, SectionTracker, sourceSpan, type ProseBlock } from '../markdown/proseBlocks.js';
import type { DocumentReferences, LinkTarget } from '../markdown/references.js';
import { chunkTargetSize, markdownChunks, referenceDefinitions } from '../markdown/chunks.js';
import { chunkFacts, forgetStaleChunks, type ChunkFacts } from '../markdown/chunkFacts.js';
import { rememberDocument, spliceMarkdown, type ChunkTrace } from './markdownEdits.js';
import { chunkMatter, documentInterest, mayOpenSection, topLevelHeadingLines } from '../markdown/blockSelection.js';
import { leadingHeading } from '../markdown/leadingHeading.js';
import { scanClaims, type ProseClaim } from '../claims/claimScanner.js';
import { frontMatterDeclarations, type FrontMatterFacts } from '../declarations/frontMatterDeclarations.js';
import { linkedLicenseDeclarations } from '../declarations/linkedLicense.js';
import { aboutSomethingElse, badgeDeclarations, futureTerms, inLicenseSection, isLicenseHeading, licenseLinkDeclarations, licenseSectionDeclarations, scopeOf } from '../declarations/readmeDeclarations.js';
import { makeDeclaration, type FileProblem } from '../declarations/declarationTypes.js';
import { sentenceAround } from '../text/sentences.js';
import type { MarkdownComment } from '../suppression.js';

type ResolvedDeclaration = ReturnType<typeof makeDeclaration>;

export interface MarkdownFacts {
  file: string;
  claims: Claim[];
  /** Declarations from the front matter (they govern this file's own claims). */
  frontMatter?: FrontMatterFacts;
  /** Declarations from README prose: License section, badges, "released under …". */
  readmeDeclarations: ResolvedDeclaration[];
  /** HTML comments (suppression directives live there), in order. */
  comments: MarkdownComment[];
  problems: FileProblem[];
  /** Headings, links and prose are kept for model cards (front matter) only, whose rules read them. */
  headings: string[];
  /** Where the document links to. */
  links: LinkTarget[];
  /** Where the body starts (after the front matter); suppression comments go there only. */
  bodyStart: number;
  /** The document's prose, block by block (for rules that look for a kind of information). */
  prose: string[];
}

// Sections about others: credits, sponsors, integrations, projects that use this one, related or similar projects
const thirdPartyHeading = /(?<!\w)(?:third[\s-]?party|acknowledge?ments?|credits?|thanks|notices?|attributions?|related(?:\s+\w+)?|dependencies|sponsors?|sponsored|backers?|supporters?|partners?|integrations?|integrated\s+with|(?:projects?|who(?:'s)?|companies|used)\s+(?:using|uses|use|by)|users|showcase|alternatives|similar|see\s+also|friends|awesome|ecosystem|powered\s+by|built\s+with|danksagung|remerciements|agradecimientos)\b/iu;

function inThirdPartySection(block: ProseBlock): boolean {
  if (block.sections.some((heading) => thirdPartyHeading.test(heading.text) || heading.linksElsewhere)) return true;
  return block.kind === 'heading' && thirdPartyHeading.test(block.text);
}

const nameWords = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 1);

/**
 * A section named for another product, whose sentence describes it ("#### ModelScope" — "ModelScope is an
 * opensource platform …"): the sentence's subject is the section's name, and that name is not in the
 * document's title (a README's "## Langfuse" section describing Langfuse stays a claim).
 */
function describesNamedSection(block: ProseBlock, claimStart: number, title: string | undefined): boolean {
  const section = block.sections[block.sections.length - 1];
  if (!section || block.kind === 'heading') return false;
  const name = section.text.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  if (section.text === title || name === '' || name.split(/\s+/u).length > 3 || !/^\p{Lu}/u.test(name)) return false;
  const sentence = sentenceAround(block.text, claimStart);
  if (!sentence.trimStart().toLowerCase().startsWith(`${name.toLowerCase()} is `) && !sentence.trimStart().toLowerCase().startsWith(`${name.toLowerCase()} are `)) return false;
  const own = new Set(nameWords(title ?? ''));
  return !nameWords(name).some((word) => own.has(word));
}


export function isReadmeName(path: string): boolean {
  return /^readme(?:[._-][\w-]+)*\.(?:md|markdown)$/iu.test(path.split('/').pop() ?? '');
}

export interface MarkdownOptions {
  /** Claim languages to report (all when absent). */
  languages?: readonly ClaimLanguage[];
  /** Keep each chunk's facts for the next judgment of the same text (documents being edited). */
  remember?: boolean;
  /** Chunk size (tests compare small chunks with one chunk for the whole body). */
  chunkSize?: number;
  /** Parse every chunk, even those that cannot hold anything that matters (tests; see markdown/blockSelection.ts). */
  readEveryChunk?: boolean;
}

let selectionEnabled = true;

/**
 * Turns block selection (markdown/blockSelection.ts) off or on for every later analysis; only tests turn it
 * off, to compare findings with and without it.
 */
export function setBlockSelection(enabled: boolean): void {
  selectionEnabled = enabled;
}

/** What the claim loop of one document shares between its blocks. */
export interface BlockClaimContext {
  languages?: readonly ClaimLanguage[];
  /** A README or model card: its first "released under X" declares X. */
  readme: boolean;
  /** The document's first heading. */
  title: string | undefined;
  /** The licenses README prose has declared so far. */
  /** The licenses README prose has declared so far, each with where its declaring claim starts. */
  proseLicenses: Map<string, number>;
}

/** The claims of one prose block (`claims`: what the scanner found in it), and the declarations they make, added to `facts`. */
export function readBlockClaims(file: SourceFile, block: ProseBlock, claims: readonly ProseClaim[], { languages, readme, title, proseLicenses }: BlockClaimContext, facts: MarkdownFacts): void {
  if (inThirdPartySection(block)) return;
  // a License heading names the section ("## Open Source License"); it claims nothing
  if (block.kind === 'heading' && isLicenseHeading(block.text)) return;
  for (const found of claims) {
    if (languages && !languages.includes(found.language)) continue;
    if (found.kind !== 'named-license' && describesNamedSection(block, found.start, title)) continue;
    const span = sourceSpan(block, found.start, found.end);
    const claim: Claim = { kind: found.kind, language: found.language, file: file.path, span, text: file.text.slice(span.start, span.end), aboutModel: found.aboutModel, namedLicense: found.namedLicense };
    facts.claims.push(claim);
    // the first "released under X" for each license declares it; repeating it declares nothing more
    // (not the logo's, the docs' or a quoted specification's license, nor a change license that applies later)
    const sentence = claim.kind === 'named-license' ? sentenceAround(block.text, found.start, found.end) : '';
    if (claim.kind === 'named-license' && (block.quoted || aboutSomethingElse(sentence, block.sections) || futureTerms.test(sentence))) continue;
    if (claim.kind === 'named-license' && readme && found.namedLicense && !inLicenseSection(block) && !proseLicenses.has(found.namedLicense)) {
      proseLicenses.set(found.namedLicense, span.start);
      facts.readmeDeclarations.push(makeDeclaration({ expression: found.namedLicense, deprecatedIds: [] }, {
        source: 'readme-prose', file: file.path, span, raw: claim.text, label: `README (“${block.text.slice(found.start, found.end).replace(/\s+/gu, ' ')}”)`, strictSpdx: false, scope: scopeOf(sentence, undefined),
      }));
    }
  }
}

/** Reads a Markdown file chunk by chunk (see markdown/chunks.ts), parsing only the chunks that can matter. */
export function analyzeMarkdown(file: SourceFile, options: MarkdownOptions = {}): MarkdownFacts {
  const { languages, remember = false } = options;
  const targetSize = options.chunkSize ?? chunkTargetSize;
  // while a document is edited, an edit that changes nothing document-wide re-reads only the chunks around it
  if (remember && options.readEveryChunk !== true) {
    const spliced = spliceMarkdown(file, languages, targetSize);
    if (spliced) return spliced;
  }
  const { frontMatter, bodyStart } = parseFrontMatter(file.text);
  const declares = isReadmeName(file.path) || frontMatter !== undefined;
  // A document being edited keeps every chunk's facts (chunkFacts.ts), so a keystroke re-parses one chunk:
  // there, scanning every chunk for what matters on each judgment cost more than it saved (the bench's
  // 1 MB re-judgment went from 493 to 839 ms), and selection is for cold reads (audits) only.
  const selecting = selectionEnabled && options.readEveryChunk !== true && !remember;
  const interest = selecting ? documentInterest(file.text, declares, frontMatter !== undefined) : undefined;
  const definitions = referenceDefinitions(file.text);
  const blocks: ProseBlock[] = [];
  const blockClaims: ProseClaim[][] = [];
  const references: DocumentReferences = { images: [], links: [] };
  const comments: MarkdownComment[] = [];
  const sections = new SectionTracker();
  const used = remember ? new Set<string>() : undefined;
  const read = (start: number, facts: ChunkFacts) => {
    const shift = <T extends { span: Span }>(item: T): T => ({ ...item, span: { start: item.span.start + start, end: item.span.end + start } });
    for (const entry of facts.entries) {
      if (entry.heading) {
        sections.enter(entry.heading);
        continue;
      }
      blocks.push({ ...entry.block, base: start, sections: sections.sectionsOf(entry.block) });
      blockClaims.push(entry.claims ?? []);
    }
    references.images.push(...facts.images.map(shift));
    references.links.push(...facts.links.map(shift));
    comments.push(...facts.comments.map((comment) => ({ text: comment.text, offset: comment.offset + start })));
  };
  // Selected blocks are parsed in runs of about targetSize characters (fewer parser runs); a run ends at a
  // skipped block, and after a block that may open a section, whose heading the next block's selection needs.
  let run: Span | undefined;
  // what an edit's re-reading needs (markdownEdits.ts): each chunk read, with the sections open at its start
  const trace: ChunkTrace[] | undefined = remember && !selecting ? [] : undefined;
  let chunkCount = 0;
  const parseRun = () => {
    if (run) {
      const facts = chunkFacts(file.text.slice(run.start, run.end), definitions, remember, used);
      trace?.push({ span: run, facts, open: sections.snapshot(), blocks: facts.entries.filter((entry) => !entry.heading).length });
      read(run.start, facts);
    }
    run = undefined;
  };
  const inLicense = () => sections.anyOpen((heading) => isLicenseHeading(heading.text));
  // A block that matters only for the sections its headings open (a heading right over a long table): when
  // they are top-level ATX lines, each is parsed alone, unless one opens a README's License section (read whole).
  const readHeadings = (start: number, chunk: string) => {
    const headings = topLevelHeadingLines(chunk)?.map(({ offset, line }) => ({ offset, facts: chunkFacts(line, definitions, remember, used) }));
    if (!headings || (declares && headings.some(({ facts }) => facts.entries.some((entry) => entry.heading && isLicenseHeading(entry.heading.text))))) {
      read(start, chunkFacts(chunk, definitions, remember, used));
      return;
    }
    for (const { offset, facts } of headings) read(start + offset, facts);
  };
  for (const span of markdownChunks(file.text, bodyStart, selecting ? 0 : targetSize)) {
    chunkCount++;
    const chunk = file.text.slice(span.start, span.end);
    if (run && run.end - run.start >= targetSize) parseRun();
    const matter = selecting ? chunkMatter(chunk, interest!, declares && inLicense()) : 'all';
    if (matter === 'all') {
      run = run ? { start: run.start, end: span.end } : span;
      if (selecting && declares && mayOpenSection(chunk)) parseRun();
      continue;
    }
    parseRun();
    if (matter === 'headings') {
      readHeadings(span.start, chunk);
      continue;
    }
    // a skipped block's leading heading still opens its section
    const lead = leadingHeading(chunk);
    if (!lead) continue;
    const facts: ChunkFacts = lead.read
      ? { entries: [{ heading: lead.read.heading }, ...(lead.read.block ? [{ block: lead.read.block, claims: scanClaims(lead.read.block.text) }] : [])], images: [], links: [], comments: [] }
      : chunkFacts(lead.line, definitions, remember, used);
    // a README's License section is read whole: a block that opens one is parsed after all
    if (declares && facts.entries.some((entry) => entry.heading && isLicenseHeading(entry.heading.text))) {
      read(span.start, chunkFacts(chunk, definitions, remember, used));
      continue;
    }
    read(span.start, facts);
  }
  parseRun();
  if (used) forgetStaleChunks(file.path, used);
  const facts: MarkdownFacts = {
    file: file.path,
    claims: [],
    readmeDeclarations: [],
    comments,
    problems: [],
    headings: blocks.filter((block) => block.kind === 'heading').map((block) => block.text.trim()),
    links: references.links,
    bodyStart,
    prose: blocks.map((block) => block.text),
  };
  if (frontMatter) {
    facts.frontMatter = frontMatterDeclarations(file.path, frontMatter);
    facts.problems.push(...facts.frontMatter.problems);
  }
  const readme = isReadmeName(file.path) || facts.frontMatter !== undefined;
  const proseLicenses = new Map<string, number>();
  const title = blocks.find((block) => block.kind === 'heading')?.text;
  for (const [index, block] of blocks.entries()) readBlockClaims(file, block, blockClaims[index], { languages, readme, title, proseLicenses }, facts);
  if (readme) {
    const licenseSectionSpans = blocks.filter(inLicenseSection).map(blockSpan);
    facts.readmeDeclarations.push(
      ...licenseSectionDeclarations(file.path, blocks, file.text),
      ...badgeDeclarations(file.path, references.images),
      // License sections are read sentence by sentence above; links elsewhere ("see the model license") are read here
      ...licenseLinkDeclarations(file.path, facts.links.filter((link) => !licenseSectionSpans.some((span) => link.span.start >= span.start && link.span.start < span.end)), facts.readmeDeclarations),
      // a License section's link to a license file inside the project ("see [LICENSE-MODEL](LICENSE-MODEL)"): that file's text, read by the project
      ...linkedLicenseDeclarations(file.path, facts.links.filter((link) => licenseSectionSpans.some((span) => link.span.start >= span.start && link.span.start < span.end))),
    );
  }
  if (!facts.frontMatter) {
    // prose, headings and links serve the model-card rules only; a workspace audit keeps thousands of these facts
    facts.prose = [];
    facts.headings = [];
    facts.links = [];
  }
  if (remember && options.readEveryChunk !== true) {
    // an edit can be spliced in when every chunk was read alone (as one run) and lines end in \n only
    const spliceable = trace !== undefined && trace.length === chunkCount && used !== undefined && !file.text.includes('\r');
    rememberDocument(file, spliceable ? { text: file.text, facts, chunks: trace, definitions, used, languages, targetSize, readme, title, proseLicenses } : undefined);
  }
  return facts;
}

