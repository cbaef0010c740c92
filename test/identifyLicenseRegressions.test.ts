// Regression fixtures for the wrong names identification gave on real LICENSE
// files: each is the SPDX text (shipped with spdx-license-list) or a short
// text of our own writing with the same shape as the real file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifyLicenseText } from '../server/src/engine/licenses/identifyLicenseText.js';
import { readLicenseWords } from '../server/src/engine/licenses/licenseTextWords.js';
import { licenseText } from './support/workspace.js';
import { rewrap } from './support/rewrap.js';

/** Wraps every paragraph at 72 columns, as most real copies are. */
const wrap = (text: string) => rewrap(text, 72);

const withHolder = (text: string, from: RegExp, holder: string) => text.replace(from, holder);

test('ISC is not 0BSD: "copyright notice and this permission notice appear in all copies" starting a line is kept', () => {
  const isc = [
    'ISC License',
    '',
    'Copyright (c) 2015, Jane Example <jane@example.com>',
    '',
    'Permission to use, copy, modify, and/or distribute this software for any',
    'purpose with or without fee is hereby granted, provided that the above',
    'copyright notice and this permission notice appear in all copies.',
    '',
    wrap(licenseText('ISC').split('\n\n').slice(3).join('\n\n').replace(/\bISC\b/gu, 'THE AUTHOR')),
  ].join('\n');
  assert.ok(isc.split('\n').some((line) => line.startsWith('copyright notice and this permission notice')), 'the fixture has the line that tells ISC from 0BSD');
  assert.equal(identifyLicenseText(isc).license, 'ISC');
  assert.equal(identifyLicenseText(licenseText('0BSD')).license, '0BSD');
});

test('a copyright statement is set aside, a sentence that starts with "copyright" is not', () => {
  const read = readLicenseWords('Copyright (c) 2024 Jane Doe\ncopyright notice and this permission notice appear\njq is copyright (C) 2012 Someone');
  assert.deepEqual(read.words, ['copyright', 'notice', 'and', 'this', 'permission', 'notice', 'appear']);
  assert.ok(read.holders.has('jane'));
});

test('PostgreSQL with another holder is PostgreSQL, not Cornell-Lossless-JPEG', () => {
  const text = licenseText('PostgreSQL').split('\n\n').slice(2).join('\n\n').replace(/the University of California/giu, 'Example Data, Inc.').replace(/University of California/giu, 'Example Data');
  assert.equal(identifyLicenseText(`Copyright (c) 2016, Example Data, Inc.\n\n${wrap(text)}`).license, 'PostgreSQL');
});

test('X11 with another holder is X11, not X11-swapped', () => {
  const text = withHolder(licenseText('X11'), /X Consortium/gu, 'Example Working Group').replace(/^X11 License\n\n.*\n/u, 'Copyright (c) 2020 Example Working Group\n');
  assert.equal(identifyLicenseText(wrap(text)).license, 'X11');
  assert.equal(identifyLicenseText(licenseText('X11-swapped')).license, 'X11-swapped');
});

test('Apache-2.0 that stops at END OF TERMS AND CONDITIONS is Apache-2.0, not Pixar', () => {
  const text = licenseText('Apache-2.0');
  assert.equal(identifyLicenseText(text.slice(0, text.indexOf('END OF TERMS AND CONDITIONS') + 28)).license, 'Apache-2.0');
});

test('GNU texts: -only or -or-later from the file\'s own notice, else the undecided expression (never a deprecated id)', () => {
  const gpl2 = licenseText('GPL-2.0-only');
  assert.equal(identifyLicenseText(gpl2).license, 'GPL-2.0-only OR GPL-2.0-or-later');
  assert.match(identifyLicenseText(gpl2).note ?? '', /does not say/u);
  const onlyPreface = 'A note on versions: this project is distributed under version 2 of the license below.\nVersion 2 is the only version of this license under which it may be distributed.\n\n';
  assert.equal(identifyLicenseText(onlyPreface + gpl2).license, 'GPL-2.0-only');
  const laterPreface = 'This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation; either version 2 of the License, or (at your option) any later version.\n\n';
  assert.equal(identifyLicenseText(laterPreface + gpl2).license, 'GPL-2.0-or-later');
});

test('a GNU notice with "or (at your option) any later version" is -or-later', () => {
  const notice = 'exampledb and the LGPL\n\nexampledb is free software: you can redistribute it and/or modify it under the terms of the GNU Lesser General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.\n\nexampledb is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.';
  assert.equal(identifyLicenseText(notice).license, 'LGPL-3.0-or-later');
});

test('the LGPL-3.0 short text (without the GPL-3.0 SPDX appends to it) is the LGPL-3.0', () => {
  const full = licenseText('LGPL-3.0-only');
  const short = full.slice(0, full.indexOf('GNU GENERAL PUBLIC LICENSE'));
  assert.equal(identifyLicenseText(short).license, 'LGPL-3.0-only OR LGPL-3.0-or-later');
});

test('several licenses in one file: a choice is OR, with each part\'s lines; a main license plus a bundled notice is AND, main first', () => {
  const dual = `This software is dual-licensed under the ISC and MIT licenses.\nYou may use this software under EITHER of the following licenses.\n\n----------\n\n${licenseText('ISC')}\n\n----------\n\n${licenseText('MIT')}`;
  const result = identifyLicenseText(dual);
  assert.equal(result.license, 'ISC OR MIT');
  assert.equal(result.parts.length, 2);
  assert.deepEqual(result.parts.map((part) => part.license), ['ISC', 'MIT']);
  assert.ok(result.parts[0].startLine < result.parts[1].startLine && result.parts[1].startLine > 10);
  const choose = `This software is available under 2 licenses -- choose whichever you prefer.\nALTERNATIVE A - MIT License\n${licenseText('MIT')}\nALTERNATIVE B - Public Domain\n${licenseText('Unlicense')}`;
  assert.equal(identifyLicenseText(choose).license, 'MIT OR Unlicense');
  const bundled = `${licenseText('MIT')}\n\nThis product bundles a parser that comes with its own license:\n\n${licenseText('BSD-2-Clause')}`;
  assert.equal(identifyLicenseText(bundled).license, 'MIT AND BSD-2-Clause');
});

test('a scope preface is not an added restriction; an added condition makes a modified license', () => {
  const scoped = `Portions of this software are licensed as follows:\n- Source files under the ee/ directory are NOT licensed under the MIT license; you must hold an enterprise license to use those files.\n- Third party components are licensed under their own licenses.\n\n${licenseText('MIT')}`;
  assert.equal(identifyLicenseText(scoped).license, 'MIT');
  const restricted = `${licenseText('MIT')}\n\nAdditional condition: you may not use the Software to operate a multi-tenant hosted service that competes with the Licensor.`;
  const result = identifyLicenseText(restricted);
  assert.equal(result.license, 'LicenseRef-modified-MIT');
  assert.equal(result.basedOn, 'MIT');
  assert.match(result.addedText ?? '', /multi-tenant/u);
});

test('an Apache notice with added conditions is a modified Apache-2.0, a plain one is Apache-2.0', () => {
  const notice = 'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License. You may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\nUnless required by applicable law or agreed to in writing, software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.';
  assert.equal(identifyLicenseText(notice).license, 'Apache-2.0');
  const modified = `# Example Open Source License\n\nExample is licensed under the Apache License 2.0, with the following additional conditions:\n\n1. Unless authorized in writing, you may not use the Example source code to operate a multi-tenant SaaS service.\n2. You may not remove or modify the logo in the Example console.\n\n${notice}`;
  const result = identifyLicenseText(modified);
  assert.equal(result.license, 'LicenseRef-modified-Apache-2.0');
  assert.equal(result.basedOn, 'Apache-2.0');
});

test('pointers to other files are no license', () => {
  assert.equal(identifyLicenseText('Lambda functions are made available under a modified MIT license.\nSee LICENSE-LAMBDA for details.\n\nThe remainder of the project is made available under the terms of the Apache License, version 2.0. See LICENSE for details.').license, null);
  assert.equal(identifyLicenseText('This project is dual licensed under the Eclipse Public License 2.0 and the Example Distribution License 1.0 as described in the epl-v20 and edl-v10 files.').license, null);
});

test('AI licenses: the specific one that names itself beats the generic family and shared phrases', () => {
  const shared = 'Use-based restrictions as referenced in paragraph 5 MUST be included as an enforceable provision. The restrictions set forth in Attachment A are considered Use-based restrictions.';
  assert.equal(identifyLicenseText(`CreativeML Open RAIL-M\ndated August 22, 2022\n\nSection I: PREAMBLE\n\n${shared}`).license, 'LicenseRef-CreativeML-OpenRAIL-M');
  assert.equal(identifyLicenseText(`CreativeML Open RAIL++-M License\ndated November 24, 2022\n\n${shared}`).license, 'LicenseRef-OpenRAIL-PlusPlus-M');
  const cog = 'The CogVideoX License\n\n1. Definitions\n\n"Software" means the CogVideoX model parameters made available under this license.\n\n2. License Grant\n\nThe licensor hereby grants you a non-exclusive, worldwide, non-transferable, non-sublicensable, revocable, royalty-free copyright license.';
  assert.equal(identifyLicenseText(cog).license, 'LicenseRef-CogVideoX-License');
  assert.equal(identifyLicenseText('COQUI PUBLIC MODEL LICENSE 1.0.0\n\nThis license allows only non-commercial use of a machine learning model and its outputs.').license, 'LicenseRef-Coqui-Public-Model-License-1.0.0');
});

test('comment markers, HTML entities and Markdown are read through', () => {
  const commented = licenseText('MIT').split('\n').map((line) => ` * ${line}`).join('\n');
  assert.equal(identifyLicenseText(`/*\n${commented}\n */`).license, 'MIT');
  const hashed = licenseText('BSD-2-Clause').split('\n').map((line) => `# ${line}`).join('\n');
  assert.equal(identifyLicenseText(hashed).license, 'BSD-2-Clause');
  const html = licenseText('MIT').replace(/"/gu, '&quot;').replace(/ and /gu, ' &amp; ');
  assert.equal(identifyLicenseText(html).license, 'MIT');
  assert.equal(identifyLicenseText('SPDX-License-Identifier: MIT OR Apache-2.0\n').license, 'MIT OR Apache-2.0');
});

test('BSD licenses in sections under "LICENSE FOR …" rules: the project\'s own first, AND the bundled ones named', () => {
  // the shape of a project that bundles two BSD-licensed tools: its BSD-2-Clause, a bundled notice cut short
  // after the two conditions, and a BSD-3-Clause
  const bsd2 = licenseText('BSD-2-Clause').replace(/^Copyright.*$/mu, 'Copyright (c) 2019, Ada Example and Bo Example\nAll rights reserved.');
  const cutShort = bsd2.split(/\n\s*\n/u).slice(0, 4).join('\n\n').replace('2019, Ada Example and Bo Example', '2018, Cy Example');
  const bsd3 = licenseText('BSD-3-Clause').replace(/^Copyright.*$/mu, 'Copyright (c) 2017, Example Tools, Inc. All rights reserved.');
  const text = [
    wrap(bsd2),
    '',
    '------------------------- LICENSE FOR sketchpad -------------------------',
    'BSD License',
    '',
    'For sketchpad software',
    wrap(cutShort),
    '',
    '------------------------- LICENSE FOR brushes ---------------------------',
    'BSD License',
    '',
    'For brushes software',
    '',
    bsd3,
  ].join('\n');
  const found = identifyLicenseText(text);
  assert.equal(found.license, 'BSD-2-Clause AND BSD-3-Clause');
  assert.deepEqual(found.parts.map((part) => part.license), ['BSD-2-Clause', 'BSD-3-Clause']);
  assert.equal(found.parts[0].startLine, 1);
});
