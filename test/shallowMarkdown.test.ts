// The Markdown guard (engine/markdown/shallowMarkdown.ts): ordinary documents
// pass through as the very same string; pathological nesting and delimiters
// are defused one character for one, so every offset stays the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  maxContainerDepth, maxIndentColumns, maxLineDelimiters, maxOpenBracketSpan, maxParagraphDelimiters, maxParagraphEscapes, maxSetextHeadings, shallowMarkdown,
} from '../server/src/engine/markdown/shallowMarkdown.js';
import { seedsOf, seedText } from './fuzz/generators.js';

const inert = '\u00a0';

test('every Markdown file of test-fixtures/ and ../shared/corpus/ passes through unchanged', () => {
  const documents = seedsOf('markdown').filter((name) => !name.startsWith('built-in:'));
  assert.ok(documents.length >= 50, `${documents.length} documents`);
  for (const name of documents) {
    const text = seedText(name);
    assert.equal(shallowMarkdown(text), text, name);
  }
});

test('ordinary large structures pass through unchanged: a long tight list of links, a big table, many headings', () => {
  const list = Array.from({ length: 2_000 }, (_, index) => `- [Project ${index}](https://example.com/${index}) — **open-source** \`tool\``).join('\n');
  assert.equal(shallowMarkdown(list), list, 'each list item is its own paragraph');
  const ordered = Array.from({ length: 500 }, (_, index) => `${index + 1}. [Paper ${index}](https://example.com/${index}) by _someone_`).join('\n');
  assert.equal(shallowMarkdown(ordered), ordered, 'each ordered item is its own paragraph');
  const table = `| name | license |\n|---|---|\n${Array.from({ length: 2_000 }, (_, index) => `| [**m${index}**](x) | *MIT* |`).join('\n')}\n`;
  assert.equal(shallowMarkdown(table), table, 'each row is parsed on its own');
  const headings = Array.from({ length: maxSetextHeadings }, (_, index) => `Heading ${index}\n---`).join('\n\n');
  assert.equal(shallowMarkdown(headings), headings);
  const fenced = `\`\`\`c\n${'int **p = *q; a[i][j] = b_c;\n'.repeat(1_000)}\`\`\`\n`;
  assert.equal(shallowMarkdown(fenced).split('\n')[0], '```c', 'a fence line is never changed');
  assert.ok(shallowMarkdown(fenced).endsWith('```\n'), 'the closing fence is never changed');
});

test('container markers beyond the limit become text; the length and every line break stay', () => {
  const text = `${'> '.repeat(maxContainerDepth + 3)}deep\n${'- '.repeat(maxContainerDepth + 1)}item\n`;
  const defused = shallowMarkdown(text);
  assert.equal(defused.length, text.length);
  const [quotes, items] = defused.split('\n');
  assert.equal(quotes, `${'> '.repeat(maxContainerDepth)}${`${inert} `.repeat(3)}deep`);
  assert.equal(items, `${'- '.repeat(maxContainerDepth)}${inert} item`);
  const indented = `${' '.repeat(maxIndentColumns + 10)}- item`;
  assert.equal(shallowMarkdown(indented), `${' '.repeat(maxIndentColumns + 1)}${inert.repeat(9)}- item`);
});

test('delimiters beyond the limits of a line or a paragraph become text; a paragraph below them is unchanged', () => {
  const line = `a ${'*x_ '.repeat(maxLineDelimiters)}`;
  assert.equal(shallowMarkdown(line), line.replace(/[*_]/gu, inert));
  const below = Array.from({ length: 4 }, () => '*x* [y](z) '.repeat(Math.floor(maxParagraphDelimiters / 24))).join('\n');
  assert.equal(shallowMarkdown(below), below);
  const above = Array.from({ length: 4 }, () => '*x* [y](z) '.repeat(Math.floor(maxParagraphDelimiters / 16) + 1)).join('\n');
  assert.equal(shallowMarkdown(above), above.replace(/[*[\]]/gu, inert));
  assert.equal(shallowMarkdown(`${above}\n\n*kept*`).endsWith('\n\n*kept*'), true, 'the next paragraph is counted on its own');
  // `2.` does not start a list inside a paragraph: its lines are counted with the paragraph
  const continued = Array.from({ length: 4 }, (_, index) => `${index ? '2. ' : ''}${'*x* [y](z) '.repeat(Math.floor(maxParagraphDelimiters / 16) + 1)}`).join('\n');
  assert.notEqual(shallowMarkdown(continued), continued);
});

test('setext headings beyond the limit are read as text; inline comments count as delimiters', () => {
  const text = 'Title\n===\n'.repeat(maxSetextHeadings + 2);
  const defused = shallowMarkdown(text);
  assert.equal(defused.length, text.length);
  assert.equal(defused.split('\n').filter((line) => line === '===').length, maxSetextHeadings);
  assert.equal(defused.split('\n').filter((line) => line === inert.repeat(3)).length, 2);
  const comments = `x ${'<!--'.repeat(maxLineDelimiters + 1)}`;
  assert.equal(shallowMarkdown(comments), comments.replaceAll('<!', `${inert}!`));
  const html = `x ${'<b>'.repeat(maxLineDelimiters + 1)}`;
  assert.equal(shallowMarkdown(html), html, 'ordinary inline HTML does not count');
});

test('a `[` left open longer than the limit becomes text; a link of ordinary length is kept', () => {
  const words = 'open source '.repeat(Math.ceil(maxOpenBracketSpan / 12) + 1);
  assert.equal(shallowMarkdown(`[${words}](https://x)`), `${inert}${words}](https://x)`);
  assert.equal(shallowMarkdown(`[${words}`), `${inert}${words}`);
  const escaped = `\\[${words}`;
  assert.equal(shallowMarkdown(escaped), escaped, 'an escaped bracket opens nothing');
  const link = `[${'open source '.repeat(100)}](https://x) ${words}`;
  assert.equal(shallowMarkdown(link), link);
  const nextParagraph = `[a\n\n${words}`;
  assert.equal(shallowMarkdown(nextParagraph), nextParagraph, 'a paragraph ends the link text');
});

test('backslash escapes beyond the limit of a paragraph become text whole (backslash and character); a paragraph below the limit is unchanged', () => {
  const below = `${'a\\" '.repeat(maxParagraphEscapes)}\n\n`;
  assert.ok(shallowMarkdown(below) === below, 'a paragraph with as many escapes as the limit is unchanged');
  const text = `${'a\\" '.repeat(maxParagraphEscapes + 1)}\n\nX is open source \\- really.\n`;
  const defused = shallowMarkdown(text);
  assert.equal(defused.length, text.length);
  const [first, , last] = defused.split('\n');
  assert.ok(first === `a${inert}${inert} `.repeat(maxParagraphEscapes + 1), 'every escape of the paragraph is read as text, the escaped character too');
  assert.equal(last, 'X is open source \\- really.', 'the next paragraph keeps its escape');
});
