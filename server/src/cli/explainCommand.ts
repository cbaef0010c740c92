// `license-claims explain ID`: what the bundled knowledge says about a license
// (an SPDX id, a Hugging Face Hub id, a LicenseRef, or a license's name).
import { aiLicense, aiLicenseByName, catalogId, describeLicense, hfLicense } from '../engine/licenses/licenseKnowledge.js';
import { resolveHubValue } from '../engine/licenses/resolveLicense.js';
import { spdxLicense } from '../engine/licenses/spdxCatalog.js';
import { UsageError } from './usageError.js';

export interface Explanation {
  query: string;
  id: string;
  name: string;
  /** null for a family or placeholder id, which names no single license. */
  osiApproved: boolean | null;
  fsfLibre: boolean | null;
  deprecated: boolean;
  huggingFaceId?: string;
  category?: string;
  restrictions: { kind: string; text: string }[];
  reason?: string;
  url?: string;
  sources: string[];
  note?: string;
}

export function explain(query: string): Explanation | undefined {
  const hub = hfLicense(query);
  const resolvedId = spdxLicense(query)?.id ?? aiLicense(query)?.id ?? (hub ? resolveHubValue(query).expression : undefined)
    ?? (aiLicenseByName(query) ? catalogId(aiLicenseByName(query)!) : undefined);
  if (!resolvedId) {
    if (hub) return { query, id: hub.id, name: hub.name, osiApproved: null, fsfLibre: null, deprecated: false, huggingFaceId: hub.id, restrictions: [], sources: [], note: hub.note ?? 'a Hugging Face placeholder or family id: it names no single license' };
    return undefined;
  }
  const description = describeLicense(resolvedId);
  const entry = aiLicense(resolvedId);
  return {
    query,
    id: description.id,
    name: entry?.name ?? spdxLicense(resolvedId)?.name ?? description.name,
    osiApproved: description.osiApproved,
    fsfLibre: description.fsfLibre,
    deprecated: description.deprecated,
    huggingFaceId: hub?.id ?? entry?.hfIds[0],
    category: entry?.category,
    restrictions: entry?.restrictions ?? [],
    reason: description.reason,
    url: description.url ?? undefined,
    sources: entry?.sources ?? (spdxLicense(resolvedId) ? [`SPDX License List: https://spdx.org/licenses/${description.id}.html`] : []),
    note: entry?.notes ?? hub?.note,
  };
}

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell (names no single license)' : value ? 'yes' : 'no');

export function runExplain(ids: string[], format: 'text' | 'json', out: (text: string) => void): number {
  if (ids.length === 0) throw new UsageError('explain needs a license id (SPDX, Hugging Face or LicenseRef) or name');
  const explanations = ids.map((id) => {
    const explanation = explain(id);
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
      ...(item.url ? [`  Text: ${item.url}`] : []),
      ...item.sources.map((source) => `  Source: ${source}`),
    ];
    out(`${lines.join('\n')}\n\n`);
  }
  return 0;
}
