// Markdown is read chunk by chunk (so that an edit re-parses one chunk): the
// facts must be the same as when the whole body is parsed at once, and the
// selection that skips chunks without anything that matters must change no
// claim either (test/blockSelection.test.ts compares whole audits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeMarkdown, type MarkdownFacts, type MarkdownOptions } from '../server/src/engine/documents/markdownDocument.js';
import { markdownChunks } from '../server/src/engine/markdown/chunks.js';
import { suppressionsFromComments } from '../server/src/engine/suppression.js';
import { repoRoot } from './support/workspace.js';
import { random } from '../bench/tree/generateTree.mjs';

function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  if (!existsSync(dir)) return found; // ../shared/corpus, where present
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...markdownFiles(path));
    else if (/\.(?:md|markdown)$/iu.test(name)) found.push(path);
  }
  return found;
}

/** What a reader of the facts sees, as plain data. */
function observable(facts: MarkdownFacts, text: string) {
  const suppressions = suppressionsFromComments(facts.comments, text);
  return {
    claims: facts.claims.map((claim) => ({ ...claim })),
    suppressedAt: facts.claims.map((claim) => suppressions.isSuppressed('claim-without-license', claim.span.start)),
    headings: facts.headings,
    links: facts.links,
    prose: facts.prose,
    declarations: facts.readmeDeclarations.map((declaration) => ({ ...declaration })),
    frontMatter: facts.frontMatter?.declarations.map((declaration) => ({ ...declaration })),
    problems: facts.problems,
    bodyStart: facts.bodyStart,
  };
}

const whole: MarkdownOptions = { chunkSize: Number.POSITIVE_INFINITY, readEveryChunk: true };
const smallest: MarkdownOptions = { chunkSize: 0, readEveryChunk: true };

const documents = [...markdownFiles(join(repoRoot, 'test-fixtures')), ...markdownFiles(join(repoRoot, '..', 'shared', 'corpus')), join(repoRoot, 'README.md'), ...markdownFiles(join(repoRoot, 'docs'))];

test('every fixture, corpus and documentation page reads the same in the smallest chunks as whole', () => {
  assert.ok(documents.length > 50, `found ${documents.length} documents`);
  for (const path of documents) {
    const file = { path: relative(repoRoot, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    assert.deepEqual(observable(analyzeMarkdown(file, smallest), file.text), observable(analyzeMarkdown(file, whole), file.text), file.path);
  }
});

test('skipping chunks without claim candidates changes nothing in documents that declare nothing', () => {
  for (const path of documents) {
    // named as a documentation page, so that neither a README name nor front matter forces a full read
    const text = readFileSync(path, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, '');
    const file = { path: 'docs/page.md', text };
    assert.deepEqual(claimsOf(analyzeMarkdown(file, { chunkSize: 0 }), file.text), claimsOf(analyzeMarkdown(file, whole), file.text), path);
  }
});

/** What rules read from a document that declares nothing: its claims and whether each is suppressed (prose, headings and links only matter in model cards). */
function claimsOf(facts: MarkdownFacts, text: string) {
  const { claims, suppressedAt, problems } = observable(facts, text);
  return { claims, suppressedAt, problems };
}

// blocks that may hold blank lines, continue across them, or change how later text reads
const pieces = [
  'This is an open-source project.',
  'Released under the MIT license.',
  '## Third-party notices',
  '## License',
  '# Usage',
  'Setext heading\n==============',
  '```\ncode that is open source\n\nstill code, open source\n```',
  '~~~~\nopen weights in code\n\n```\nstill inside\n~~~~',
  '<!--\nan open source comment\n\nstill a comment\n-->',
  '<!-- license-claims-disable -->',
  '<!-- license-claims-enable -->',
  '<!-- license-claims-disable-next-line -->',
  '<pre>\nopen source\n\npreformatted\n</pre>',
  '<div>\nopen source in html\n</div>',
  '- item one, open source\n\n  continued, free software\n\n- item two',
  '> quoted open source\n>\n> more',
  '    indented code, open source',
  'See [the open source tool][tool] and [free software][].',
  '[tool]: https://example.org/tool',
  '[free software]: https://www.gnu.org/philosophy/free-sw.html',
  '| a | b |\n|---|---|\n| open source | MIT-licensed |',
  'Text with a footnote[^1].',
  '[^1]: The footnote says open weights.\n\n    And continues.',
  '---',
  'Der Code ist quelloffen.',
  '***open*** *source* and open\\-source and open&nbsp;source',
  '<details>\n<summary>open source</summary>\n\nDetails, free software.\n\n</details>',
  '',
  '   ',
];

test('generated documents read the same in the smallest chunks as whole', () => {
  const next = random(20261129);
  for (let run = 0; run < 400; run++) {
    const count = 1 + Math.floor(next() * 14);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(pieces[Math.floor(next() * pieces.length)]);
    const separator = () => (next() < 0.8 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n');
    let text = parts.reduce((all, part) => (all === '' ? part : all + separator() + part), '');
    if (next() < 0.2) text = `---\nlicense: mit\n---\n${text}`;
    if (next() < 0.2) text = text.replace(/\n/gu, '\r\n');
    for (const path of ['README.md', 'docs/page.md']) {
      const file = { path, text };
      const read = path === 'README.md' || text.startsWith('---') ? observable : claimsOf;
      assert.deepEqual(read(analyzeMarkdown(file, smallest), file.text), read(analyzeMarkdown(file, whole), file.text), `${path} #${run}:\n${JSON.stringify(text)}`);
    }
  }
});

test('chunks cover the body without gaps and end at block boundaries', () => {
  const text = '# Title\n\nOne paragraph.\n\n```\ncode\n\nmore code\n```\n\nAfter.\n<!--\n\n-->\nLast.\n';
  const chunks = markdownChunks(text, 0, 0);
  assert.equal(chunks[0].start, 0);
  assert.equal(chunks[chunks.length - 1].end, text.length);
  for (let i = 1; i < chunks.length; i++) assert.equal(chunks[i].start, chunks[i - 1].end);
  assert.deepEqual(chunks.map((chunk) => text.slice(chunk.start, chunk.end)), ['# Title\n\n', 'One paragraph.\n\n', '```\ncode\n\nmore code\n```\n\n', 'After.\n<!--\n\n-->\nLast.\n']);
});
