// Full license texts for the fix that creates a LICENSE file, from the
// bundled SPDX texts (spdx-license-list).

/** The SPDX text of a license, with the year filled in; `undefined` when no text is bundled. */
export function licenseFileText(id: string, year = new Date().getFullYear()): string | undefined {
   
  const full = require('spdx-license-list/spdx-full.json') as Record<string, { licenseText?: string }>;
  const text = full[id]?.licenseText;
  if (!text) return undefined;
  return `${text.replace(/<year>/gu, String(year)).trimEnd()}\n`;
}
