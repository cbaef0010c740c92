// The SPDX license list, bundled from maintained packages: names and the OSI
// flag from spdx-license-list, deprecated ids from spdx-license-ids, the FSF
// "free/libre" flag from @nodesecure/licenses-conformance (its table of the
// SPDX list's isFsfLibre).
import spdxLicenses from 'spdx-license-list/spdx.json';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import { spdx as conformance } from '@nodesecure/licenses-conformance/src/spdx.js';

export interface SpdxLicenseInfo {
  id: string;
  name: string;
  url: string;
  osiApproved: boolean;
  /** The FSF counts it as a free software license. */
  fsfLibre: boolean;
  deprecated: boolean;
}

const deprecated = new Set<string>(deprecatedIds);
const fsfLibre = new Set(Object.values(conformance).filter((entry) => entry.fsf).map((entry) => entry.id.toLowerCase()));
const byLowerId = new Map<string, SpdxLicenseInfo>();
for (const [id, entry] of Object.entries(spdxLicenses as Record<string, { name: string; url: string; osiApproved: boolean }>)) {
  byLowerId.set(id.toLowerCase(), { id, name: entry.name, url: entry.url, osiApproved: entry.osiApproved, fsfLibre: fsfLibre.has(id.toLowerCase()), deprecated: deprecated.has(id) });
}
for (const id of deprecated) {
  if (!byLowerId.has(id.toLowerCase())) {
    byLowerId.set(id.toLowerCase(), { id, name: id, url: `https://spdx.org/licenses/${id}.html`, osiApproved: false, fsfLibre: fsfLibre.has(id.toLowerCase()), deprecated: true });
  }
}

/** Looks an SPDX license id up, case-insensitively (SPDX ids match case-insensitively). */
export function spdxLicense(id: string): SpdxLicenseInfo | undefined {
  return byLowerId.get(id.toLowerCase());
}

export function allSpdxLicenses(): Iterable<SpdxLicenseInfo> {
  return byLowerId.values();
}

/** The ids that replace a deprecated id (`GPL-2.0` → `GPL-2.0-only`, `GPL-2.0-or-later`). */
export function deprecatedReplacements(id: string): string[] {
  const candidates = id.endsWith('+') ? [`${id.slice(0, -1)}-or-later`] : [`${id}-only`, `${id}-or-later`];
  return candidates.filter((candidate) => {
    const info = spdxLicense(candidate);
    return info !== undefined && !info.deprecated;
  }).map((candidate) => spdxLicense(candidate)!.id);
}
