// LICENSE-text identification: the licenses the foundation must know, in the
// variants real repositories hold them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLicenseText } from '../server/src/engine/licenses/identifyLicenseText.js';
import { licenseText } from './support/workspace.js';
import { rewrap } from './support/rewrap.js';

const licenses = ['Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only', 'Unlicense', 'CC0-1.0'];


const variants: [string, (text: string, id: string) => string][] = [
  ['plain', (text) => text],
  ['re-wrapped at 60 columns', (text) => rewrap(text, 60)],
  ['with a Markdown heading and emphasis', (text, id) => `# ${id} License\n\n**${text.split('\n')[0]}**\n\n${text.split('\n').slice(1).join('\n')}`],
  ['with real copyright holders', (text) => text.replace(/<year>/gu, '2019-2026').replace(/<(?:copyright holders?|owner|name of author|organization)>/giu, 'Example Corp. and contributors').replace(/^/u, 'Copyright (c) 2024 Jane Doe <jane@example.com>\n\n')],
  ['with CRLF line ends', (text) => text.replace(/\n/gu, '\r\n')],
];

for (const id of licenses) {
  for (const [name, make] of variants) {
    test(`identifies ${id} (${name})`, () => {
      const result = identifyLicenseText(make(licenseText(id), id));
      // a bare GNU text does not say -only or -or-later: the answer says so
      const gnu = /^((?:A|L)?GPL-\d\.\d)-only$/u.exec(id);
      assert.equal(result.license, gnu ? `${gnu[1]}-only OR ${gnu[1]}-or-later` : id);
      assert.ok(result.confidence >= 0.9, `confidence ${result.confidence}`);
    });
  }
}

test('an Apache-2.0 notice (not the full text) is identified as Apache-2.0', () => {
  const notice = 'Copyright 2020 Example\n\nLicensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License. You may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software distributed under the License is distributed on an "AS IS" BASIS.';
  assert.equal(identifyLicenseText(notice).license, 'Apache-2.0');
});

test('AI licenses are identified by their key phrases', () => {
  const llama = 'META LLAMA 3 COMMUNITY LICENSE AGREEMENT\nMeta Llama 3 Version Release Date: April 18, 2024\n"Agreement" means the terms and conditions for use, reproduction, distribution and modification of the Llama Materials set forth herein.';
  assert.equal(identifyLicenseText(llama).license, 'LicenseRef-Llama-3-Community-License');
});

test('unrelated text is not a license', () => {
  const result = identifyLicenseText('This folder holds the weather station logger. Run make to build it, then copy the binary to the Raspberry Pi.');
  assert.equal(result.license, null);
});
