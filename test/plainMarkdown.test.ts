// The plain reader (markdown/plainMarkdown.ts) against the parser: for every
// chunk it accepts, the tree has the same node types, heading depths, text
// values and source offsets as micromark + mdast's, and gives the same prose
// blocks. Chunks are generated from a seed: paragraphs, ATX headings (closing
// sequences, empty ones), bullet lists, fenced code, reference definitions,
// HTML blocks, with indentation, trailing spaces
// (hard breaks), code spans, inline links, images and badges, tabs, CR/LF/CRLF line endings, brackets, and characters
// that open blocks or inline markup, which the reader must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Nodes, Root } from 'mdast';
import { parseMarkdownBody } from '../server/src/engine/markdown/parseMarkdown.js';
import { plainMarkdown } from '../server/src/engine/markdown/plainMarkdown.js';
import { normalizeLabel } from '../server/src/engine/markdown/referenceUse.js';
import { proseEntries } from '../server/src/engine/markdown/proseBlocks.js';
import { random } from '../bench/tree/generateTree.mjs';

/** What the engine reads of a tree: types, depths, text values, link destinations and offsets (a code block's content is never read). */
function readable(node: Nodes): unknown {
  return {
    type: node.type,
    at: [node.position?.start.offset, node.position?.end.offset],
    ...(node.type === 'text' || node.type === 'inlineCode' ? { value: node.value } : {}),
    ...(node.type === 'heading' ? { depth: node.depth } : {}),
    ...(node.type === 'definition' || node.type === 'link' || node.type === 'image' ? { url: node.url } : {}),
    ...(node.type === 'image' || node.type === 'imageReference' ? { alt: node.alt } : {}),
    ...(node.type === 'linkReference' || node.type === 'imageReference' ? { label: node.label, referenceType: node.referenceType } : {}),
    ...(node.type === 'html' ? { value: node.value } : {}),
    ...('children' in node ? { children: (node.children as Nodes[]).map(readable) } : {}),
  };
}

const words = [
  'open', 'source', 'MIT', 'open', 'source', 'license', 'the', 'é', '“q”', '—', '(x)', 'b#c', '#', '##', '1.', '2014', '!', '?', ':', '{a}', '^', '$', '%', '😀', '\t', '-', '+', '=', '.',
  '[a](u)', '[a b](https://x.org/a_b)', '![i](p.png)', '[![b](https://img.shields.io/x.svg)](https://x.org)', '[](u)', '![](u)', '[a](u)x', 'x[a](u)',
  '![a](u)[b](v)', '[a [b](c)', '[a][x]', '[MIT][a]', '[B  c]', '[![b][a]][x]', '![i][a]', '[a][undefined]', '[a][]', '[x]:', '[b c][A]',
  '`a`', '``b``', '` c `', '`', '``', '`x*y<z`', '` `', '`  `', '`a  b`',
  '\u00a0', 'a:b', 'x=', '0)', '10.', '[a]', '[1.0.1]', ']', '[', '[^1]', '[a][b]', '[x] (y)', 'a#', ' ## ',
];
/** Inline markup and autolinks: the reader leaves these to the parser. */
const refusedWords = [
  '[a](u "t")', '[a](<u>)', '[a](b(c))', '[`a`](u)', '[*a*](u)', '[a](b) d](e)', '[x][a](b)', '!![a](b)', '[a](&amp;)', '[https://x](u)',
  '*a*', '_b_', '`c`', '~~d~~', '\\*', '&amp;', '<b>', 'a@b.co', 'www.x.org', 'https://x.org', '[l](u)', '![i](u)', 'a|b',
];

function chunk(next: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const line = () => {
    let text = next() < 0.05 ? pick(['> ', '- ', '1. ', '[a]: u ', '\t']) : pick(['', '', ' ', '  ', '   ', '    ', '      ', '']);
    const count = 1 + Math.floor(next() * 6);
    for (let i = 0; i < count; i++) text += (next() < 0.03 ? pick(refusedWords) : pick(words)) + pick([' ', ' ', '  ', '\t', '']);
    return text + pick(['', '', ' ', '  ', '   ', '\t', ' \t']);
  };
  const block = pick([
    () => Array.from({ length: 1 + Math.floor(next() * 4) }, line).join(pick(['\n', '\r\n', '\r'])),
    () => `${pick(['', ' ', '  ', '   '])}${'#'.repeat(1 + Math.floor(next() * 7))}${pick(['', ' ', '\t', '  '])}${line()}${pick(['', ' #', ' ###  ', '#'])}`,
    () => `${pick(['```', '~~~', '````', ' ```'])}${pick(['', 'js', ' a b', 'x`y'])}\n${line()}\n${pick(['```', '~~~', '````', '   ```', '    ```', '``` x', ''])}${pick(['', ' '])}`,
    () => `${line()}\n${pick(['#', '##', '===', '---', '```'])} ${line()}`,
    () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => `${pick(['- ', '- ', '* ', '+ ', '-  ', '-     ', ' - ', '-\t', '- [ ] ', '- # ', '  ', '', '<b>', '[a]: u', '1. '])}${line()}`).join(pick(['\n', '\n\n', '\r\n'])),
    () => `${pick(['', ' ', '   ', '    '])}${pick(['<div align="center">', '<p>', '</div>', '<a href="x">', '<img src="a.png" alt="b">', '<!-- c -->', '<!--', '<!-->', '<!--->', '<pre>', '<script>', '<b>', '<br/>', '<x-y a=1>', '<details>', '<DIV>', '<a href="x">t</a>', '<?x', '<!X'])}${pick(['', ' ', 'text', ' -->'])}${Array.from({ length: Math.floor(next() * 3) }, () => `${pick(['\n', '\r\n'])}${line()}${pick(['', ' -->', '</div>'])}`).join('')}`,
    () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => `${pick(['', ' ', '   ', '    '])}[${pick(['a', 'B c', '^1', ' x', 'a ', '1.0.1', 'é', 'a]b'])}]:${pick(['', ' ', '\t'])}${pick(['https://x.org/a_b*c', 'u', '#x', '<u>', 'a(b)', '', 'x "t"', "'t'", 'a&amp;b'])}${pick(['', ' ', '\t'])}`).join(pick(['\n', '\r\n'])) + pick(['', '\ntext', '\n"title"', '\n[a]']),
  ]);
  let text = '';
  const blocks = 1 + Math.floor(next() * 4);
  for (let i = 0; i < blocks; i++) text += (i > 0 ? pick(['\n\n', '\n', '\n \n', '\r\n\r\n']) : '') + block();
  return text + pick(['', '', '\n', '\n\n', ' ']);
}

test('plain reader: every chunk it reads gives the tree and prose blocks the parser gives', () => {
  const next = random(Number(process.env.SEED ?? 2026_12_03));
  let read = 0;
  let refused = 0;
  let referencesRead = 0;
  let listsRead = 0;
  for (let run = 0; run < 12000; run++) {
    const text = chunk(next);
    // the reference definitions in reach, appended as the caller appends them (chunkFacts.ts)
    const labels = next() < 0.4 ? ['a', 'B c', '1.0.1', 'x'].filter(() => next() < 0.6) : [];
    const source = labels.length > 0 ? `${text}\n\n${labels.map((label) => `[${label}]: #`).join('\n\n')}\n` : text;
    const plain = plainMarkdown(text, new Set(labels.map(normalizeLabel)));
    if (!plain) {
      refused++;
      continue;
    }
    read++;
    if (labels.length > 0 && /Reference/u.test(JSON.stringify(plain))) referencesRead++;
    if (plain.children.some((node) => node.type === 'list')) listsRead++;
    const parsed = parseMarkdownBody(source);
    const inside = (node: Nodes) => (node.position?.start.offset ?? 0) < text.length;
    const label = `${JSON.stringify(text)} with ${JSON.stringify(labels)}`;
    assert.deepEqual(plain.children.map(readable), parsed.children.filter(inside).map(readable), label);
    const entries = (tree: Root) => proseEntries(tree, source).filter((entry) => !entry.block || (entry.block.offsets[0] ?? 0) < text.length);
    assert.deepEqual(entries(plain), entries(parsed), label);
  }
  // both sides of the switch are exercised
  assert.ok(read > 1000, `only ${read} chunks read`);
  assert.ok(refused > 1000, `only ${refused} chunks refused`);
  assert.ok(referencesRead > 10, `only ${referencesRead} chunks with references read`);
  assert.ok(listsRead > 10, `only ${listsRead} chunks with lists read`);
});

test('plain reader: references to the definitions in reach read as the parser reads them', () => {
  const next = random(Number(process.env.SEED ?? 2026_12_03) + 1);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const labels = ['a', 'B c', '1.0.1', 'x', 'build-badge'];
  const source = (text: string) => `${text}\n\n${labels.map((label) => `[${label}]: #`).join('\n\n')}\n`;
  const pieces = ['open', 'source', 'MIT', '©', '(x)', '`c`', '[a]', '[b  C]', '[MIT][a]', '[![Build][build-badge]][x]', '![i][a]', '[1.0.1]', '[a][x]', '[A]', '[y]', '[a][y]', '[a][]', '[a] [x]', '[a](u)', '[a]:', '[a][x][1.0.1]', '![[a]]', '[^1]', '[a]\n[x]'];
  let read = 0;
  for (let run = 0; run < 3000; run++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(pieces));
    const text = `${pick(['', '## ', '# '])}${words.join(pick([' ', '  ', '']))}`;
    const plain = plainMarkdown(text, new Set(labels.map(normalizeLabel)));
    if (!plain) continue;
    read++;
    const parsed = parseMarkdownBody(source(text));
    const inside = (node: Nodes) => (node.position?.start.offset ?? 0) < text.length;
    assert.deepEqual(plain.children.map(readable), parsed.children.filter(inside).map(readable), JSON.stringify(text));
    const entries = (tree: Root) => proseEntries(tree, source(text)).filter((entry) => !entry.block || (entry.block.offsets[0] ?? 0) < text.length);
    assert.deepEqual(entries(plain), entries(parsed), JSON.stringify(text));
  }
  assert.ok(read > 300, `only ${read} read`);
});

test('plain reader: bullet lists read as the parser reads them', () => {
  const next = random(Number(process.env.SEED ?? 2026_12_03) + 2);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const words = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(['open', 'source', 'MIT', '`x`', '[a](u)', '(b)', 'é'])).join(pick([' ', '  ']));
  const lines = ['- ', '- ', '* ', '+ ', '-  ', '-    ', '-     ', ' - ', '  ', '    ', '', '<b>', '<div>', '[a]: u', '# ', '```\n```', '1. ', '- [ ] ', '- - ', '---'];
  let read = 0;
  for (let run = 0; run < 3000; run++) {
    const text = Array.from({ length: 1 + Math.floor(next() * 5) }, () => `${pick(lines)}${words()}${pick(['', ' ', '  '])}`).join(pick(['\n', '\n', '\n\n', '\r\n']));
    const plain = plainMarkdown(text);
    if (!plain) continue;
    if (plain.children.some((node) => node.type === 'list')) read++;
    const parsed = parseMarkdownBody(text);
    assert.deepEqual(readable(plain), readable(parsed), JSON.stringify(text));
    assert.deepEqual(proseEntries(plain, text), proseEntries(parsed, text), JSON.stringify(text));
  }
  assert.ok(read > 300, `only ${read} lists read`);
});

test('plain reader: what it reads and what it leaves to the parser', () => {
  const read = (text: string) => plainMarkdown(text) !== undefined;
  assert.ok(read('# Title\n\nAn open-source library (see item 3).\nSecond line.  \nThird.\n\n```js\nconst a = `x`; // *open* <b>\n```\n'));
  assert.ok(read('### Version 3.0.1 (2017-01-30) ###'));
  assert.ok(read('- An open-source library.\n- Released under\n  the MIT license.\n* Another list'));
  assert.ok(read('## [1.0.1] - 2013-11-27'), 'brackets are text when no definition is in reach');
  assert.equal(plainMarkdown('## [1.0.1] - 2013-11-27 [2]', new Set(['1.0.1'])), undefined, 'with definitions in reach, an undefined label is left to the parser');
  assert.ok(plainMarkdown('[![Build][build-badge]][build]\n[MIT][license] © [Titus Wormer][author]', new Set(['BUILD-BADGE', 'BUILD', 'LICENSE', 'AUTHOR'])), 'references to definitions in reach');
  assert.ok(read('[![npm](https://img.shields.io/npm/v/x.svg)](https://www.npmjs.com/package/x)\nSee [the docs](https://example.org) and ![logo](logo.png).'));
  assert.equal(plainMarkdown('See [the docs](https://example.org).', new Set(['X'])), undefined, 'inline links only when no definition is in reach');
  assert.ok(read('<p align="center">\n  <img src="logo.png" alt="logo">\n</p>\n\n<!-- badges -->\n<a href="https://example.org">\n\nText.'));
  assert.ok(read('[license]: https://example.org/LICENSE\n[npm]: https://www.npmjs.com/package/x'));
  assert.ok(read('### `breaker.onBreak(callback)`\n\nRuns `a <b> *c*` once; a ``lone` backtick.'), 'anything goes in code spans');
  for (const text of [
    'An *open* library.', 'A &copy; B', 'x <b>y</b>', 'https://example.org',
    'See [the docs](https://example.org "Docs").', 'www.example.org', 'mail a@b.co', 'a `code\nover lines`', '*a* `b`', '[`a`](u)', '> quote', '1. first', '    indented code', 'Title\n=====', 'a | b\n--|--',
    '```\nunclosed fence', '[label]: https://example.org "title"', '[^1]: a note', '[a]: u\ntext', '<!-- unclosed comment', '<pre>\ncode\n\nmore</pre>', 'text\n<div>', 'a\\*b', '\tTabbed', '- [ ] task', '- a\n  - nested', '- a\n\n  more',
  ]) assert.equal(read(text), false, JSON.stringify(text));
});
