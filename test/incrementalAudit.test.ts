// The keystroke path's incremental judgment (documents/markdownEdits.ts,
// incrementalAudit.ts) against a fresh one: after every edit of a seeded
// random sequence — insertions and deletions at random places, among them
// text that makes or breaks headings, fences, HTML blocks, comments and
// suppression directives, front matter, reference definitions, links,
// badges, claim phrases and License sections — the audit of a document being
// edited gives the same findings (rules, ranges, messages, related locations,
// fixes), the same claims and the same verdicts as an audit of the final
// text from scratch. Over generated documents (with and without model-card
// front matter) and over every fixture README set inside generated prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, type AuditResult } from '../server/src/engine/audit.js';
import { clearChunkCache } from '../server/src/engine/markdown/chunkFacts.js';
import { wasSpliced } from '../server/src/engine/incrementalAudit.js';
import type { SourceFile } from '../server/src/engine/types.js';
import { markdownDocument, random } from '../bench/tree/generateTree.mjs';
import { licenseText, repoRoot } from './support/workspace.js';

/** Typing: most edits. */
const typing = ['## Credits\n\n', '\n### Sponsors\n', 'x', ' ', 'e', '\n', '\n\n', '.', 'open source', ' open-source model', 'This is an open-source project.', 'Free software, licensed under the GPL.', 'Released under the Apache-2.0 license.', 'We publish open weights.', 'Un projet open source.'];
/** Edits that reach beyond their block (some for good: a \r, a reference definition or a directive keeps the rest of a sequence whole). */
const structural = [
  '# Title\n\n', '\n## Section\n\n', '\n## License\n\nMIT\n\n', '\n## Credits\n\n', '## [Other](https://example.org)\n',
  '```\n', '\n```js\n', '~~~\n', '<!--', '-->', '\n<!-- a note -->\n', '\n<!-- license-claims-disable-next-line -->\n', '<!-- license-claims-disable -->\n', '<!-- license-claims-enable -->\n',
  '<div>\n', '</div>\n', '\n<pre>\n', '</pre>\n', '\n<details>\n\n', '---\n', '\n---\nlicense: mit\n---\n', '[ref]: https://example.org/license\n', '\n[^1]: a note\n', '[text][ref]', '[^1]',
  '![license](https://img.shields.io/badge/license-MIT-green)', '[LICENSE](LICENSE)', '[docs](https://example.org/docs)', '> ', '\n> quoted open source\n', '- ', '\n1. item\n', '    ', '\t', '\r\n', '\r',
  '|a|b|\n|-|-|\n|open source|x|\n', 'https://example.org/open-source', '`code`', '**', '*', '_', '\\', '<span>', 'Ein Open-Source-Projekt', 'Un projet open source.',
];

/** One edit: an insertion of a snippet, or a deletion of up to 60 characters, at a random place (mostly not at the start). */
function edit(text: string, next: () => number): string {
  const at = Math.floor((next() < 0.05 ? next() * 0.02 : next()) * (text.length + 1));
  if (next() < 0.3 && text.length > 0) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 60)));
  const snippets = next() < 0.7 ? typing : structural;
  // \r, reference definitions and directives stay: rarer, so that a sequence is not judged whole from its first one on
  const snippet = snippets[Math.floor(next() * snippets.length)];
  if (/\r|\]:|license-claims-/u.test(snippet) && next() < 0.7) return text.slice(0, at) + 'x' + text.slice(at);
  return text.slice(0, at) + snippet + text.slice(at);
}

/** What the editor shows of an audit: every finding whole, the document's claims and their verdicts. */
function shown(result: AuditResult, path: string) {
  const claims = result.workspace.projects.flatMap((project) => project.claims);
  return {
    findings: result.findings,
    claims: claims.map((claim) => ({ ...claim, verdict: claim.file === path ? result.verdicts.get(claim)?.outcome : undefined })),
    problems: result.problems,
  };
}

/**
 * Edits `text` `edits` times; after each edit, the incremental audit (the
 * document being edited) must equal a fresh one. Returns how many edits were
 * judged incrementally.
 */
function checkSequence(label: string, start: string, others: SourceFile[], seed: number, edits: number): number {
  const next = random(seed);
  const path = 'README.md';
  const options = { editing: (file: string) => file === path };
  let text = start;
  audit([{ path, text }, ...others], options);
  let incremental = 0;
  for (let index = 0; index < edits; index++) {
    text = edit(text, next);
    const files = [{ path, text }, ...others];
    const edited = audit(files, options);
    if (wasSpliced(edited)) incremental++;
    const fresh = audit(files);
    assert.deepEqual(shown(edited, path), shown(fresh, path), `${label}, seed ${seed}, edit ${index + 1}`);
  }
  return incremental;
}

const manifest = (license: string) => `${JSON.stringify({ name: 'demo', version: '1.0.0', license }, null, 2)}\n`;

test('edits of generated documents are judged as a fresh audit judges them', () => {
  clearChunkCache();
  let incremental = 0;
  let total = 0;
  const cases: { label: string; text: string; others: SourceFile[] }[] = [
    { label: 'model card (llama3)', text: markdownDocument(random(11), 24_000, { frontMatter: true, license: 'llama3' }), others: [{ path: 'package.json', text: manifest('MIT') }, { path: 'LICENSE', text: licenseText('MIT') }] },
    { label: 'model card (apache-2.0)', text: markdownDocument(random(12), 20_000, { frontMatter: true, license: 'apache-2.0' }), others: [] },
    { label: 'README, non-OSI manifest', text: markdownDocument(random(13), 24_000), others: [{ path: 'package.json', text: manifest('CC-BY-NC-4.0') }] },
    { label: 'README, no license', text: markdownDocument(random(14), 16_000), others: [] },
    // long sections (a heading typed in one reaches chunks far below it), a License section last
    { label: 'README, long sections', text: `${markdownDocument(random(15), 24_000).replace(/\n## Section (\d+)\n/gu, (line, number) => (Number(number) % 8 === 0 ? line : '\n'))}\n## License\n\nApache-2.0, see [LICENSE](LICENSE).\n`, others: [{ path: 'package.json', text: manifest('CC-BY-NC-4.0') }] },
  ];
  for (const [index, each] of cases.entries()) {
    for (const seed of [1, 2]) {
      incremental += checkSequence(each.label, each.text, each.others, 100 * index + seed, 30);
      total += 30;
    }
  }
  // the incremental path must actually be taken (else this test proves nothing)
  assert.ok(incremental >= total * 0.4, `only ${incremental} of ${total} edits judged incrementally`);
});

test('edits of every fixture README set in generated prose are judged as a fresh audit judges them', () => {
  clearChunkCache();
  const fixtures = join(repoRoot, 'test-fixtures');
  let incremental = 0;
  let total = 0;
  for (const [index, name] of readdirSync(fixtures).sort().entries()) {
    const readme = join(fixtures, name, 'README.md');
    if (!existsSync(readme)) continue;
    const next = random(1000 + index);
    const own = readFileSync(readme, 'utf8');
    const text = `${own}\n\n${markdownDocument(next, 3_000).replace(/^# .*\n/u, '')}\n${own.replace(/^---\n[\s\S]*?\n---\n/u, '')}\n\n${markdownDocument(next, 3_000)}`;
    const others = ['package.json', 'LICENSE', 'pyproject.toml'].filter((file) => existsSync(join(fixtures, name, file))).map((file) => ({ path: file, text: readFileSync(join(fixtures, name, file), 'utf8') }));
    incremental += checkSequence(name, text, others, index + 1, 8);
    total += 8;
  }
  assert.ok(total > 0, 'no fixture README');
  assert.ok(incremental >= total * 0.1, `only ${incremental} of ${total} edits judged incrementally`);
});
