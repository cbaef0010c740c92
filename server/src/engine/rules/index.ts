// Every rule, registered in one list. Ids are public interface.
import type { Rule } from './rule.js';
import { claimWithoutLicense } from './claimWithoutLicense.js';
import { claimNonOsiLicense } from './claimNonOsiLicense.js';
import { claimPartialLicense } from './claimPartialLicense.js';
import { licenseMismatch } from './licenseMismatch.js';
import { invalidLicenseId } from './invalidLicenseId.js';
import { deprecatedLicenseId } from './deprecatedLicenseId.js';
import { unverifiableLicense } from './unverifiableLicense.js';
import { baseModelLicenseConflict } from './baseModelLicenseConflict.js';
import { osaidIncomplete } from './osaidIncomplete.js';
import { restrictiveClause } from './restrictiveClause.js';
import { claimClosedModelDependency } from './claimClosedModelDependency.js';

export const rules: readonly Rule[] = [
  claimWithoutLicense,
  claimNonOsiLicense,
  claimPartialLicense,
  licenseMismatch,
  invalidLicenseId,
  deprecatedLicenseId,
  unverifiableLicense,
  baseModelLicenseConflict,
  osaidIncomplete,
  restrictiveClause,
  claimClosedModelDependency,
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);
export { docsUrl } from './rule.js';
export type { Rule } from './rule.js';
