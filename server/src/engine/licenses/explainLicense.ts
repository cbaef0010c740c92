// What the bundled knowledge says about one license (an SPDX id, a Hugging
// Face Hub id, a LicenseRef, or a license's name): the CLI's `explain` and the
// editor's hover both show this.
import { aiLicense, aiLicenseByName, catalogId, describeLicense, hfLicense } from './licenseKnowledge.js';
import { resolveHubValue } from './resolveLicense.js';
import { spdxLicense } from './spdxCatalog.js';
import { publicNote, publicSources, type LicenseSource } from './licenseSources.js';

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
  /** Pages to read more: titles and URLs (the catalog's provenance notes are not shown). */
  sources: LicenseSource[];
  /** What else is worth knowing about the license ("Version of 18 Apr 2024."). */
  note?: string;
}

export function explainLicense(query: string): Explanation | undefined {
  const hub = hfLicense(query);
  const resolvedId = spdxLicense(query)?.id ?? aiLicense(query)?.id ?? (hub ? resolveHubValue(query).expression : undefined)
    ?? (aiLicenseByName(query) ? catalogId(aiLicenseByName(query)!) : undefined);
  if (!resolvedId) {
    if (hub) return { query, id: hub.id, name: hub.name, osiApproved: null, fsfLibre: null, deprecated: false, huggingFaceId: hub.id, restrictions: [], sources: publicSources({ huggingFaceId: hub.id }), note: hub.note ?? 'a Hugging Face placeholder or family id: it names no single license' };
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
    sources: publicSources({
      url: description.url ?? undefined,
      spdxId: spdxLicense(resolvedId)?.id,
      huggingFaceId: hub?.id ?? entry?.hfIds[0],
      provenance: entry?.sources,
    }),
    note: publicNote(entry?.notes) ?? hub?.note,
  };
}

