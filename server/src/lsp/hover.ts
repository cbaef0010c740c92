// Hover: what the diagnostics beside it do not say. VS Code shows the
// diagnostics' messages above a hover, so a claim's hover does not repeat
// them: it gives the verdict in one line, the restrictions of the license
// that fails the policy as a short list, and a link to the full explanation.
// Over a declared license value: what License Claims knows about it.
// No emoji or icon glyphs: without an emoji font they render as empty boxes.
import type { Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { explainLicense, type Explanation } from '../engine/licenses/explainLicense.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import type { Claim, Declaration } from '../engine/types.js';
import { docsUrl } from '../engine/rules/index.js';
import type { ClaimVerdict, JudgedDeclaration } from '../engine/claimVerdict.js';
import { explainLicenseCommand } from '../protocol.js';
import type { Validator } from './validation.js';
import { literalMarkdown } from './markdownText.js';
import { clauseKind } from '../engine/licenses/clauses/restrictiveClauses.js';
import type { DeclaredClause } from '../engine/licenses/clauses/licenseTextVerdict.js';
import { modelLicense } from '../engine/models/modelLicense.js';
import type { ModelReference } from '../engine/models/modelReference.js';

/** The clauses a LICENSE file's declaration carries, one line each ("line 9: restricts fields of use (OSD 6)"). */
function clauseLines(clauses: DeclaredClause[], limit = 6): string[] {
  const shown = clauses.slice(0, limit).map((clause) => `  - line ${clause.line}: ${literalMarkdown(clause.label)} (${clause.criterion})`);
  return clauses.length > limit ? [...shown, `  - … and ${clauses.length - limit} more`] : shown;
}

/** Over a restrictive clause of a LICENSE file: each kind it holds, the criterion it breaks and why. */
function clauseHover(clauses: DeclaredClause[]): string {
  const lines = ['**License Claims** — a clause that keeps this license from being open source:', ''];
  for (const clause of clauses) {
    lines.push(`- **${literalMarkdown(clause.label)}** (\`${clause.kind}\`, ${literalMarkdown(clause.reason)}) — breaks [${clause.criterion}: ${literalMarkdown(clause.criterionTitle)}](https://opensource.org/osd). ${literalMarkdown(clauseKind(clause.kind)?.explanation ?? '')}`);
  }
  lines.push('', `[restrictive-clause](${docsUrl('restrictive-clause')})`);
  return lines.join('\n');
}

/** How many restrictions a hover lists, and how long each may be. */
const maxRestrictions = 3;
const maxRestrictionLength = 90;

const kindWords = (kind: string) => kind.replace(/-/gu, ' ');

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/u, '')}…`;
}

/** A link that opens `license-claims explain` for the id as a preview (VS Code; other editors show the link text). */
function explainLink(explanation: Explanation): string {
  const args = encodeURIComponent(JSON.stringify([explanation.id]));
  return `[Explain ${literalMarkdown(explanation.name)}](command:${explainLicenseCommand}?${args} "What License Claims knows about ${explanation.id}")`;
}

function restrictionLines(explanation: Explanation): string[] {
  const shown = explanation.restrictions.slice(0, maxRestrictions).map((restriction) => `- *${kindWords(restriction.kind)}*: ${literalMarkdown(shorten(restriction.text, maxRestrictionLength))}`);
  const more = explanation.restrictions.length - shown.length;
  if (more > 0) shown.push(`- and ${more} more`);
  if (shown.length === 0 && explanation.reason) shown.push(`- ${literalMarkdown(shorten(explanation.reason, maxRestrictionLength * 2))}`);
  return shown;
}

const nameOf = (declaration: Declaration) => (declaration.expression ? describeLicense(declaration.expression).name : declaration.raw.trim() || 'an empty value');

/** The declarations whose licenses decided the verdict, named with where they are declared. */
function decisive(verdict: ClaimVerdict): JudgedDeclaration[] {
  const failing = verdict.judged.filter((entry) => entry.outcome !== 'accepted');
  return verdict.outcome === 'accepted' ? verdict.judged : failing;
}

function verdictLine(claim: Claim, verdict: ClaimVerdict): string {
  const policy = `the \`${verdict.policy.name}\` policy`;
  const listed = [...new Set(decisive(verdict).map((entry) => `${literalMarkdown(nameOf(entry.declaration))} (${literalMarkdown(entry.declaration.label)})`))].join(', ');
  const names = listed.charAt(0).toUpperCase() + listed.slice(1); // it may open a sentence
  const subject = claim.aboutModel ? 'The model claim' : 'The claim';
  switch (verdict.outcome) {
    case 'accepted': return `**Backed.** ${subject} is backed: ${listed} ${listed.includes(', ') ? 'are' : 'is'} open source under ${policy}.`;
    case 'rejected': return `**Not backed.** ${names} ${names.includes(', ') ? 'are' : 'is'} not open source under ${policy}.`;
    case 'partial': return `**Partly backed.** Open source under ${policy} except ${names}.`;
    case 'unverifiable': return `**Cannot be judged.** ${names} ${names.includes(', ') ? 'name' : 'names'} no license that can be checked.`;
    case 'no-license': return `**Not backed.** The project declares no license.`;
  }
}

/** The explanations of the licenses that fail the policy (one per license), for their restrictions and links. */
function failingExplanations(verdict: ClaimVerdict): Explanation[] {
  const ids = new Set<string>();
  for (const entry of decisive(verdict)) {
    if (verdict.outcome === 'accepted') continue;
    const leaves = entry.rejected.length > 0 ? entry.rejected.map((leaf) => leaf.license) : entry.declaration.expression ? [entry.declaration.expression] : [];
    for (const id of leaves) ids.add(id);
  }
  return [...ids].flatMap((id) => explainLicense(id) ?? []);
}

function claimHover(claim: Claim, verdict: ClaimVerdict | undefined): string {
  if (!verdict) return `**License Claims**: “${literalMarkdown(claim.text)}” is an openness claim about ${claim.aboutModel ? 'the model' : 'the project'}.`;
  const lines = [verdictLine(claim, verdict)];
  const explanations = failingExplanations(verdict).slice(0, 2);
  let listed = false;
  for (const explanation of explanations) {
    const restrictions = restrictionLines(explanation);
    if (restrictions.length > 0) lines.push('', `${literalMarkdown(explanation.name)}:`, '', ...restrictions);
    listed ||= restrictions.length > 0;
  }
  // a custom license or terms written in the README: what makes them not open
  const notes = new Set(verdict.outcome === 'accepted' ? [] : decisive(verdict).flatMap((entry) => entry.declaration.note ?? []));
  if (!listed && notes.size > 0) lines.push('', ...[...notes].map((note) => `- ${literalMarkdown(shorten(note, maxRestrictionLength * 2))}`));
  // clauses of the LICENSE files behind a failing verdict, with their lines
  const clauses = verdict.outcome === 'accepted' ? [] : decisive(verdict).flatMap((entry) => entry.declaration.clauses ?? []);
  if (clauses.length > 0) lines.push('', 'Restrictive clauses:', '', ...clauseLines(clauses, maxRestrictions));
  const links = explanations.map(explainLink);
  if (links.length > 0) lines.push('', links.join(' · '));
  return lines.join('\n');
}

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell' : value ? 'yes' : 'no');

function licenseHover(explanation: Explanation): string {
  const lines = [
    `**${literalMarkdown(explanation.name)}** (\`${explanation.id}\`): OSI-approved ${yesNo(explanation.osiApproved)}, FSF free/libre ${yesNo(explanation.fsfLibre)}${explanation.deprecated ? ', deprecated SPDX id' : ''}.`,
  ];
  const restrictions = explanation.osiApproved === true ? [] : restrictionLines(explanation);
  if (restrictions.length > 0) lines.push('', ...restrictions);
  const text = explanation.url ? ` · [License text](${explanation.url})` : '';
  lines.push('', `${explainLink(explanation)}${text}`);
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
  if (explanation) lines.push(licenseHover(explanation));
  else lines.push(`License unknown: the bundled tables do not know this model${resolved.note ? ` (${literalMarkdown(resolved.note)})` : ''}; nothing is guessed.`);
  // the table's sources as addresses (its provenance notes are for whoever reviews the data)
  const addresses = [...new Set([...(resolved.source ?? '').matchAll(/https?:\/\/[^\s;,)]+/gu)].map((match) => match[0]))];
  if (addresses.length > 0) lines.push(`Source: ${addresses.map((address) => literalMarkdown(address)).join(' · ')}`);
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
  if (claim) return { contents: { kind: 'markdown', value: claimHover(claim, validation.result.verdicts.get(claim)) } };
  const clauses = validation.result.workspace.projects
    .flatMap((project) => project.declarations)
    .filter((candidate) => candidate.file === path && (candidate.source === 'license-file' || candidate.source === 'readme-section') && !candidate.fileReference)
    .flatMap((candidate) => candidate.clauses ?? [])
    .filter((clause) => contains(clause.span, offset) && inBlock(clause.span));
  if (clauses.length > 0) return { contents: { kind: 'markdown', value: clauseHover(clauses) } };
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
    ? licenseHover(explanation)
    : `**License Claims**: ${literalMarkdown(declaration.label)} ${literalMarkdown(declaration.unjudgeable ?? 'names no license that can be judged')}.`;
  return { contents: { kind: 'markdown', value } };
}
