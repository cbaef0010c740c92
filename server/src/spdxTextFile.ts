// Reads one SPDX license text out of the spdx-full.json next to the bundle
// (5 MB) without parsing the rest: the build writes where each text's JSON
// string stands in it (spdx-text-offsets.json, checked against the file when
// written: scripts/licenseData.mjs). The CLI, the server and the facts worker
// hand this reader to the engine (engine/licenses/spdxLicenseTexts.ts).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSpdxTextsWith } from './engine/licenses/spdxLicenseTexts.js';

/** spdx-text-offsets.json: the size of the spdx-full.json it indexes, and each license's text as the byte offset and length of its JSON string there. */
export interface SpdxTextOffsets {
  size: number;
  texts: Record<string, [number, number]>;
}

/** Gives the engine the reader of one text when the index beside the bundle fits the file beside it; from the sources there is none, and the engine parses the whole file. */
export function readSpdxTextsByOffset(): boolean {
  let offsets: SpdxTextOffsets;
  let path: string;
  try {
    // the build keeps both names external: files next to the bundle (scripts/licenseData.mjs)
    const offsetsPath = require.resolve('license-claims:spdx-text-offsets.json');
    offsets = require(offsetsPath) as SpdxTextOffsets;
    path = join(dirname(offsetsPath), 'spdx-full.json');
    if (statSync(path).size !== offsets.size) return false;
  } catch {
    return false;
  }
  readSpdxTextsWith((id) => (Object.hasOwn(offsets.texts, id) ? readText(path, ...offsets.texts[id]) : undefined));
  return true;
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
