// AI and source-available licenses identified by a fingerprint of their
// official text (licenseFingerprint.ts, data/aiLicenseFingerprints.json):
// a copy is that license; a copy with an added condition or a removed clause
// is a modified one, never the pristine license. Our own fixture text for the
// shapes; the real files of ../shared/license-texts (skipped with the reason
// when absent) for the bundled fingerprints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFingerprints, encodeHashes, fingerprintOf, identifyByFingerprint, type FingerprintEntry } from '../server/src/engine/licenses/licenseFingerprint.js';
import { readLicenseWords } from '../server/src/engine/licenses/licenseTextWords.js';
import { identifyLicenseText } from '../server/src/engine/licenses/identifyLicenseText.js';
import fingerprintData from '../server/src/engine/licenses/data/aiLicenseFingerprints.json';
import { licenseText, repoRoot } from './support/workspace.js';
import { rewrap } from './support/rewrap.js';

// a license of our own writing, in the shape of a model license
const exampleParagraphs = [
  'EXAMPLE LABS OPEN WEIGHTS MODEL AGREEMENT',
  'Version 1.0, released on the first of March.',
  '1. Definitions. "Agreement" means the terms and conditions for use, reproduction, distribution and modification of the Example Materials set out here. "Example Materials" means the trained weights, the inference code and the documentation that Example Labs makes available under this Agreement.',
  '2. Grant of rights. Subject to your compliance with this Agreement, Example Labs grants you a worldwide, non-exclusive, royalty-free and limited license under its intellectual property to use, reproduce, distribute, copy, create derivative works of and make modifications to the Example Materials.',
  '3. Redistribution. If you distribute the Example Materials or any derivative of them, you shall provide a copy of this Agreement with them, and you shall keep every attribution notice that came with the Example Materials, in a text file distributed as part of such copies.',
  '4. Responsible use. You agree to follow the responsible use guide published with the Example Materials, and not to use the Example Materials or their outputs to harm people, to deceive people about the origin of generated content, or to break any applicable law or regulation.',
  '5. Disclaimer of warranty. Unless required by applicable law, the Example Materials and any output and results therefrom are provided on an as is basis, without warranties of any kind, and you are solely responsible for determining the appropriateness of using or redistributing them.',
  '6. Limitation of liability. In no event will Example Labs or its affiliates be liable under any theory of liability, whether in contract, tort, negligence or otherwise, for any lost profits or any indirect, special, consequential, incidental, exemplary or punitive damages arising out of this Agreement.',
  '7. Term and termination. The term of this Agreement begins when you accept it or access the Example Materials and continues until it is terminated. Example Labs may terminate this Agreement if you are in breach of any of its terms, and you shall then delete and cease use of the Example Materials.',
];
const exampleText = exampleParagraphs.join('\n\n');
const exampleId = 'LicenseRef-Example-Labs-Open-Weights';
const examplePrints = compileFingerprints([{ id: exampleId, source: 'test fixture', words: 0, hashes: encodeHashes(fingerprintOf(readLicenseWords(exampleText).words)) }]);
const byExample = (text: string) => identifyByFingerprint(readLicenseWords(text), examplePrints);
const addedClause = 'You may not use the Example Materials to operate a hosted service that competes with any product of Example Labs.';

test('fingerprint: a re-wrapped copy with its own copyright line is the license', () => {
  const copy = `Copyright (c) 2025 Example Labs, Inc. All rights reserved.\n\n${rewrap(exampleText, 60)}`;
  assert.deepEqual(byExample(copy), { license: exampleId, confidence: 0.99 });
});

test('fingerprint: a copy with an added condition is a modified license, based on it, with the added sentence', () => {
  const paragraphs = [...exampleParagraphs];
  paragraphs.splice(5, 0, `4a. Competition. ${addedClause}`);
  const found = byExample(paragraphs.join('\n\n'));
  assert.equal(found?.license, 'LicenseRef-modified-Example-Labs-Open-Weights');
  assert.equal(found?.basedOn, exampleId);
  assert.match(found?.addedText ?? '', /competes with any product of Example Labs/u);
});

test('fingerprint: a copy with a clause removed is not the pristine license', () => {
  const found = byExample(exampleParagraphs.filter((_, index) => index !== 5).join('\n\n'));
  assert.equal(found?.license, 'LicenseRef-modified-Example-Labs-Open-Weights');
  assert.equal(found?.basedOn, exampleId);
  assert.match(found?.note ?? '', /missing/u);
});

test('fingerprint: another license, or a short part of this one, is not it', () => {
  assert.equal(byExample(licenseText('Apache-2.0')), undefined);
  assert.equal(byExample(exampleParagraphs.slice(0, 4).join('\n\n')), undefined);
});

test('bundled fingerprints: hashes of catalog licenses with a named source, not their text', () => {
  const entries = (fingerprintData as { fingerprints: FingerprintEntry[] }).fingerprints;
  assert.ok(entries.length >= 10, `${entries.length} fingerprints`);
  for (const entry of entries) {
    assert.match(entry.id, /^LicenseRef-/u);
    assert.match(entry.source, /^\S+\/\S+ .+@[0-9a-f]{7,}$/u, `${entry.id} names its repository, path and commit`);
    assert.match(entry.hashes, /^[A-Za-z0-9+/]+=*$/u);
    const count = Buffer.from(entry.hashes, 'base64').length / 4;
    // about one 5-gram in four of the text's
    assert.ok(count > entry.words / 8 && count < entry.words / 2.5, `${entry.id}: ${count} hashes for ${entry.words} words`);
  }
});

const shared = join(repoRoot, '..', 'shared', 'license-texts');

interface Truth { truth: string | null; repo: string; commit: string; path: string }

function fingerprintedFiles(): { file: string; id: string; text: string }[] | string {
  if (!existsSync(join(shared, 'truth.json'))) return `${shared} is not there`;
  const truth = JSON.parse(readFileSync(join(shared, 'truth.json'), 'utf8')) as Record<string, Truth>;
  const entries = (fingerprintData as { fingerprints: FingerprintEntry[] }).fingerprints;
  const found: { file: string; id: string; text: string }[] = [];
  for (const [file, entry] of Object.entries(truth)) {
    const print = entries.find((candidate) => candidate.source === `${entry.repo} ${entry.path}@${entry.commit.slice(0, 12)}`);
    if (print) found.push({ file, id: print.id, text: readFileSync(join(shared, 'files', file), 'utf8') });
  }
  return found;
}

test('real files: each fingerprinted LICENSE of ../shared/license-texts is its license, by its fingerprint', (t) => {
  const files = fingerprintedFiles();
  if (typeof files === 'string') return t.skip(files);
  assert.ok(files.length >= 10, `${files.length} files`);
  for (const { file, id, text } of files) {
    const found = identifyLicenseText(text);
    assert.equal(found.license, id, file);
    assert.equal(found.method, 'full-text', `${file} by its fingerprint`);
  }
});

test('real files: an added condition or a removed paragraph makes each a modified license, never the pristine one', (t) => {
  const files = fingerprintedFiles();
  if (typeof files === 'string') return t.skip(files);
  for (const { file, id, text } of files) {
    const paragraphs = text.split(/\n\s*\n/u);
    const withClause = [...paragraphs.slice(0, 3), addedClause.replace(/Example Materials/gu, 'Model'), ...paragraphs.slice(3)].join('\n\n');
    const added = identifyLicenseText(withClause);
    assert.equal(added.basedOn, id, `${file} with an added condition: ${added.license}`);
    assert.match(added.license ?? '', /^LicenseRef-modified-/u, file);
    // a clause left out: the longest paragraph of at most a fifth of the text
    const clause = paragraphs.reduce((best, paragraph, index) => (paragraph.length <= text.length / 5 && paragraph.length > (paragraphs[best]?.length ?? 0) ? index : best), -1);
    assert.ok(clause >= 0 && paragraphs[clause].split(/\s+/u).length >= 30, `${file} has a paragraph of 30 words or more`);
    const removed = identifyLicenseText(paragraphs.filter((_, index) => index !== clause).join('\n\n'));
    assert.notEqual(removed.license, id, `${file} without its paragraph “${paragraphs[clause].slice(0, 60)}…”`);
    assert.equal(removed.basedOn, id, `${file} without a paragraph: ${removed.license}`);
  }
});
