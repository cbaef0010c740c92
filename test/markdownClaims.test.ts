// Claims in Markdown: prose only, with exact source ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeMarkdown } from '../server/src/engine/documents/markdownDocument.js';

const claimTexts = (text: string) => analyzeMarkdown({ path: 'README.md', text }).claims.map((claim) => text.slice(claim.span.start, claim.span.end));

test('claims in headings, paragraphs, lists, tables and HTML blocks are found with exact ranges', () => {
  const text = [
    '# Foo: an open-source toolkit',
    '',
    'Foo is *open source*.',
    '',
    '- fully open',
    '',
    '| a | b |',
    '|---|---|',
    '| opensource | x |',
    '',
    '<h3 align="center">An Open-Source Model</h3>',
    '',
  ].join('\n');
  assert.deepEqual(claimTexts(text), ['open-source', 'open source', 'fully open', 'opensource', 'Open-Source']);
});

test('code, inline code, link targets, image alt text and HTML comments are not prose', () => {
  const text = [
    '```',
    'open source',
    '```',
    '',
    '    indented open source',
    '',
    'Run `open-source` now, see [docs](https://example.com/open-source#open-source).',
    '',
    '![open source badge](https://example.com/badge.svg)',
    '',
    '<!-- open source -->',
    '',
    '<pre>open source</pre>',
  ].join('\n');
  assert.deepEqual(claimTexts(text), []);
});

test('escapes and entities do not shift ranges', () => {
  const text = 'A \\*really\\* fast &amp; open-source tool.';
  assert.deepEqual(claimTexts(text), ['open-source']);
});

test('text under a third-party heading is not a claim; a License heading claims nothing', () => {
  const text = ['## Acknowledgements', '', 'We use open-source libraries from many open source projects: open source!', '', '## Open Source License', '', 'MIT.'].join('\n');
  assert.deepEqual(claimTexts(text), []);
});

test('front matter is read for declarations, not claims', () => {
  const text = ['---', 'license: llama3', 'tags:', '- open-source', '---', '', 'An open-source model.'].join('\n');
  const facts = analyzeMarkdown({ path: 'README.md', text });
  assert.deepEqual(facts.claims.map((claim) => claim.text), ['open-source']);
  assert.equal(facts.frontMatter?.declarations[0]?.expression, 'LicenseRef-Llama-3-Community-License');
  assert.equal(text.slice(facts.frontMatter.declarations[0].span.start, facts.frontMatter.declarations[0].span.end), 'llama3');
});

test('the languages setting limits claims to those languages', () => {
  const text = 'Der Code ist quelloffen. It is open source.';
  const facts = analyzeMarkdown({ path: 'README.md', text }, { languages: ['de'] });
  assert.deepEqual(facts.claims.map((claim) => claim.text), ['quelloffen']);
});
