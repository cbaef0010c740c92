// The OSI Open Source AI Definition 1.0 asks for the weights, the code used to
// train and run the model, and detailed information about the training data.
// A model card that calls its model open source and gives none of the data
// information, or none of the training code, gets a hint naming what is missing:
// one per card, and none when the card's claim already fails on its license.
import type { Claim } from '../types.js';
import type { MarkdownFacts } from '../documents/markdownDocument.js';
import type { FindingDraft, Rule } from './rule.js';
import { codeHeading, codeLink, codeProse, dataHeading, dataLink, dataProse } from './modelCardEvidence.js';

/** What a model card lacks of the OSAID's training-data information and training code (exported for tests). */
export function missingEvidence(document: MarkdownFacts): string[] {
  const gaps: string[] = [];
  const hasData = (document.frontMatter?.datasets.length ?? 0) > 0
    || document.headings.some((heading) => dataHeading.test(heading))
    || document.links.some((link) => dataLink.test(link.url))
    || document.prose.some((text) => dataProse.test(text));
  const hasCode = document.headings.some((heading) => codeHeading.test(heading))
    || document.prose.some((text) => codeProse.test(text))
    || document.links.some((link) => codeLink.test(link.url));
  if (!hasData) gaps.push('no training-data information (no `datasets:` metadata, training-data section or data card link)');
  if (!hasCode) gaps.push('no training code (no training section, script or code repository link)');
  return gaps;
}

const isModelOpennessClaim = (claim: Claim) => claim.kind === 'open-source' && claim.aboutModel;

export const osaidIncomplete: Rule = {
  id: 'osaid-incomplete',
  defaultSeverity: 'info',
  summary: 'An “open source model” claim in a model card that gives no training-data information or no training code, which the OSI Open Source AI Definition 1.0 requires.',
  check(context) {
    const { project } = context;
    const findings: FindingDraft[] = [];
    for (const document of project.documents) {
      // a card whose front matter does not parse may well list its datasets: nothing can be concluded
      if (!document.frontMatter || document.frontMatter.problems.length > 0) continue;
      // once per card, at its first such claim; and only when the license backs the claims: a claim
      // that already fails has its finding, and a second squiggle on it would say less
      const claims = document.claims.filter(isModelOpennessClaim);
      const claim = claims[0];
      if (!claim || claims.some((candidate) => context.verdictOf(candidate).outcome !== 'accepted')) continue;
      const gaps = missingEvidence(document);
      if (gaps.length === 0) continue;
      findings.push({
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `The model is called “${claim.text}”, but the card gives ${gaps.join(' and ')}, which the OSI Open Source AI Definition 1.0 requires of an open-source AI system.`,
        related: [],
        fixes: [],
      });
    }
    return findings;
  },
};
