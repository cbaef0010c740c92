// An open-source claim over a stack whose default model is not open: the
// project is called "fully open source" while its deploy manifest, config or
// code runs a model under a license the policy rejects (a KAITO Llama preset,
// `from_pretrained("meta-llama/…")`, an Ollama `FROM llama3`). Also a note
// (information) on every reference to such a model, wherever it is.
import type { Claim, Fix } from '../types.js';
import { aiLicense, describeLicense } from '../licenses/licenseKnowledge.js';
import { sentenceAround } from '../text/sentences.js';
import type { Policy } from '../licenses/policy.js';
import { modelLicense, type ModelLicense } from '../models/modelLicense.js';
import type { ModelReference } from '../models/modelReference.js';
import { calledPhrase, isOpennessClaim, subject } from './claimMessages.js';
import type { FindingDraft, Rule } from './rule.js';

interface ClosedModel {
  reference: ModelReference;
  resolved: ModelLicense;
  licenseName: string;
  /** ": it restricts use above 700 million monthly users…", or '' when the catalog says nothing more. */
  because: string;
  openSource: boolean;
}

/** The models a project names whose license is known and fails the policy. */
function closedModels(models: ModelReference[], policy: Policy): ClosedModel[] {
  const closed: ClosedModel[] = [];
  for (const reference of models) {
    const resolved = modelLicense(reference);
    if (resolved.license === 'unknown' || policy.acceptsLicense(resolved.license)) continue;
    const license = describeLicense(resolved.license);
    // the catalog's short name ("Mistral AI Research License") reads better than an SPDX id ("MRL-0.1")
    closed.push({ reference, resolved, licenseName: aiLicense(resolved.license)?.shortName ?? license.name, because: license.reason ? `: ${license.reason}` : '', openSource: license.osiApproved });
  }
  return closed;
}

/** "meta-llama/Llama-3.1-8B-Instruct", or for a KAITO preset "phi-3… (microsoft/Phi-3…)". */
export function modelDisplayName(reference: Pick<ModelReference, 'name'>, resolved: ModelLicense): string {
  return resolved.model.toLowerCase() === reference.name.toLowerCase() ? reference.name : `${reference.name} (${resolved.model})`;
}

/** The sentence end after a claim in Markdown prose (where the clarification goes), or undefined when it is not within reach. */
function sentenceEnd(text: string, from: number): number | undefined {
  for (let index = from; index < Math.min(text.length, from + 400); index++) {
    const char = text[index];
    if (char === '\n' || char === '.' || char === '!' || char === '?') return index;
  }
  return from + 400 >= text.length ? text.length : undefined;
}

function clarifyFix(claim: Claim, text: string | undefined, model: ClosedModel): Fix[] {
  if (text === undefined || claim.inexact) return [];
  const at = sentenceEnd(text, claim.span.end);
  if (at === undefined) return [];
  const clarification = `open-source code; the default model, ${modelDisplayName(model.reference, model.resolved)}, is under the ${model.licenseName}`;
  return [{ title: `Reword: “${clarification}”`, edits: [{ file: claim.file, span: { start: at, end: at }, newText: ` (${clarification})` }] }];
}

export const claimClosedModelDependency: Rule = {
  id: 'claim-closed-model-dependency',
  defaultSeverity: 'warning',
  summary: 'An open-source claim while a model the project runs by default (KAITO preset, `from_pretrained`, vLLM `--model`, Ollama `FROM`…) is under a license the policy rejects.',
  check(context) {
    const { project, policy } = context;
    if (project.models.length === 0) return [];
    const findings: FindingDraft[] = [];
    const closed = closedModels(project.models, policy);
    for (const model of closed) {
      const { reference } = model;
      findings.push({
        rule: this.id,
        severity: 'info',
        severityPinned: true,
        file: reference.file,
        span: reference.span,
        message: `${modelDisplayName(reference, model.resolved)} — ${model.licenseName}, ${model.openSource ? `which ${policy.rejectionPhrase}` : 'not open source'}${model.because}${reference.byDefault ? '' : ` (not run by default: ${reference.notDefaultBecause})`}.`,
        related: [],
        fixes: [],
      });
    }
    const defaults = closed.filter((model) => model.reference.byDefault);
    if (defaults.length === 0) return findings;
    // a model card's claims are about its own model (base-model-license-conflict judges those)
    const modelCards = new Set(project.documents.filter((document) => document.frontMatter).map((document) => document.file));
    const names = [...new Set(defaults.map((model) => modelDisplayName(model.reference, model.resolved)))];
    const first = defaults[0];
    const more = names.length > 1 ? ` (and ${names.length - 1} more default model${names.length > 2 ? 's' : ''}: ${names.slice(1, 4).join(', ')}${names.length > 4 ? '…' : ''})` : '';
    for (const claim of project.claims) {
      if (!isOpennessClaim(claim) || modelCards.has(claim.file)) continue;
      // a claim whose sentence says what the default model is under ("open-source code; the default model … is under …") discloses it
      const text = project.markdown.get(claim.file)?.text;
      if (text !== undefined && /\bdefault model\b/iu.test(sentenceAround(text, claim.span.start, claim.span.end))) continue;
      // a claim the declared license already fails is openwashing by claim-non-osi-license or claim-partial-license
      const outcome = context.verdictOf(claim).outcome;
      if (outcome === 'rejected' || outcome === 'partial') continue;
      findings.push({
        rule: this.id,
        file: claim.file,
        span: claim.span,
        message: `${subject(claim) === 'the model' ? 'The model' : 'The project'} ${calledPhrase(claim)}, but the model it runs by default, ${modelDisplayName(first.reference, first.resolved)}, set by ${first.reference.via} in ${first.reference.file}, is under the ${first.licenseName}, which ${policy.rejectionPhrase}${first.because}${more}.`,
        related: defaults.map((model) => ({ file: model.reference.file, span: model.reference.span, message: `${modelDisplayName(model.reference, model.resolved)}: ${model.licenseName}${model.resolved.source ? ` (source: ${model.resolved.source})` : ''}` })),
        fixes: clarifyFix(claim, text, first),
      });
    }
    return findings;
  },
};
