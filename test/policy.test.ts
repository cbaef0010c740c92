// Policies and verdicts on SPDX expressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPolicy, judgeExpression } from '../server/src/engine/licenses/policy.js';
import { parseExpression } from '../server/src/engine/licenses/expression.js';
import { resolveHubValue, resolveSpdxValue } from '../server/src/engine/licenses/resolveLicense.js';

const judge = (expression: string, policy = createPolicy('osi')) => judgeExpression(parseExpression(expression)!, policy, expression).outcome;

test('osi: OR passes when one branch passes, AND only when all do', () => {
  assert.equal(judge('MIT'), 'accepted');
  assert.equal(judge('CC-BY-NC-4.0'), 'rejected');
  assert.equal(judge('MIT OR CC-BY-NC-4.0'), 'accepted');
  assert.equal(judge('MIT AND CC-BY-NC-4.0'), 'partial');
  assert.equal(judge('CC-BY-NC-4.0 AND CC-BY-ND-4.0'), 'rejected');
  assert.equal(judge('(MIT AND CC-BY-NC-4.0) OR Apache-2.0'), 'accepted');
  assert.equal(judge('GPL-2.0-only WITH Classpath-exception-2.0'), 'accepted');
  assert.equal(judge('LicenseRef-Llama-3-Community-License'), 'rejected');
  assert.equal(judge('BSL-1.0'), 'accepted', 'BSL-1.0 is the Boost license, OSI-approved');
  assert.equal(judge('BUSL-1.1'), 'rejected');
});

test('cncf, apache-mit and custom policies', () => {
  assert.equal(judge('BSD-3-Clause', createPolicy('cncf')), 'accepted');
  assert.equal(judge('MPL-2.0', createPolicy('cncf')), 'rejected');
  assert.equal(judge('BSD-3-Clause', createPolicy('apache-mit')), 'rejected');
  assert.equal(judge('MIT OR Apache-2.0', createPolicy('apache-mit')), 'accepted');
  assert.equal(judge('MIT', createPolicy('custom')), 'rejected');
  assert.equal(judge('MIT', createPolicy('custom', ['MIT'])), 'accepted');
  assert.equal(judge('LicenseRef-Ours', createPolicy('osi', ['LicenseRef-Ours'])), 'accepted');
  assert.equal(judge('MIT AND CC-BY-4.0', createPolicy('custom', ['MIT AND CC-BY-4.0'])), 'accepted', 'a whole allowed expression');
});

test('declared values: SPDX fields, deprecated ids, corrections, Hugging Face ids', () => {
  assert.deepEqual(resolveSpdxValue('mit').expression, 'MIT');
  assert.deepEqual(resolveSpdxValue('GPL-2.0').deprecatedIds, ['GPL-2.0']);
  const invalid = resolveSpdxValue('Apache 2');
  assert.equal(invalid.invalid, true);
  assert.equal(invalid.suggestion, 'Apache-2.0');
  assert.match(resolveSpdxValue('SEE LICENSE IN LICENSE.txt').unjudgeable ?? '', /points to a file/);
  assert.equal(resolveHubValue('llama3').expression, 'LicenseRef-Llama-3-Community-License');
  assert.equal(resolveHubValue('bsl-1.0').expression, 'BSL-1.0');
  assert.equal(resolveHubValue('apache-2.0').expression, 'Apache-2.0');
  assert.match(resolveHubValue('other').unjudgeable ?? '', /names no license/);
  assert.equal(resolveHubValue('other', 'mrl').expression, 'LicenseRef-Mistral-AI-Research-License-0.1');
  assert.match(resolveHubValue('gpl').unjudgeable ?? '', /version/i);
});
