// PyPI trove classifiers ("License :: OSI Approved :: MIT License").
import { findLicenseMentions } from './licenseMentions.js';

/**
 * The license a classifier names: an id, `''` for a license classifier that
 * names no specific license ("License :: OSI Approved :: BSD License"), or
 * `undefined` for a classifier that is not about the license.
 */
export function troveClassifierLicense(classifier: string): string | undefined {
  const parts = classifier.split('::').map((part) => part.trim());
  if (parts[0] !== 'License' || parts.length < 2) return undefined;
  const name = parts[parts.length - 1];
  if (/proprietary/iu.test(name)) return 'LicenseRef-Proprietary';
  const mention = findLicenseMentions(name).find((candidate) => candidate.id !== undefined);
  return mention?.id ?? '';
}
