// The differential test of block selection (markdown/blockSelection.ts) and
// of the parsing shortcuts (markdown/plainMarkdown.ts, referenceUse.ts): an
// audit that parses only the Markdown blocks that can matter, plain ones
// without the parser, gives the very same findings, with the same ranges, as
// one that parses every block, and as one that sends every block to the
// parser with all the document's reference definitions — over every fixture,
// ../shared/corpus, a generated bench-like tree and a seeded set of generated
// documents that mix claim phrases, headings, badges, lists, code fences,
// HTML blocks and reference links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../server/src/cli/main.js';
import { analyzeMarkdown, setBlockSelection, type MarkdownFacts } from '../server/src/engine/documents/markdownDocument.js';
import { clearChunkCache } from '../server/src/engine/markdown/chunkFacts.js';
import { setFastParsing } from '../server/src/engine/markdown/plainMarkdown.js';
import { suppressionsFromComments } from '../server/src/engine/suppression.js';
import { missingEvidence } from '../server/src/engine/rules/osaidIncomplete.js';
import { aiLicenses } from '../server/src/engine/licenses/licenseKnowledge.js';
import { generateTree, random } from '../bench/tree/generateTree.mjs';
import { repoRoot, tempDir } from './support/workspace.js';

/** The audit's JSON report of `dir`, with block selection and the parsing shortcuts on or off. */
async function auditJson(dir: string, selection: boolean, fast = true): Promise<string> {
  setBlockSelection(selection);
  setFastParsing(fast);
  clearChunkCache();
  let stdout = '';
  let stderr = '';
  try {
    const status = await main(['audit', dir, '--format', 'json', '--fail-on', 'never', '--jobs', '1'], (text) => (stdout += text), (text) => (stderr += text));
    assert.equal(status, 0, stderr);
  } finally {
    setBlockSelection(true);
    setFastParsing(true);
  }
  return stdout;
}

async function assertSameAudit(dir: string, label: string): Promise<void> {
  const selected = await auditJson(dir, true);
  const whole = await auditJson(dir, false);
  const parsed = await auditJson(dir, true, false);
  assert.ok(JSON.parse(whole).findings !== undefined, `${label}: no findings list`);
  assert.deepEqual(JSON.parse(selected), JSON.parse(whole), label);
  assert.deepEqual(JSON.parse(selected), JSON.parse(parsed), `${label}: with and without the parsing shortcuts`);
}

const fixturesDir = join(repoRoot, 'test-fixtures');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

test('block selection: every fixture audits the same as with every block parsed', async () => {
  const scenarios = readdirSync(fixturesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  assert.ok(scenarios.length >= 20);
  for (const scenario of scenarios) await assertSameAudit(join(fixturesDir, scenario.name), scenario.name);
});

test('block selection: every ../shared/corpus project audits the same as with every block parsed', async (t) => {
  if (!existsSync(corpusDir)) {
    t.skip('../shared/corpus is absent');
    return;
  }
  const projects = readdirSync(corpusDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const project of projects) await assertSameAudit(join(corpusDir, project.name), project.name);
});

test('block selection: a generated bench-like tree audits the same as with every block parsed', async () => {
  const root = tempDir('block-selection-tree-');
  try {
    generateTree(root, { files: 400, nodeModules: 60, seed: 15 });
    await assertSameAudit(root, 'generated tree');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// ---- generated documents: the facts the rules read, with and without selection

const catalogued = aiLicenses.find((entry) => entry.url)?.url ?? 'https://ai.google.dev/gemma/terms';

const claimPhrases = [
  'This project is open source.', 'An open-source library for parsing.', 'Released under the MIT License.', 'It is Apache-2.0 licensed.',
  'We ship open weights.', 'Der Code ist quelloffen.', 'Un logiciel libre.', 'Es software libre.', 'free software for everyone',
  'Fully open model.', 'OSI-approved terms.', 'distributed under the terms of the BSD-3-Clause license', 'Licensed under Apache 2.0',
];
const plainWords = ['Install it with npm.', 'Run the tests before sending a change.', 'The API is small and stable.', 'See the examples folder.', 'Works on Linux and macOS.'];

function wrapInline(next: () => number, phrase: string): string {
  const words = phrase.split(' ');
  const at = Math.floor(next() * words.length);
  const word = words[at];
  const styles = [
    () => `**${word}**`, () => `*${word}*`, () => `_${word}_`, () => `\`${word}\``, () => `[${word}](https://example.org/${at})`,
    () => `[${word}][ref${at % 3}]`, () => `<b>${word}</b>`, () => `${word.slice(0, 1)}*${word.slice(1)}*`, () => word.replace(/o/u, '&#111;'),
    () => word.replace(/e/u, '&eacute;'), () => `[${word.slice(0, 2)}](https://example.org)${word.slice(2)}`, () => `${word.slice(0, 2)}<!-- -->${word.slice(2)}`,
    () => `${word.slice(0, 2)}\`x\`${word.slice(2)}`, () => `<br>${word}`, () => `\`x\`${word}`, () => `![icon](x.png)${word}`, () => `${word}<br>`, () => `${word}[^1]`, () => word.replace(/ /u, '&nbsp;'), () => `~~${word}~~`, () => word,
  ];
  words[at] = styles[Math.floor(next() * styles.length)]();
  return words.join(next() < 0.2 ? '\n' : ' ');
}

function piece(next: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const prose = () => (next() < 0.5 ? wrapInline(next, pick(claimPhrases)) : pick(plainWords));
  const heading = () => pick(['License', 'Licence', 'Usage', 'Sponsors', 'Third-party notices', 'Training data', 'Training code', 'ModelScope', 'Install', 'Lic&#101;nse', 'Contributing', 'Open source']);
  const kinds = [
    () => `${'#'.repeat(1 + Math.floor(next() * 4))} ${heading()}`,
    () => `${'#'.repeat(1 + Math.floor(next() * 4))} ${pick(['**', '[', '`', ''])}${heading()}${pick(['**', '](https://example.org)', '`', ' ##', ''])}`,
    () => `${pick(['', '  ', '1.2.0 / ', '1. ', '- ', '**'])}${heading()}${pick(['', '  ', '**'])}\n${pick(['=====', '-----', '---  '])}${pick(['', `\n${prose()}`])}`,
    () => `${prose()}\n${pick(['## Usage', '## License', '# Sponsors'])}\n${prose()}`,
    () => `${pick(['<!-- list -->\n', '<div>\n', '<details>\n', '', '1. a\n', `${pick(plainWords)}\n`])}${pick(['## ', '# ', '  ## ', '#### '])}${heading()}\n| a | b |\n|---|---|\n| ${prose()} | ${pick(plainWords)} |${pick(['', '\n</div>', `\n## ${heading()}\n${pick(plainWords)}`])}`,
    () => `> ## ${heading()}\n> ${prose()}`,
    () => `- ## ${heading()}\n- ${prose()}`,
    () => prose(),
    () => `${prose()} ${prose()}`,
    () => `- ${prose()}\n- ${prose()}\n\n  ${prose()}`,
    () => `1. ${prose()}\n2. ${pick(plainWords)}`,
    () => `\`\`\`${pick(['', 'bash', 'yaml'])}\n# ${heading()}\n${prose()}\n\n---\n\`\`\``,
    () => `<div align="center">\n${prose()}\n</div>`,
    () => `<p>${prose()}</p>`,
    () => `<!-- ${pick(['license-claims-disable-next-line', 'license-claims-disable', 'license-claims-enable', 'a note'])} -->`,
    () => `[![License: ${pick(['MIT', 'Apache 2.0', 'GPL v3'])}](https://img.shields.io/badge/License-${pick(['MIT', 'Apache_2.0', 'GPLv3'])}-blue.svg)](https://opensource.org/licenses/MIT)`,
    () => `<img src="https://img.shields.io/badge/license-${pick(['MIT', 'Apache--2.0'])}-green" alt="license">`,
    () => `![build](https://img.shields.io/badge/build-passing-green)`,
    () => `See the [model license](${catalogued}) for the terms.`,
    () => `[ref${Math.floor(next() * 3)}]: ${pick(['https://example.org/x', catalogued, 'https://github.com/org/train'])}`,
    () => `[^1]: ${prose()}`,
    () => `| a | b |\n|---|---|\n| ${prose()} | ${pick(plainWords)} |`,
    () => `    indented ${prose()}`,
    () => pick(['It was trained on a web corpus.', 'The training code is at github.com/org/repo.', 'Data card: huggingface.co/datasets/org/data', 'Fine-tuning scripts are in train.py.']),
    () => '---',
    () => '***',
  ];
  return pick(kinds)();
}

function document(next: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 16);
  for (let i = 0; i < count; i++) parts.push(piece(next));
  let text = parts.reduce((all, part) => (all === '' ? part : all + (next() < 0.8 ? '\n\n' : next() < 0.5 ? '\n' : '\n\n\n') + part), '');
  if (next() < 0.25) text = `---\nlicense: ${['mit', 'llama3', 'other'][Math.floor(next() * 3)]}\ntags: [text-generation]\n---\n${text}`;
  if (next() < 0.15) text = text.replace(/\n/gu, '\r\n');
  return text;
}

/** What the rules read from a document's facts. */
function observable(facts: MarkdownFacts, text: string) {
  const suppressions = suppressionsFromComments(facts.comments, text);
  return {
    claims: facts.claims.map((claim) => ({ ...claim })),
    suppressedAt: facts.claims.map((claim) => suppressions.isSuppressed('claim-without-license', claim.span.start)),
    declarations: facts.readmeDeclarations.map((declaration) => ({ ...declaration })),
    frontMatter: facts.frontMatter?.declarations.map((declaration) => ({ ...declaration })),
    problems: facts.problems,
    modelCardGaps: facts.frontMatter ? missingEvidence(facts) : [],
  };
}

export function sameWithAndWithoutSelection(text: string, path: string): void {
  const selected = observable(analyzeMarkdown({ path, text }), text);
  const whole = observable(analyzeMarkdown({ path, text }, { readEveryChunk: true }), text);
  assert.deepEqual(selected, whole, `${path}:\n${JSON.stringify(text)}`);
  setFastParsing(false);
  try {
    const parsed = observable(analyzeMarkdown({ path, text }, { readEveryChunk: true }), text);
    assert.deepEqual(whole, parsed, `${path}, with and without the parsing shortcuts:\n${JSON.stringify(text)}`);
  } finally {
    setFastParsing(true);
  }
}

test('block selection: generated documents give the same facts as with every block parsed', () => {
  const next = random(Number(process.env.SEED ?? 2026_12_03));
  for (let run = 0; run < 600; run++) {
    const text = document(next);
    for (const path of ['README.md', 'docs/page.md']) sameWithAndWithoutSelection(text, path);
  }
});
