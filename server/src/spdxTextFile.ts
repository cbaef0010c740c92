// Reads one SPDX license text out of the spdx-full.json next to the bundle
// (5 MB) without parsing the rest: the build writes where each text's JSON
// string stands in it (spdx-text-offsets.json, checked against the file when
// written: scripts/licenseData.mjs). The CLI, the server and the facts worker
// hand this reader to the engine (engine/licenses/spdxLicenseTexts.ts).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allSpdxLicenseTexts, readSpdxTextsWith } from './engine/licenses/spdxLicenseTexts.js';

/** spdx-text-offsets.json: the size of the spdx-full.json it indexes, and each license's text as the byte offset and length of its JSON string there. */
export interface SpdxTextOffsets {
  size: number;
  texts: Record<string, [number, number]>;
}

/**
 * Gives the engine a reader of one text, which reads the index beside the bundle on its first call and,
 * when the index fits the file beside it, the text alone; else (run from the sources, or an index that
 * does not fit) the engine's whole-file reading.
 */
export function readSpdxTextsByOffset(): void {
  let index: { path: string; offsets: SpdxTextOffsets } | null | undefined;
  readSpdxTextsWith((id) => {
    index ??= textIndex();
    if (!index) return allSpdxLicenseTexts()[id]?.licenseText;
    if (!Object.hasOwn(index.offsets.texts, id)) return undefined;
    try {
      return readText(index.path, ...index.offsets.texts[id]);
    } catch {
      // a file changed since the index was written (same size, other bytes): the whole file is read from now on
      index = null;
      return allSpdxLicenseTexts()[id]?.licenseText;
    }
  });
}

function textIndex(): { path: string; offsets: SpdxTextOffsets } | null {
  try {
    // the build keeps both names external: files next to the bundle (scripts/licenseData.mjs)
    const offsets = require('license-claims:spdx-text-offsets.json') as SpdxTextOffsets;
    const path = join(dirname(require.resolve('license-claims:spdx-text-offsets.json')), 'spdx-full.json');
    return statSync(path).size === offsets.size ? { path, offsets } : null;
  } catch {
    return null;
  }
}

function readText(path: string, offset: number, length: number): string {
  const bytes = Buffer.alloc(length);
  const descriptor = openSync(path, 'r');
  try {
    let read = 0;
    while (read < length) {
      const count = readSync(descriptor, bytes, read, length - read, offset + read);
      if (count === 0) break;
      read += count;
    }
  } finally {
    closeSync(descriptor);
  }
  const text: unknown = JSON.parse(bytes.toString('utf8'));
  if (typeof text !== 'string') throw new Error(`spdx-text-offsets.json does not point at a license text of ${path} (offset ${offset})`);
  return text;
}
