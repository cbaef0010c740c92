// Writes server/src/engine/licenses/data/aiLicenseFingerprints.json: for each
// AI or source-available catalog entry (data/aiLicenses.json) whose official
// text is at hand and that has no SPDX text, the fingerprint of that text
// (licenseFingerprint.ts: sampled 5-gram hashes, never the text).
//
//   npx tsx scripts/make-ai-fingerprints.ts [--shared DIR] [--text ID=FILE=SOURCE …]
//
// Texts come from ../shared/license-texts (its truth.json names each file's
// license, repository and commit; a file is taken when its truth is a catalog
// id) and from `--text` arguments: a catalog id, a local copy of the official
// text read from a public repository, and where it was read
// ("owner/repo path@commit"). Only the data file is committed; the runtime
// never reads these texts. The committed data also holds the two Tencent
// Hunyuan Community License texts, given with
//   --text 'LicenseRef-Tencent-Hunyuan-Community-License=<copy>=Tencent-Hunyuan/HunyuanVideo LICENSE.txt@0865a213e0e6'
//   --text 'LicenseRef-Tencent-Hunyuan-Community-License=<copy>=Tencent/HunyuanDiT LICENSE.txt@8ba87c20313c'
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aiLicense } from '../server/src/engine/licenses/licenseKnowledge.js';
import { encodeHashes, fingerprintOf, sampleRate, shingleLength, type FingerprintEntry } from '../server/src/engine/licenses/licenseFingerprint.js';
import { readLicenseWords } from '../server/src/engine/licenses/licenseTextWords.js';
import { coverageThreshold, licenseCandidates } from '../server/src/engine/licenses/identifyLicenseText.js';

const out = 'server/src/engine/licenses/data/aiLicenseFingerprints.json';
const args = process.argv.slice(2);
let shared = '../shared/license-texts';
const extra: { id: string; file: string; source: string }[] = [];
for (let index = 0; index < args.length; index++) {
  if (args[index] === '--shared') shared = args[++index];
  else if (args[index] === '--text') {
    const [id, file, ...source] = args[++index].split('=');
    extra.push({ id, file, source: source.join('=') });
  } else throw new Error(`unknown argument ${args[index]}`);
}

const spdxTexts = JSON.parse(readFileSync(require.resolve('spdx-license-list/spdx-full.json'), 'utf8')) as Record<string, { licenseText?: string }>;

interface Truth {
  truth: string | null;
  repo: string;
  commit: string;
  path: string;
}

const texts: { id: string; text: string; source: string }[] = [];
const truth = JSON.parse(readFileSync(join(shared, 'truth.json'), 'utf8')) as Record<string, Truth>;
for (const [file, entry] of Object.entries(truth)) {
  const known = entry.truth ? aiLicense(entry.truth) : undefined;
  if (!known || known.id !== entry.truth) continue;
  // a license with an SPDX text is identified by that text
  if (known.spdx && spdxTexts[known.spdx]?.licenseText) continue;
  const text = readFileSync(join(shared, 'files', file), 'utf8');
  // a file that holds an SPDX license's text plus the entry (the Commons Clause on the LGPL) is not the entry's text
  const lines = text.split('\n').length;
  if (licenseCandidates(text).some((candidate) => candidate.coverage >= coverageThreshold && candidate.endLine - candidate.startLine + 1 >= 0.5 * lines)) continue;
  texts.push({ id: known.id, text, source: `${entry.repo} ${entry.path}@${entry.commit.slice(0, 12)}` });
}
for (const { id, file, source } of extra) {
  const known = aiLicense(id);
  if (!known || known.id !== id) throw new Error(`${id} is not a catalog id`);
  texts.push({ id, text: readFileSync(file, 'utf8'), source });
}

// one fingerprint per text of a license, but one for two copies that differ only in small ways (two dated
// versions of the CreativeML Open RAIL++-M are two)
const fingerprints: FingerprintEntry[] = [];
const kept: { id: string; hashes: Set<number> }[] = [];
for (const { id, text, source } of texts) {
  const words = readLicenseWords(text).words;
  const hashes = fingerprintOf(words);
  const same = kept.some((other) => other.id === id && hashes.filter((value) => other.hashes.has(value)).length >= 0.98 * Math.max(hashes.length, other.hashes.size));
  if (same) continue;
  kept.push({ id, hashes: new Set(hashes) });
  fingerprints.push({ id, source, words: words.length, hashes: encodeHashes(hashes) });
}
fingerprints.sort((a, b) => a.id.localeCompare(b.id) || a.source.localeCompare(b.source));
writeFileSync(out, `${JSON.stringify({ shingleLength, sampleRate, fingerprints }, null, 1)}\n`);
console.log(`${out}: ${fingerprints.length} fingerprints\n${fingerprints.map((entry) => `  ${entry.id} (${entry.source}, ${entry.words} words)`).join('\n')}`);
