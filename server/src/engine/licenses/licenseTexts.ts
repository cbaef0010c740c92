// Full license texts for the fix that creates a LICENSE file, from the
// bundled SPDX texts (spdx-license-list).
import { spdxLicenseText } from './spdxLicenseTexts.js';

/** The placeholders of a license text's copyright line (MIT, BSD): what the editor selects when no holder is known. */
export const holderPlaceholders = ['<copyright holders>', '<owner>'];

/**
 * The SPDX text of a license, with the year filled in, and the copyright
 * holder when known; `undefined` when no text is bundled.
 */
export function licenseFileText(id: string, year = new Date().getFullYear(), holder?: string): string | undefined {
  const text = spdxLicenseText(id);
  if (!text) return undefined;
  let filled = text.replace(/<year>/gu, String(year));
  if (holder) for (const placeholder of holderPlaceholders) filled = filled.split(placeholder).join(holder);
  return `${filled.trimEnd()}\n`;
}
