// osaid-incomplete: a hint once per model card, and none when the card's
// open-source claim already fails on its license (one squiggle per claim).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../server/src/engine/audit.js';
import type { SourceFile } from '../server/src/engine/types.js';

const rulesOf = (files: SourceFile[]) => audit(files, { configFor: () => ({}) }).findings.map((finding) => `${finding.rule}@${finding.span.start}`);

test('a backed model card with two "open-source model" claims gets one osaid-incomplete hint, at the first claim', () => {
  const text = '---\nlicense: apache-2.0\n---\n\nFoo-7B is an open-source model.\n\nWe believe in open-source models like Foo-7B.\n';
  const findings = rulesOf([{ path: 'README.md', text }]);
  assert.deepEqual(findings, [`osaid-incomplete@${text.indexOf('open-source model')}`]);
});

test('no osaid-incomplete on a card whose claim already fails on its license', () => {
  const text = '---\nlicense: llama3\n---\n\nFoo-8B is an open-source model.\n';
  const findings = rulesOf([{ path: 'README.md', text }]);
  assert.ok(findings.some((finding) => finding.startsWith('claim-non-osi-license@')), JSON.stringify(findings));
  assert.ok(!findings.some((finding) => finding.startsWith('osaid-incomplete@')), JSON.stringify(findings));
});

test('no osaid-incomplete on a card without a license', () => {
  const findings = rulesOf([{ path: 'README.md', text: '---\ntags: [x]\n---\n\nFoo-8B is an open-source model.\n' }]);
  assert.ok(!findings.some((finding) => finding.startsWith('osaid-incomplete@')), JSON.stringify(findings));
});
