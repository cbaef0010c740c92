// What `npm run fuzz` found, each as the minimal input that showed it (see
// test/fuzz/targets.ts for the properties): a parse problem or declaration
// placed past the end of its text, a stack overflow, and work quadratic (or
// worse) in the length of one line or paragraph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packageJsonDeclarations } from '../server/src/engine/declarations/packageJsonDeclarations.js';
import { codemetaDeclarations } from '../server/src/engine/declarations/codemetaDeclarations.js';
import { pyprojectDeclarations } from '../server/src/engine/declarations/pyprojectDeclarations.js';
import { cargoTomlDeclarations } from '../server/src/engine/declarations/cargoTomlDeclarations.js';
import { citationCffDeclarations } from '../server/src/engine/declarations/citationCffDeclarations.js';
import { frontMatterDeclarations } from '../server/src/engine/declarations/frontMatterDeclarations.js';
import { licenseFileDeclarations } from '../server/src/engine/declarations/licenseFiles.js';
import { analyzeMarkdown } from '../server/src/engine/documents/markdownDocument.js';
import { audit } from '../server/src/engine/audit.js';
import { markdownChunks, maxChunkLines } from '../server/src/engine/markdown/chunks.js';
import { manifestLicenseEdit } from '../server/src/engine/fixes/manifestLicenseEdit.js';
import { correctExpression, expressionLeaves, maxExpressionLength, parseExpression, type ExpressionNode } from '../server/src/engine/licenses/expression.js';
import { resolveSpdxValue } from '../server/src/engine/licenses/resolveLicense.js';
import { createPolicy, judgeExpression } from '../server/src/engine/licenses/policy.js';
import { shallowNesting } from '../server/src/engine/text/shallowNesting.js';
import { assertSpan, cpuMs, timeLimitFor } from './fuzz/targets.js';
import { licenseText } from './support/workspace.js';

/** Runs `run` and fails when it takes more CPU time than the fuzz properties allow for an input of `size` characters. */
function withinBound<T>(size: number, run: () => T): T {
  const started = cpuMs();
  const result = run();
  const elapsed = cpuMs() - started;
  assert.ok(elapsed <= timeLimitFor(size), `took ${Math.round(elapsed)} ms of CPU time for ${size} characters (bound ${Math.round(timeLimitFor(size))} ms)`);
  return result;
}

test('fuzz regression: an empty package.json or codemeta.json reports its parse problem at the end of the text, not one past it', () => {
  for (const read of [packageJsonDeclarations, codemetaDeclarations]) {
    const { problems } = read({ path: 'package.json', text: '' });
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].span, { start: 0, end: 0 });
  }
  const truncated = packageJsonDeclarations({ path: 'package.json', text: '{"license": "MIT"' });
  assert.equal(truncated.problems.length, 1);
  assertSpan(truncated.problems[0].span, '{"license": "MIT"'.length, 'truncated package.json');
});

test('fuzz regression: a pyproject.toml or Cargo.toml cut off in a value reports its problem inside the text', () => {
  for (const [read, text] of [[pyprojectDeclarations, '[project]\nlicense = '], [cargoTomlDeclarations, '[package]\nlicense =']] as const) {
    const { problems } = read({ path: 'x.toml', text });
    assert.equal(problems.length, 1, text);
    assertSpan(problems[0].span, text.length, text);
  }
});

test('fuzz regression: a CITATION.cff or front matter of one `[` reports its problem inside the text', () => {
  const citation = citationCffDeclarations({ path: 'CITATION.cff', text: '[' });
  assert.equal(citation.problems.length, 1);
  assertSpan(citation.problems[0].span, 1, 'CITATION.cff');
  // the front matter starts at offset 4 of `---\n[\n---\n`: its problem stays on the `[`
  const frontMatter = frontMatterDeclarations('README.md', { text: '[', span: { start: 4, end: 5 } });
  assert.equal(frontMatter.problems.length, 1);
  assert.ok(frontMatter.problems[0].span.start >= 4 && frontMatter.problems[0].span.end <= 5, JSON.stringify(frontMatter.problems[0].span));
});

test('fuzz regression: an empty or blank LICENSE file is declared at its start (the span was past its end)', () => {
  for (const text of ['', '\n\n  \n']) {
    const [declaration] = licenseFileDeclarations({ path: 'LICENSE', text }).declarations;
    assertSpan(declaration.span, text.length, JSON.stringify(text));
    assert.equal(declaration.raw, 'LICENSE');
  }
  const [titled] = licenseFileDeclarations({ path: 'LICENSE', text: '\n  MIT License  \n\nPermission' }).declarations;
  assert.deepEqual(titled.span, { start: 3, end: 14 }, 'the first non-blank line, trimmed');
});

test('fuzz regression: a 100 KB front-matter line of `"` is read in linear time (the YAML parser quoted the line in each of its 50,000 errors: 40 s)', () => {
  const text = `license: ${'"'.repeat(100_000)}\n`;
  const facts = withinBound(text.length, () => frontMatterDeclarations('README.md', { text, span: { start: 4, end: 4 + text.length } }));
  assert.equal(facts.problems.length, 1);
  const citation = withinBound(text.length, () => citationCffDeclarations({ path: 'CITATION.cff', text }));
  assert.equal(citation.problems.length, 1);
  // the quick fix that declares a license in the front matter parses it too
  const card = `---\n${text}---\nAn open-source model.\n`;
  assert.equal(withinBound(card.length, () => manifestLicenseEdit({ path: 'README.md', text: card }, 'MIT')), undefined, 'no edit into a front matter that does not parse');
});

test('fuzz regression: a 19 KB OR chain of 2,786 licenses is not read as an expression (judging it took 2.6 s)', () => {
  const text = Array<string>(2786).fill('MIT').join(' OR ');
  assert.equal(withinBound(text.length, () => parseExpression(text)), undefined);
  assert.equal(withinBound(text.length, () => correctExpression(text)), undefined);
  assert.equal(withinBound(text.length, () => resolveSpdxValue(text)).invalid, true);
  // the longest that is read
  const longest = Array<string>(Math.floor((maxExpressionLength + 4) / 7)).fill('MIT').join(' OR ');
  assert.ok(longest.length <= maxExpressionLength);
  assert.ok(parseExpression(longest));
});

test('fuzz regression: a 225 KB value is not parsed as an SPDX expression (the parser and spdx-correct are superlinear: 11 s)', () => {
  const text = Array<string>(5502).fill('GPL-2.0+ WITH Classpath-exception-2.0').join(' OR ');
  assert.equal(withinBound(text.length, () => parseExpression(text)), undefined);
  assert.equal(withinBound(text.length, () => correctExpression(text)), undefined);
  assert.equal(withinBound(text.length, () => resolveSpdxValue(text)).invalid, true);
});

test('fuzz regression: the licenses of an expression 100,000 deep are listed in order, in linear time and without recursion', () => {
  let node: ExpressionNode = { license: 'L99999' };
  for (let index = 99_998; index >= 0; index--) node = { left: { license: `L${index}` }, conjunction: index % 2 ? 'and' : 'or', right: node };
  const leaves = withinBound(100_000, () => expressionLeaves(node));
  assert.equal(leaves.length, 100_000);
  assert.ok(leaves.every((leaf, index) => leaf.license === `L${index}`));
  const verdict = judgeExpression({ left: { license: 'MIT' }, conjunction: 'and', right: { left: { license: 'Apache-2.0' }, conjunction: 'or', right: { license: 'LicenseRef-x' } } }, createPolicy('osi'));
  assert.deepEqual(verdict.accepted.map((leaf) => leaf.license), ['MIT', 'Apache-2.0']);
  assert.deepEqual(verdict.rejected.map((leaf) => leaf.license), ['LicenseRef-x']);
});

const claimTexts = (text: string) => analyzeMarkdown({ path: 'README.md', text }).claims.map((claim) => claim.kind);

test('fuzz regression: blockquotes nested 10,000 deep are read, not a stack overflow', () => {
  const text = `${'> '.repeat(10_000)}This is open source.\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: list items nested 10,000 deep, on one line or by indentation, are read, not a stack overflow', () => {
  const oneLine = `${'- '.repeat(10_000)}An open-source model.\n`;
  assert.deepEqual(withinBound(oneLine.length, () => claimTexts(oneLine)), ['open-source']);
  const indented = `${Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n${'  '.repeat(300)}- This is open source.\n`;
  assert.deepEqual(withinBound(indented.length, () => claimTexts(indented)), ['open-source']);
});

test('fuzz regression: blockquotes nested 10,000 deep with lone carriage returns for line ends are read', () => {
  const text = `intro\r${'> '.repeat(10_000)}This is open source.\r`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: nested emphasis `*a **a … a** a*` (cmark\'s pathological case) is read in linear time (14 KB took minutes)', () => {
  const text = `${'*a **a '.repeat(10_000)}This is open source.${' a** a*'.repeat(10_000)}\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: unmatched emphasis and link delimiters in one paragraph are read in linear time', () => {
  for (const unit of ['*a_ ', 'a_ ', '_a ', 'a]', '[a', '[ a_', '*_']) {
    const text = `This is open source. ${unit.repeat(10_000)}\n`;
    assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source'], unit);
  }
});

test('fuzz regression: 2,000 setext headings are read in linear time (each rewrote every event before it: 9 s)', () => {
  const text = `${'Heading\n===\n'.repeat(2_000)}This is open source.\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: 8,000 unclosed inline comments in a paragraph are read in linear time (each scanned to its end)', () => {
  const text = `This is open source. </${'<!--'.repeat(8_000)}\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: a heading of 7,500 unmatched delimiters is read in linear time (10 s)', () => {
  const text = `# ${'*a_ '.repeat(7_500)}open source\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: a 90 KB run of spaces in YAML is read in linear time (the nesting guard looked back over it from every space: 7 s)', () => {
  for (const space of [' ', '\t']) {
    const text = `license: ${space.repeat(90_000)}\n`;
    withinBound(text.length, () => frontMatterDeclarations('README.md', { text, span: { start: 4, end: 4 + text.length } }));
    withinBound(text.length, () => citationCffDeclarations({ path: 'CITATION.cff', text }));
    assert.equal(shallowNesting(text, 'yaml'), text);
  }
});

test('fuzz regression: 4,216 claims in a manifest without a license are judged in linear time (each finding re-parsed the manifest for its fix: a hang)', () => {
  const text = `[package]\nkeywords = [${Array<string>(4216).fill('"open source"').join(',')}]\n`;
  const result = withinBound(text.length, () => audit([{ path: 'models/llama/Cargo.toml', text }], { configFor: () => ({ allow: ['MIT'] }) }));
  assert.equal(result.findings.filter((finding) => finding.rule === 'claim-without-license').length, 4216);
  const declare = result.findings[0].fixes.find((fix) => fix.title === 'Declare MIT in Cargo.toml');
  assert.ok(declare, 'the fix is still offered');
  assert.deepEqual(declare.edits[0].newText, '\nlicense = "MIT"');
});

test('fuzz regression: a 100 KB link text is read in linear time (the autolink extension walked back to its `[` from every word: 9 s)', () => {
  const text = `[${'GPL '.repeat(25_000)}](https://x) and an open-source model\n`;
  assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source']);
});

test('fuzz regression: a License section sentence naming 12,000 licenses is read in linear time (its scope was judged once per license: 6,000 took 12 s)', () => {
  const text = `## License\n\n${'GNU General Public License '.repeat(12_000)}\n`;
  const facts = withinBound(text.length, () => analyzeMarkdown({ path: 'README.md', text }));
  assert.equal(facts.readmeDeclarations.length, 12_000);
  assert.ok(facts.readmeDeclarations.every((declaration) => declaration.expression === 'GPL-3.0-only' && declaration.scope === 'all'));
});

test('fuzz regression: a pyproject.toml listing 17,115 license files is judged in linear time (each reference searched all declarations: 29 s)', () => {
  const text = `[project]\nlicense-files = [${Array<string>(17_115).fill('"LICENSE"').join(',')}]\n`;
  const files = [
    { path: 'sub/pyproject.toml', text },
    { path: 'sub/LICENSE', text: licenseText('MIT') },
    { path: 'sub/README.md', text: 'An open-source model.' },
  ];
  const result = withinBound(text.length, () => audit(files, { configFor: () => ({ policy: 'custom', allow: ['Apache-2.0'] }) }));
  // the references name the LICENSE file read anyway: they add nothing
  assert.deepEqual(result.workspace.projectOf('sub/README.md').declarations.map((declaration) => declaration.source), ['license-file']);
  assert.deepEqual(result.findings.map((finding) => finding.rule), ['claim-non-osi-license']);
});

test('fuzz regression: a paragraph of 40,000 short lines is read in linear time (micromark merged its text once per line over the whole paragraph: 11 s)', () => {
  for (const unit of ['é+\n', '\r\udeca+', 'ab é cd\r\n']) {
    const text = `${unit.repeat(40_000)}This is open source.\n`;
    assert.deepEqual(withinBound(text.length, () => claimTexts(text)), ['open-source'], JSON.stringify(unit));
  }
  // the chunker cuts such a run every maxChunkLines lines, a lone carriage return ending a line too
  for (const ending of ['\n', '\r\n', '\r']) {
    const text = `a${ending}`.repeat(2 * maxChunkLines + 10);
    const chunks = markdownChunks(text);
    assert.equal(chunks.length, 3, JSON.stringify(ending));
    assert.deepEqual(chunks.map((chunk) => text.slice(chunk.start, chunk.end).split(ending).length - 1), [maxChunkLines, maxChunkLines, 10]);
  }
  const fenced = `\`\`\`\n${'code\n'.repeat(maxChunkLines + 10)}\`\`\`\nafter\n`;
  assert.deepEqual(markdownChunks(fenced).map((chunk) => fenced.slice(chunk.start, chunk.end).endsWith('```\n')), [true, false], 'a fence is never cut');
});

test('fuzz regression: a badge URL with a malformed percent escape is no badge, not a URIError', () => {
  const text = '# X\n\n![license](https://img.shields.io/badge/license-MIT%E0%A4%A-blue)\n\n![License](https://img.shields.io/badge/license-Apache--2.0-blue)\n';
  const facts = analyzeMarkdown({ path: 'README.md', text });
  const badges = facts.readmeDeclarations.filter((declaration) => declaration.source === 'readme-badge');
  // the well-formed badge after it is still read
  assert.deepEqual(badges.map((declaration) => declaration.raw), ['Apache-2.0']);
});

test('fuzz regression: a claim in a paragraph whose literal autolink is made after parsing (after an unclosed `![`) is placed at its words, not at the paragraph\'s chunk start', () => {
  const text = '---\nlicense: gpl\n---\n\n# Acme model\n![\nAcme is an open-source model. Training code: https://github.com/acme/train\n';
  const facts = analyzeMarkdown({ path: 'README.md', text });
  assert.deepEqual(facts.claims.map((claim) => text.slice(claim.span.start, claim.span.end)), ['open-source']);
  // and the suppression comment a fix inserts goes above the claim's line, after the front matter
  const result = audit([{ path: 'README.md', text }]);
  for (const finding of result.findings) {
    assert.equal(text.slice(finding.span.start, finding.span.end), 'open-source', finding.rule);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) assert.ok(edit.span.start >= text.indexOf('# Acme'), `${fix.title} edits inside the front matter`);
    }
  }
});

test('fuzz regression: a 100 KB line of backslash escapes between lone surrogates and hyphens is read in linear time (with the GFM autolink extension, micromark merged its text in quadratic time: 8 s)', () => {
  const text = '"\ud800-\\'.repeat(25_000);
  const facts = withinBound(text.length, () => analyzeMarkdown({ path: 'README.md', text }));
  assert.deepEqual(facts.claims, []);
});
