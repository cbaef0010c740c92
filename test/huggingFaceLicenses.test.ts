// Every Hugging Face Hub `license:` id is judged as the OSI list says, under an
// open-source claim in a model card. The expectation comes from the SPDX
// list's OSI flag (spdx-license-list), not from our own tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import spdxLicenses from 'spdx-license-list/spdx.json';
import { audit } from '../server/src/engine/audit.js';
import { hfLicenses } from '../server/src/engine/licenses/licenseKnowledge.js';

const osi = new Map(Object.entries(spdxLicenses as Record<string, { osiApproved: boolean }>).map(([id, entry]) => [id.toLowerCase(), entry.osiApproved]));
const claimRules = ['claim-without-license', 'claim-non-osi-license', 'claim-partial-license', 'unverifiable-license'];

test('the catalog holds all 83 Hub license ids', () => {
  assert.equal(hfLicenses.length, 83);
  assert.equal(new Set(hfLicenses.map((entry) => entry.id)).size, 83);
});

for (const entry of hfLicenses) {
  const expected = entry.kind !== 'license' ? 'unverifiable-license'
    : entry.spdx && osi.get(entry.spdx.toLowerCase()) ? undefined
      : 'claim-non-osi-license';
  test(`license: ${entry.id} (${entry.kind}${entry.spdx ? `, SPDX ${entry.spdx}` : ''}) → ${expected ?? 'claim backed'}`, () => {
    const text = `---\nlicense: ${entry.id}\n---\n\nAn open-source model.\n`;
    const findings = audit([{ path: 'README.md', text }]).findings.filter((finding) => claimRules.includes(finding.rule));
    assert.deepEqual(findings.map((finding) => finding.rule), expected ? [expected] : [], findings.map((finding) => finding.message).join('\n'));
  });
}

test('bsl-1.0 is the Boost license (OSI-approved), not the Business Source License', () => {
  const findings = audit([{ path: 'README.md', text: '---\nlicense: bsl-1.0\n---\n\nAn open-source library.\n' }]).findings;
  assert.deepEqual(findings, []);
});
