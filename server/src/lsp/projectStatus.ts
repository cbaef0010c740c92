// The status of the project a document belongs to: what it declares, and
// whether that is open source under the policy.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { judgeDeclaration } from '../engine/claimVerdict.js';
import { createPolicy, type PolicyName } from '../engine/licenses/policy.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import type { ProjectStatus } from '../protocol.js';
import type { Validation } from './validation.js';
import type { Declaration } from '../engine/types.js';

const isTroveClassifier = (raw: string) => raw.startsWith('License :: ');

/** A declaration's license in a few words: its name, a classifier's last part, or what is wrong with an empty value. */
function statusName(declaration: Declaration): string {
  if (declaration.expression) return describeLicense(declaration.expression).name;
  const raw = declaration.raw.trim();
  if (isTroveClassifier(raw)) return raw.slice(raw.lastIndexOf('::') + 2).trim();
  return raw || 'empty license';
}

export function projectStatus(validation: Validation | undefined, policyName: PolicyName | undefined): ProjectStatus {
  if (!validation) return { project: null, licenses: 'no workspace folder', verdict: 'none', findings: 0 };
  const { context, result } = validation;
  const project = result.workspace.projectOf(context.path).governing;
  const declarations = result.workspace.declarationsFor(context.path);
  const policy = createPolicy(policyName ?? 'osi');
  // a trove classifier ("License :: OSI Approved :: BSD License") says less than the license id beside it
  const anyExpression = declarations.some((declaration) => declaration.expression);
  const shown = declarations.filter((declaration) => declaration.expression || !(anyExpression && isTroveClassifier(declaration.raw)));
  const names = [...new Set(shown.map((declaration) => {
    const name = statusName(declaration);
    return declaration.scope === 'all' ? name : `${name} (${declaration.scope})`;
  }))];
  const outcomes = declarations.map((declaration) => judgeDeclaration(declaration, policy).outcome);
  const verdict: ProjectStatus['verdict'] = outcomes.length === 0 ? 'none'
    : outcomes.every((outcome) => outcome === 'accepted') ? 'open'
      : outcomes.some((outcome) => outcome === 'accepted' || outcome === 'partial') ? 'partly-open'
        : outcomes.every((outcome) => outcome === 'unjudgeable') ? 'unknown' : 'not-open';
  return {
    project: pathToFileURL(join(context.root, project.root)).href,
    licenses: names.length > 0 ? names.join(', ') : 'no license',
    verdict,
    findings: validation.findings.length,
  };
}
