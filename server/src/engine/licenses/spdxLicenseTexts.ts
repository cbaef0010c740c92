// The SPDX license texts (spdx-license-list's spdx-full.json, 5 MB), one at a
// time. Identification compares a LICENSE file with a handful of them, the fix
// that writes a LICENSE needs one: parsing the whole file for that cost more
// than the rest of a server's first judgment. The engine reads no files: a
// host that runs from the build, where the index of the texts' places in the
// file lies beside it, gives a reader of one text (server/src/spdxTextFile.ts);
// without one (from the sources) the whole file is parsed once, as before.

type FullTexts = Record<string, { licenseText?: string }>;

let full: FullTexts | undefined;
let reader: ((id: string) => string | undefined) | undefined;

/** The host's reader of one license's text (`undefined` when none is bundled): it must answer as the whole file does (allSpdxLicenseTexts). */
export function readSpdxTextsWith(read: (id: string) => string | undefined): void {
  reader = read;
}

/** Every SPDX license with its text, the whole file parsed (several megabytes: for computing all templates, not for one text). */
export function allSpdxLicenseTexts(): FullTexts {
  full ??= require('spdx-license-list/spdx-full.json') as FullTexts;
  return full;
}

/** The SPDX text of a license, `undefined` when none is bundled. */
export function spdxLicenseText(id: string): string | undefined {
  if (reader && !full) return reader(id);
  return allSpdxLicenseTexts()[id]?.licenseText;
}
