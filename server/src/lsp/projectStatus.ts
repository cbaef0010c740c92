// The status of the project a document belongs to: what it declares, and
// whether that is open source under the policy.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { judgeDeclaration } from '../engine/claimVerdict.js';
import { createPolicy, type PolicyName } from '../engine/licenses/policy.js';
import { describeLicense } from '../engine/licenses/licenseKnowledge.js';
import type { ProjectStatus } from '../protocol.js';
import type { Validation } from './validation.js';

export function projectStatus(validation: Validation | undefined, policyName: PolicyName | undefined): ProjectStatus {
  if (!validation) return { project: null, licenses: 'no workspace folder', verdict: 'none', findings: 0 };
  const { context, result } = validation;
  const project = result.workspace.projectOf(context.path).governing;
  const declarations = result.workspace.declarationsFor(context.path);
  const policy = createPolicy(policyName ?? 'osi');
  const names = [...new Set(declarations.map((declaration) => {
    const name = declaration.expression ? describeLicense(declaration.expression).name : declaration.raw;
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
