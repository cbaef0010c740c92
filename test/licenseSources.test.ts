// What `explain`, the hover and the explain page show of the catalog's
// sources and notes: titles and URLs, never the maintainers' provenance notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainLicense } from '../server/src/engine/licenses/explainLicense.js';
import { aiLicenses } from '../server/src/engine/licenses/licenseKnowledge.js';
import { publicNote } from '../server/src/engine/licenses/licenseSources.js';
import { audit } from '../server/src/engine/audit.js';

const internal = /research notes|§|text ?phrases|corpus|listVersionAdded|hub-docs|ScanCode/iu;

test('every catalog license is explained with sources that are titles and https URLs, and no internal notes', () => {
  for (const entry of aiLicenses) {
    const explanation = explainLicense(entry.id)!;
    assert.ok(explanation, entry.id);
    for (const source of explanation.sources) {
      assert.match(source.url, /^https:\/\/\S+$/u, `${entry.id}: ${JSON.stringify(source)}`);
      assert.doesNotMatch(source.title, internal, entry.id);
    }
    assert.doesNotMatch(explanation.note ?? '', internal, `${entry.id}: ${explanation.note}`);
  }
});

test('the Llama 3 explanation keeps its version note and links its license text', () => {
  const explanation = explainLicense('llama3')!;
  assert.equal(explanation.note, 'Version of 18 Apr 2024.');
  assert.ok(explanation.sources.some((source) => source.title === 'License text' && /huggingface\.co\/meta-llama/u.test(source.url)));
});

test('publicNote drops bookkeeping sentences and keeps the rest whole', () => {
  assert.equal(publicNote('Version of 6 Dec 2024. textPhrases are the title only (text not available locally).'), 'Version of 6 Dec 2024.');
  assert.equal(publicNote('A condition added on top of another license (e.g. "Apache-2.0 with Commons Clause"); the whole combination is not open source. No URL in the notes.'),
    'A condition added on top of another license (e.g. "Apache-2.0 with Commons Clause"); the whole combination is not open source.');
  assert.equal(publicNote('SPDX keeps all CC licences under a historical "grand-licensed-in" consensus; listVersionAdded 1.20.'), undefined);
});

test('base-model-license-conflict names the base model\'s license and its URL in related information, not the catalog\'s notes', () => {
  const text = '---\nlicense: mit\nbase_model: meta-llama/Meta-Llama-3-8B\n---\n\nA fine-tune.\n';
  const finding = audit([{ path: 'README.md', text }], { configFor: () => ({}) }).findings.find((candidate) => candidate.rule === 'base-model-license-conflict')!;
  assert.ok(finding, 'a base-model-license-conflict finding');
  assert.match(finding.related[0].message, /^base_model: meta-llama\/Meta-Llama-3-8B is under the Llama 3 Community License \(https:\/\/huggingface\.co\/\S+\)$/u);
  assert.doesNotMatch(finding.related[0].message, /notes|§|hub-docs/u);
});
