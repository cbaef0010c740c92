// `license-claims explain ID`: what the bundled knowledge says about a license
// (an SPDX id, a Hugging Face Hub id, a LicenseRef, or a license's name);
// `explain FILE`: the license X-ray of a LICENSE-like file (licenseXray.ts).
import { readFileSync, statSync } from 'node:fs';
import { explainLicense, type Explanation } from '../engine/licenses/explainLicense.js';
import { formatXray, licenseXray, type LicenseXray } from './licenseXray.js';
import { UsageError } from './usageError.js';

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell (names no single license)' : value ? 'yes' : 'no');

export function runExplain(ids: string[], format: 'text' | 'json', out: (text: string) => void): number {
  if (ids.length === 0) throw new UsageError('explain needs a license id (SPDX, Hugging Face or LicenseRef) or name');
  const explanations = ids.map((id): Explanation | LicenseXray => {
    // an existing file is read (a license id is never a path that exists: "MIT" would be ./MIT)
    if (isFile(id)) return licenseXray(id, readText(id));
    const explanation = explainLicense(id);
    if (!explanation) throw new UsageError(`unknown license "${id}": not an SPDX id, a Hugging Face license id, or a license in the bundled catalog`);
    return explanation;
  });
  if (format === 'json') {
    out(`${JSON.stringify(explanations, null, 2)}\n`);
    return 0;
  }
  for (const item of explanations) {
    if ('restrictions' in item && 'verdict' in item) {
      out(formatXray(item));
      continue;
    }
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
