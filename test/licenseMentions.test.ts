import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLicenseMentions } from '../server/src/engine/licenses/licenseMentions.js';
import { troveClassifierLicense } from '../server/src/engine/licenses/troveClassifiers.js';

test('licenses named in prose', () => {
  const cases: [string, string[]][] = [
    ['the Apache License, Version 2.0', ['Apache-2.0']],
    ['MIT or Apache 2.0, at your option', ['MIT', 'Apache-2.0']],
    ['GPLv3', ['GPL-3.0-only']],
    ['LGPL-2.1-or-later', ['LGPL-2.1-or-later']],
    ['the 3-Clause BSD License', ['BSD-3-Clause']],
    ['CC BY-NC 4.0', ['CC-BY-NC-4.0']],
    ['Creative Commons Attribution-NonCommercial-ShareAlike 4.0', ['CC-BY-NC-SA-4.0']],
    ['the Meta Llama 3 Community License', ['LicenseRef-Llama-3-Community-License']],
    ['Mit freundlichen Grüßen', []],
  ];
  for (const [text, ids] of cases) assert.deepEqual(findLicenseMentions(text).map((mention) => mention.id), ids, text);
});

test('custom license names are found only when asked for, and descriptions are not names', () => {
  assert.deepEqual(findLicenseMentions('the Acme Model Community License Agreement', { custom: true }).map((mention) => mention.text), ['Acme Model Community License Agreement']);
  assert.deepEqual(findLicenseMentions('the Acme Model Community License Agreement').length, 0);
  assert.deepEqual(findLicenseMentions('See the Open Source License below', { custom: true }).length, 0);
});

test('trove classifiers', () => {
  assert.equal(troveClassifierLicense('License :: OSI Approved :: MIT License'), 'MIT');
  assert.equal(troveClassifierLicense('License :: OSI Approved :: Apache Software License'), 'Apache-2.0');
  assert.equal(troveClassifierLicense('License :: OSI Approved :: BSD License'), '');
  assert.equal(troveClassifierLicense('Programming Language :: Python'), undefined);
});
