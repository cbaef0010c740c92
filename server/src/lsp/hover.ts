// Hover: over a claim, the verdict (what was declared, whether the policy
// accepts it, why); over a declared license value, what License Claims knows
// about that license.
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { explainLicense, type Explanation } from '../engine/licenses/explainLicense.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import { docsUrl } from '../engine/rules/index.js';
import type { Claim, Declaration } from '../engine/types.js';
import type { ClaimVerdict } from '../engine/claimVerdict.js';
import type { Validator } from './validation.js';
import { literalMarkdown } from './markdownText.js';
import { modelLicense } from '../engine/models/modelLicense.js';
import type { ModelReference } from '../engine/models/modelReference.js';

const outcomeWords: Record<ClaimVerdict['outcome'], string> = {
  accepted: '✅ backed by the declared license',
  rejected: '❌ not backed: the declared license is not open source under the policy',
  partial: '⚠️ only partly backed: part of what is declared is not open source',
  unverifiable: '❔ cannot be judged: the declared license names nothing that can be checked',
  'no-license': '❌ not backed: no license is declared',
};

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell' : value ? 'yes' : 'no');

function licenseLines(explanation: Explanation): string[] {
  return [
    `**${literalMarkdown(explanation.name)}** (${literalMarkdown(`\`${explanation.id}\``)}) — OSI-approved: ${yesNo(explanation.osiApproved)}, FSF free/libre: ${yesNo(explanation.fsfLibre)}${explanation.deprecated ? ', deprecated SPDX id' : ''}`,
    ...(explanation.reason ? [`Not open source because ${explanation.reason}.`] : []),
    ...explanation.restrictions.map((restriction) => `- *${restriction.kind}*: ${restriction.text}`),
    ...(explanation.url ? [`[License text](${explanation.url})`] : []),
  ];
}

function claimHover(claim: Claim, verdict: ClaimVerdict | undefined, findings: { rule: string; message: string }[]): string {
  const lines = [`**License Claims** — “${literalMarkdown(claim.text)}” is a claim (${claim.kind}, ${claim.language}) about ${claim.aboutModel ? 'the model' : 'the project'}.`, ''];
  if (verdict) {
    lines.push(`${outcomeWords[verdict.outcome]} (policy \`${verdict.policy.name}\`).`, '');
    for (const entry of verdict.judged) {
      const declaration = entry.declaration;
      const name = declaration.expression ? describeLicense(declaration.expression).name : declaration.raw;
      lines.push(`- ${literalMarkdown(declaration.label)}: **${literalMarkdown(name)}** — ${entry.outcome === 'unjudgeable' ? literalMarkdown(declaration.unjudgeable ?? 'cannot be judged') : entry.outcome}`);
    }
  }
  for (const finding of findings) lines.push('', `[${finding.rule}](${docsUrl(finding.rule)}): ${literalMarkdown(finding.message)}`);
  return lines.join('\n');
}

/** Over a model reference: the model, how the project names it, whether it is a default, and its license's facts. */
function modelHover(reference: ModelReference): string {
  const resolved = modelLicense(reference);
  const model = resolved.model === reference.name ? `\`${reference.name}\`` : `\`${reference.name}\` → \`${resolved.model}\``;
  const lines = [
    `**License Claims** — model ${literalMarkdown(model)} (${reference.kind}, ${literalMarkdown(reference.via)}), ${reference.byDefault ? 'run by default' : `not run by default: ${literalMarkdown(reference.notDefaultBecause ?? '')}`}.`,
  ];
  const explanation = resolved.license === 'unknown' ? undefined : explainLicense(resolved.license);
  if (explanation) lines.push(...licenseLines(explanation));
  else lines.push(`License unknown: the bundled tables do not know this model${resolved.note ? ` (${literalMarkdown(resolved.note)})` : ''}; nothing is guessed.`);
  if (resolved.source) lines.push(`Source: ${literalMarkdown(resolved.source)}`);
  return lines.join('\n\n');
}

const contains = (span: { start: number; end: number }, offset: number) => offset >= span.start && offset <= span.end;

export async function hover(document: TextDocument, position: Position, validator: Validator): Promise<Hover | null> {
  // while typing, the judgment may be of an earlier version in which the hovered block is unchanged
  const judged = await validator.judgmentAt(document, document.offsetAt(position));
  if (!judged) return null;
  const { validation, place } = judged;
  const { offset } = place;
  const inBlock = (span: { start: number; end: number }) => span.start >= place.block.start && span.end <= place.block.end;
  const { path } = validation.context;
  const claim = validation.result.workspace.projects.flatMap((project) => project.claims).find((candidate) => candidate.file === path && contains(candidate.span, offset) && inBlock(candidate.span));
  if (claim) {
    const findings = validation.findings.filter((finding) => finding.span.start === claim.span.start);
    return { contents: { kind: 'markdown', value: claimHover(claim, validation.result.verdicts.get(claim), findings) } };
  }
  const reference = validation.result.workspace.projects.flatMap((project) => project.models).find((candidate) => candidate.file === path && contains(candidate.span, offset) && inBlock(candidate.span));
  if (reference) return { contents: { kind: 'markdown', value: modelHover(reference) } };
  const declarations: Declaration[] = validation.result.workspace.projects.flatMap((project) => [
    ...project.declarations,
    ...project.documents.flatMap((document) => document.frontMatter?.declarations ?? []),
  ]);
  const declaration = declarations.find((candidate) => candidate.file === path && candidate.source !== 'license-file' && contains(candidate.span, offset) && inBlock(candidate.span));
  if (!declaration) return null;
  const explanation = declaration.expression ? explainLicense(declaration.expression) : undefined;
  const value = explanation
    ? licenseLines(explanation).join('\n\n')
    : `**License Claims** — ${literalMarkdown(declaration.label)}: ${literalMarkdown(declaration.unjudgeable ?? 'names no license that can be judged')}`;
  return { contents: { kind: 'markdown', value } };
}
