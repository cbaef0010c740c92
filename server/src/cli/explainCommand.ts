// `license-claims explain ID`: what the bundled knowledge says about a license
// (an SPDX id, a Hugging Face Hub id, a LicenseRef, or a license's name).
import { explainLicense } from '../engine/licenses/explainLicense.js';
import { UsageError } from './usageError.js';

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell (names no single license)' : value ? 'yes' : 'no');

export function runExplain(ids: string[], format: 'text' | 'json', out: (text: string) => void): number {
  if (ids.length === 0) throw new UsageError('explain needs a license id (SPDX, Hugging Face or LicenseRef) or name');
  const explanations = ids.map((id) => {
    const explanation = explainLicense(id);
    if (!explanation) throw new UsageError(`unknown license "${id}": not an SPDX id, a Hugging Face license id, or a license in the bundled catalog`);
    return explanation;
  });
  if (format === 'json') {
    out(`${JSON.stringify(explanations, null, 2)}\n`);
    return 0;
  }
  for (const item of explanations) {
    const lines = [
      `${item.name} (${item.id})`,
      `  OSI-approved: ${yesNo(item.osiApproved)}    FSF free/libre: ${yesNo(item.fsfLibre)}${item.deprecated ? '    deprecated SPDX id' : ''}`,
      ...(item.huggingFaceId ? [`  Hugging Face id: ${item.huggingFaceId}`] : []),
      ...(item.reason ? [`  Why it is not open source: ${item.reason}`] : []),
      ...item.restrictions.map((restriction) => `  - ${restriction.kind}: ${restriction.text}`),
      ...(item.note ? [`  Note: ${item.note}`] : []),
      ...item.sources.map((source) => `  ${source.title}: ${source.url}`),
    ];
    out(`${lines.join('\n')}\n\n`);
  }
  return 0;
}
