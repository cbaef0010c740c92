// The claim phrases and the other patterns run over prose start a word with
// `(?<!\w)` instead of `\b` (a leading `\b` under the `iu` flags made V8 scan
// every position: see server/src/engine/claims/phrases.ts). Before a word
// character the two are the same; this test holds them equal on real and
// generated text: the engine is bundled twice, as it is and with every
// `(?<!\w)` of the files that hold such patterns written back as `\b` (the
// form before), and both must find the same claims in every paragraph and
// line, and the same findings in every fixture, corpus project and generated
// document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { repoRoot } from './support/workspace.js';
import { markdownDocument, random } from '../bench/tree/generateTree.mjs';
import type { SourceFile } from '../server/src/engine/types.js';

/** The files whose patterns start words with `(?<!\w)`. */
const patternFiles = [
  'server/src/engine/claims/phrases.ts',
  'server/src/engine/claims/claimScanner.ts',
  'server/src/engine/declarations/readmeDeclarations.ts',
  'server/src/engine/rules/modelCardEvidence.ts',
  'server/src/engine/claimVerdict.ts',
  'server/src/engine/documents/markdownDocument.ts',
  'server/src/engine/licenses/licenseMentions.ts',
];

interface Engine {
  audit: (files: SourceFile[]) => { findings: unknown[] };
  scanClaims: (text: string) => unknown[];
  findLicenseMentions: (text: string, options?: { custom?: boolean }) => unknown[];
}

/**
 * The form before: `\b` for `(?<!\w)`. One pattern is left as it is now:
 * "(?:à|a) source ouverte", whose `\b` stood before `à`, not a word
 * character (a fix, tested in test/claimScanner.test.ts).
 */
const before = (source: string) => source.replace(/\(\?<!\\w\)(?!\(\?:à\|a\))/gu, String.raw`\b`);

async function bundle(dir: string, name: string, rewrite?: (source: string) => string): Promise<Engine> {
  const outfile = join(dir, `${name}.cjs`);
  const plugins: Plugin[] = rewrite
    ? [{
      name: 'word-start-before',
      setup(builder) {
        // (esbuild takes Go regular expressions: no `u` flag)
        builder.onLoad({ filter: /\.ts$/ }, (args) => {
          const path = relative(repoRoot, args.path).split('\\').join('/');
          if (!patternFiles.includes(path)) return undefined;
          return { contents: rewrite(readFileSync(args.path, 'utf8')), loader: 'ts' };
        });
      },
    }]
    : [];
  await build({
    stdin: {
      contents: "export { audit } from './server/src/engine/audit.ts';\nexport { scanClaims } from './server/src/engine/claims/claimScanner.ts';\nexport { findLicenseMentions } from './server/src/engine/licenses/licenseMentions.ts';",
      resolveDir: repoRoot,
      sourcefile: `${name}.ts`,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { LICENSE_CLAIMS_VERSION: JSON.stringify('test') },
    mainFields: ['module', 'main'],
    outfile,
    plugins,
  });
  return createRequire(join(repoRoot, 'test', 'wordStartPatterns.test.ts'))(outfile) as Engine;
}

/** Every text file under `dir` (relative paths), the way an audit would be given them. */
function filesUnder(dir: string, root = dir): SourceFile[] {
  const found: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git' || name === 'expected.json' || name === 'expect.json') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, root));
    else {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('\u0000')) found.push({ path: relative(root, path).split('\\').join('/'), text });
    }
  }
  return found;
}

/** As plain data (each bundle has its own classes, so their instances are never deep-equal as objects). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Map ? [...inner] : inner instanceof Set ? [...inner] : inner)));

const subfolders = (dir: string) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)).filter((path) => statSync(path).isDirectory()) : []);

const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
const workspaces: { name: string; files: SourceFile[] }[] = [
  ...subfolders(join(repoRoot, 'test-fixtures')).map((dir) => ({ name: relative(repoRoot, dir), files: filesUnder(dir) })),
  ...subfolders(corpusDir).map((dir) => ({ name: relative(corpusDir, dir), files: filesUnder(dir) })),
  { name: 'README.md and docs', files: [{ path: 'README.md', text: readFileSync(join(repoRoot, 'README.md'), 'utf8') }, ...filesUnder(join(repoRoot, 'docs')).map((file) => ({ ...file, path: `docs/${file.path}` }))] },
  ...[1, 2, 3, 4, 5, 6].map((seed) => ({
    name: `generated document ${seed}`,
    files: [
      { path: seed % 2 ? 'README.md' : 'docs/guide.md', text: markdownDocument(random(seed), 48 * 1024, { frontMatter: seed % 3 === 0, claimShare: 0.3 }) },
      { path: 'package.json', text: `${JSON.stringify({ name: `generated-${seed}`, version: '1.0.0', license: seed % 2 ? 'MIT' : 'CC-BY-NC-4.0' })}\n` },
    ],
  })),
];

test('the patterns that start words with (?<!\\w) find what they found with \\b', async () => {
  assert.ok(workspaces.length > 50, `${workspaces.length} workspaces`);
  for (const path of patternFiles) {
    const source = readFileSync(join(repoRoot, path), 'utf8');
    assert.notEqual(before(source), source, `${path} holds no (?<!\\w) to compare`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'license-claims-word-start-'));
  try {
    const now = await bundle(dir, 'now');
    const then = await bundle(dir, 'before', before);
    let pieces = 0;
    let claims = 0;
    let findings = 0;
    let mentions = 0;
    for (const { name, files } of workspaces) {
      for (const file of files) {
        // every paragraph and every line, so that word starts at the start of a text are compared too
        for (const piece of new Set([...file.text.split(/\n\s*\n/u), ...file.text.split('\n')])) {
          const found = now.scanClaims(piece);
          assert.deepEqual(plain(found), plain(then.scanClaims(piece)), `${name}/${file.path}: ${JSON.stringify(piece.slice(0, 200))}`);
          const named = now.findLicenseMentions(piece, { custom: true });
          assert.deepEqual(plain(named), plain(then.findLicenseMentions(piece, { custom: true })), `license mentions in ${name}/${file.path}: ${JSON.stringify(piece.slice(0, 200))}`);
          pieces++;
          claims += found.length;
          mentions += named.length;
        }
      }
      const result = now.audit(files).findings;
      assert.deepEqual(plain(result), plain(then.audit(files).findings), name);
      findings += result.length;
    }
    console.log(`${pieces} pieces, ${claims} claims, ${mentions} license mentions, ${findings} findings`);
    assert.ok(claims > 1000 && findings > 100 && mentions > 1000, `${pieces} pieces, ${claims} claims, ${mentions} license mentions, ${findings} findings`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
