// Everything the engine reads from one Markdown file: its claims, and the
// declarations it makes (front matter, License section, badges, "released
// under …" sentences), plus its suppression comments.
import type { Claim, ClaimLanguage, SourceFile } from '../types.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { proseBlocks, sourceSpan, type ProseBlock } from '../markdown/proseBlocks.js';
import { documentReferences, type LinkTarget } from '../markdown/references.js';
import { scanClaims } from '../claims/claimScanner.js';
import { frontMatterDeclarations, type FrontMatterFacts } from '../declarations/frontMatterDeclarations.js';
import { badgeDeclarations, inLicenseSection, isLicenseHeading, licenseLinkDeclarations, licenseSectionDeclarations, scopeOf } from '../declarations/readmeDeclarations.js';
import { makeDeclaration, type FileProblem } from '../declarations/declarationTypes.js';
import { sentenceAround } from '../text/sentences.js';
import { markdownSuppressions, type Suppressions } from '../suppression.js';

type ResolvedDeclaration = ReturnType<typeof makeDeclaration>;

export interface MarkdownFacts {
  file: string;
  claims: Claim[];
  /** Declarations from the front matter (they govern this file's own claims). */
  frontMatter?: FrontMatterFacts;
  /** Declarations from README prose: License section, badges, "released under …". */
  readmeDeclarations: ResolvedDeclaration[];
  suppressions: Suppressions;
  problems: FileProblem[];
  headings: string[];
  /** Where the document links to. */
  links: LinkTarget[];
  /** Where the body starts (after the front matter); suppression comments go there only. */
  bodyStart: number;
  /** The document's prose, block by block (for rules that look for a kind of information). */
  prose: string[];
}

const thirdPartyHeading = /\b(?:third[\s-]?party|acknowledge?ments?|credits?|thanks|notices?|attributions?|related\s+(?:work|projects)|dependencies|danksagung|remerciements|agradecimientos)\b/iu;

function inThirdPartySection(block: ProseBlock): boolean {
  return block.sections.some((heading) => thirdPartyHeading.test(heading.text));
}


export function isReadmeName(path: string): boolean {
  return /^readme(?:[._-][\w-]+)*\.(?:md|markdown)$/iu.test(path.split('/').pop() ?? '');
}

export function analyzeMarkdown(file: SourceFile, languages?: readonly ClaimLanguage[]): MarkdownFacts {
  const { tree, frontMatter, bodyStart } = parseMarkdown(file.text);
  const blocks = proseBlocks(tree, file.text);
  const references = documentReferences(tree);
  const facts: MarkdownFacts = {
    file: file.path,
    claims: [],
    readmeDeclarations: [],
    suppressions: markdownSuppressions(tree, file.text),
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
  for (const block of blocks) {
    if (inThirdPartySection(block)) continue;
    // a License heading names the section ("## Open Source License"); it claims nothing
    if (block.kind === 'heading' && isLicenseHeading(block.text)) continue;
    for (const found of scanClaims(block.text, { links: block.links })) {
      if (languages && !languages.includes(found.language)) continue;
      const span = sourceSpan(block, found.start, found.end);
      const claim: Claim = { kind: found.kind, language: found.language, file: file.path, span, text: file.text.slice(span.start, span.end), aboutModel: found.aboutModel, namedLicense: found.namedLicense };
      facts.claims.push(claim);
      if (claim.kind === 'named-license' && readme && found.namedLicense && !inLicenseSection(block)) {
        facts.readmeDeclarations.push(makeDeclaration({ expression: found.namedLicense, deprecatedIds: [] }, {
          source: 'readme-prose', file: file.path, span, raw: claim.text, label: `README (“${block.text.slice(found.start, found.end)}”)`, strictSpdx: false, scope: scopeOf(sentenceAround(block.text, found.start, found.end), undefined),
        }));
      }
    }
  }
  if (readme) {
    const licenseSectionSpans = blocks.filter(inLicenseSection).map((block) => ({ start: block.offsets[0] ?? 0, end: block.offsets[block.offsets.length - 1] ?? 0 }));
    facts.readmeDeclarations.push(
      ...licenseSectionDeclarations(file.path, blocks),
      ...badgeDeclarations(file.path, references.images),
      // License sections are read sentence by sentence above; links elsewhere ("see the model license") are read here
      ...licenseLinkDeclarations(file.path, facts.links.filter((link) => !licenseSectionSpans.some((span) => link.span.start >= span.start && link.span.start < span.end)), facts.readmeDeclarations),
    );
  }
  return facts;
}

