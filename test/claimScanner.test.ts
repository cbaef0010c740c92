// Claims in prose: what is a claim, of which kind and language, and what is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanClaims } from '../server/src/engine/claims/claimScanner.js';

const claims: [string, string, string, string][] = [
  // text, expected matched words, kind, language
  ['License Claims is an open-source linter.', 'open-source', 'open-source', 'en'],
  ['This project is open source.', 'open source', 'open-source', 'en'],
  ['We open-sourced the weights in 2024.', 'open-sourced', 'open-source', 'en'],
  ['An opensource toolkit for robots.', 'opensource', 'open-source', 'en'],
  ['Our model is fully open.', 'fully open', 'open-source', 'en'],
  ['Licensed under an OSI-approved license.', 'OSI-approved', 'open-source', 'en'],
  ['This is free software: you can share it.', 'free software', 'free-software', 'en'],
  ['A libre software stack.', 'libre software', 'free-software', 'en'],
  ['Released under the MIT License.', 'Released under the MIT License', 'named-license', 'en'],
  ['Dieses Projekt ist Open Source.', 'Open Source', 'open-source', 'en'],
  ['Ein Open-Source-Modell für Übersetzungen.', 'Open-Source', 'open-source', 'en'],
  ['Der Code ist quelloffen.', 'quelloffen', 'open-source', 'de'],
  ['Das ist freie Software.', 'freie Software', 'free-software', 'de'],
  ['Un logiciel libre pour tous.', 'logiciel libre', 'free-software', 'fr'],
  ['Ce projet est à code source ouvert.', 'code source ouvert', 'open-source', 'fr'],
  ['Un logiciel à source ouverte.', 'à source ouverte', 'open-source', 'fr'],
  ['Este proyecto es de código abierto.', 'código abierto', 'open-source', 'es'],
  ['Es software libre.', 'software libre', 'free-software', 'es'],
  ['We publish open weights for every release.', 'open weights', 'open-weights', 'en'],
  ['An open source alternative to Photoshop.', 'open source', 'open-source', 'en'],
  ['Foo is the open-source RAG engine for everyone.', 'open-source', 'open-source', 'en'],
  ['Foo is one of the most capable open-source models.', 'open-source', 'open-source', 'en'],
  // LocalGPT's README: a description of the project, not the OSI's name
  ['LocalGPT is an open-source initiative that allows you to converse with your documents.', 'open-source', 'open-source', 'en'],
];

for (const [text, words, kind, language] of claims) {
  test(`claim: ${text}`, () => {
    const found = scanClaims(text);
    assert.equal(found.length, 1, `expected one claim in: ${text} — got ${JSON.stringify(found)}`);
    assert.equal(text.slice(found[0].start, found[0].end), words);
    assert.equal(found[0].kind, kind);
    assert.equal(found[0].language, language);
  });
}

const notClaims = [
  // names of programmes, policies and codes of conduct; e-mail and web addresses
  'This project has adopted the Example Corp Open Source Code of Conduct.',
  'Read our open source policy first.',
  'Write to codeshell.opensource@example.com with questions.',
  'See opensource.example.com/codeofconduct for details.',
  // questions, the future and plans
  'Is it open source? Not yet.',
  'The weights will be open-sourced soon.',
  'We plan to open-source the server next year.',
  'After that we intend to release a fully open-source model.',
  // sentiments about open source in general
  'We love open source!',
  'We are committed to open source.',
  'Working on mapping the world of open source software.',
  // others: plural kinds, comparisons, 'MIT-like'
  'The following excellent open source repositories support it.',
  'Most open-sourced vision models cannot do this.',
  'It may be subject to third party licenses, including open source licenses.',
  'This project is not open source.',
  "It isn't open-source yet.",
  'A non-open-source fork.',
  'Das ist kein Open Source.',
  'Der Code ist nicht quelloffen.',
  "Ce n'est pas un logiciel libre.",
  'No es de código abierto.',
  'Built on open-source libraries such as NumPy.',
  'Thanks to the open source community for their help.',
  'Our model outperforms other open-source models on MMLU.',
  'Compared with existing open-source models, ours is faster.',
  'While benchmarking open-source models, we saw gaps.',
  'We evaluate with the open-source evaluation tool [OpenCompass].',
  'The Open Source Initiative maintains the definition.',
  'It follows the open source initiative definition.',
  'Distributed under the University of Illinois/NCSA Open Source License terms.',
  'The weights are fully open for academic research only.',
];

for (const text of notClaims) {
  test(`not a claim: ${text}`, () => {
    const links = text.includes('[OpenCompass]') ? [{ start: text.indexOf('[OpenCompass]'), end: text.indexOf('[OpenCompass]') + 13 }] : [];
    const found = scanClaims(text, { links }).filter((claim) => claim.kind !== 'named-license');
    assert.deepEqual(found.map((claim) => text.slice(claim.start, claim.end)), []);
  });
}

test('a claim about the model is marked as such', () => {
  const [claim] = scanClaims('Llama-Foo is an open-source large language model.');
  assert.equal(claim?.aboutModel, true);
  const [code] = scanClaims('The CLI is open source.');
  assert.equal(code?.aboutModel, false);
});

test('a named-license claim carries the license it names', () => {
  const cases: [string, string][] = [
    ['This library is released under the Apache License, Version 2.0.', 'Apache-2.0'],
    ['The crate is MIT-licensed.', 'MIT'],
    ['Das Projekt steht unter der MIT-Lizenz.', 'MIT'],
    ['Distribué sous licence MIT.', 'MIT'],
    ['Distribuido bajo la licencia Apache 2.0.', 'Apache-2.0'],
    ['Licensed under the GNU General Public License v3.0 or later.', 'GPL-3.0-or-later'],
  ];
  for (const [text, id] of cases) {
    const named = scanClaims(text).find((claim) => claim.kind === 'named-license');
    assert.equal(named?.namedLicense, id, text);
  }
});

test('links: text linking to another site and a link right after a mention are about that site; a code host or a badge is not', () => {
  const claimsIn = (text: string, link: string, external = true) => {
    const start = text.indexOf(link);
    return scanClaims(text, { links: [{ start, end: start + link.length, external }] }).map((claim) => text.slice(claim.start, claim.end));
  };
  assert.deepEqual(claimsIn('Proudly made with ClickHouse open source database.', 'ClickHouse open source database'), []);
  assert.deepEqual(claimsIn('The I/O library is open-sourced here.', 'here'), []);
  assert.deepEqual(claimsIn('RAGFlow: an open-source RAG engine.', 'RAGFlow'), []);
  assert.deepEqual(claimsIn('Foo is open source on GitHub.', 'on GitHub'), ['open source']);
  assert.deepEqual(claimsIn('Comply with the open-source protocol of the model.', 'open-source protocol', false), ['open-source']);
  assert.deepEqual(claimsIn('  - Foo is an open-source parser.', '  '), ['open-source']);
});
