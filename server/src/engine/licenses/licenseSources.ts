// What a user is shown of where the catalog's knowledge comes from: titles
// and URLs, never the maintainers' provenance notes ("research notes §2a",
// "textPhrases checked against the corpus copy", "listVersionAdded 3.28"),
// which stay in data/aiLicenses.json for whoever reviews the data.

export interface LicenseSource {
  title: string;
  url: string;
}

const hubLicensesPage: LicenseSource = { title: 'Hugging Face Hub license list', url: 'https://huggingface.co/docs/hub/repositories-licenses' };

/** Host-and-path references written without a scheme in the notes (`opensource.org/blog/…`, `ai.google.dev/gemma/terms`). */
const webReference = /\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:org|com|ai|dev|io|net)\/[^\s,;)'"]+)/giu;

/** Sources of internal bookkeeping, not pages a user can open. */
const internalHosts = /^(?:github\.com\/license-claims)/iu;

/**
 * The sources to show for a catalog entry: the license text, the SPDX page,
 * the Hugging Face Hub list when the license has a Hub id, and the web pages
 * the provenance notes cite — deduplicated by URL.
 */
export function publicSources(options: { url?: string; spdxId?: string; huggingFaceId?: string; provenance?: readonly string[] }): LicenseSource[] {
  const found: LicenseSource[] = [];
  const add = (source: LicenseSource) => {
    if (!found.some((known) => known.url === source.url)) found.push(source);
  };
  if (options.url) add({ title: 'License text', url: options.url });
  if (options.spdxId) add({ title: `SPDX License List: ${options.spdxId}`, url: `https://spdx.org/licenses/${options.spdxId}.html` });
  if (options.huggingFaceId) add(hubLicensesPage);
  for (const note of options.provenance ?? []) {
    for (const match of note.matchAll(webReference)) {
      const reference = match[1].replace(/[.:]+$/u, '');
      if (internalHosts.test(reference)) continue;
      add({ title: reference, url: `https://${reference}` });
    }
  }
  return found;
}

/** Sentences of a catalog note that speak of the catalog's own making, not of the license. */
const bookkeeping = /text ?phrases?|corpus|listVersionAdded|research notes|§|hub-docs|not available locally|ScanCode|grand-licensed-in|\b(?:do not|never|unverified|facts are|primary|secondary|verbatim|judged from|map(?:s|ped)?|entry|the author|notes|url is|licenseNames|read from|left out|placeholder|template|display name|installed)\b/iu;

/** A catalog note without its bookkeeping sentences ("Version of 18 Apr 2024."); undefined when nothing is left. */
export function publicNote(note: string | undefined): string | undefined {
  if (!note) return undefined;
  // a sentence ends at a full stop and a space (not in "1.0" or after "e.g.")
  const sentences = note.split(/(?<!\b(?:e\.g|i\.e|etc|vs))(?<=[.!?])\s+/u);
  const kept = sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence && !bookkeeping.test(sentence));
  return kept.length > 0 ? kept.join(' ') : undefined;
}
