// What the engine knows about one license: the SPDX list plus the bundled AI
// and source-available catalog (data/aiLicenses.json) and the Hugging Face Hub
// license ids (data/hfLicenses.json).
import hfData from './data/hfLicenses.json';
import aiData from './data/aiLicenses.json';
import { spdxLicense } from './spdxCatalog.js';

export interface AiLicenseEntry {
  id: string;
  spdx: string | null;
  name: string;
  shortName: string;
  url: string;
  category: string;
  osiApproved: boolean;
  hfIds: string[];
  licenseNames: string[];
  restrictions: { kind: string; text: string }[];
  reason: string;
  textPhrases: string[];
  verified: boolean;
  sources: string[];
  notes?: string;
}

export interface HfLicenseEntry {
  id: string;
  name: string;
  spdx: string | null;
  spdxMatch: 'exact' | 'nearest' | null;
  kind: 'license' | 'family' | 'placeholder';
  aiLicense: string | null;
  note?: string;
}

export const aiLicenses: readonly AiLicenseEntry[] = (aiData as { licenses: AiLicenseEntry[] }).licenses;
export const hfLicenses: readonly HfLicenseEntry[] = (hfData as { licenses: HfLicenseEntry[] }).licenses;

const aiById = new Map(aiLicenses.map((entry) => [entry.id.toLowerCase(), entry]));
const aiBySpdx = new Map(aiLicenses.filter((entry) => entry.spdx).map((entry) => [entry.spdx!.toLowerCase(), entry]));
const aiByName = new Map<string, AiLicenseEntry>();
for (const entry of aiLicenses) {
  for (const name of [...entry.licenseNames, entry.name, entry.shortName]) aiByName.set(normaliseName(name), entry);
}
const hfById = new Map(hfLicenses.map((entry) => [entry.id.toLowerCase(), entry]));

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, ' ').replace(/^the /, '').trim();
}

/** The id to judge a catalog entry by: its SPDX id when it has one, else its LicenseRef. */
export function catalogId(entry: AiLicenseEntry): string {
  return entry.spdx ?? entry.id;
}

export function aiLicense(id: string): AiLicenseEntry | undefined {
  return aiById.get(id.toLowerCase()) ?? aiBySpdx.get(id.toLowerCase());
}

/** A Hugging Face Hub `license:` id (case-insensitive). */
export function hfLicense(id: string): HfLicenseEntry | undefined {
  return hfById.get(id.trim().toLowerCase());
}

/** A catalog entry named by a `license_name` value or a license's name in prose. */
export function aiLicenseByName(name: string): AiLicenseEntry | undefined {
  return aiByName.get(normaliseName(name));
}

export interface LicenseDescription {
  id: string;
  name: string;
  url?: string;
  osiApproved: boolean;
  fsfLibre: boolean;
  deprecated: boolean;
  /** Why it is not open source, completing "its license (X) is not OSI-approved: …". */
  reason?: string;
  known: boolean;
}

/** Everything the messages say about one license id (SPDX or LicenseRef). */
export function describeLicense(id: string): LicenseDescription {
  const ai = aiLicense(id);
  const spdx = spdxLicense(id);
  if (spdx) {
    return { id: spdx.id, name: spdx.id, url: spdx.url, osiApproved: spdx.osiApproved, fsfLibre: spdx.fsfLibre, deprecated: spdx.deprecated, reason: ai?.reason, known: true };
  }
  if (ai) return { id: ai.id, name: ai.shortName, url: ai.url, osiApproved: ai.osiApproved, fsfLibre: false, deprecated: false, reason: ai.reason, known: true };
  // an unidentified LICENSE text judged by its restrictive clauses (licenses/clauses/licenseTextVerdict.ts)
  if (id.startsWith('LicenseRef-custom-text-')) return { id, name: `the custom license in ${id.slice('LicenseRef-custom-text-'.length)}`, osiApproved: false, fsfLibre: false, deprecated: false, known: false };
  const name = id.startsWith('LicenseRef-') ? id.slice('LicenseRef-'.length).replace(/-/gu, ' ') : id;
  return { id, name, osiApproved: false, fsfLibre: false, deprecated: false, known: false };
}
