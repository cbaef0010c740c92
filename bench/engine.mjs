// The engine as the bench calls it in-process: `audit()` from
// server/src/engine/audit.ts, `claimPatterns` from
// server/src/engine/claims/phrases.ts, `isRelevantFile()` (which files the
// audit reads) from server/src/engine/project.ts and, when it exists, `clearChunkCache()`
// (server/src/engine/markdown/chunkFacts.ts: forgets the Markdown chunks
// remembered for documents being edited), bundled by esbuild with the settings
// of esbuild.mjs (the CLI and the server run the same bundled code), into a
// CommonJS file the bench requires. Nothing under server/ is written.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './lib.mjs';

/** Writes the engine bundle to `outfile`. */
export async function bundleEngine(outfile) {
  const exports = [
    "export { audit } from './server/src/engine/audit.ts';",
    "export { claimPatterns } from './server/src/engine/claims/phrases.ts';",
    "export { isRelevantFile } from './server/src/engine/project.ts';",
  ];
  if (existsSync(join(repoRoot, 'server', 'src', 'engine', 'markdown', 'chunkFacts.ts'))) exports.push("export { clearChunkCache } from './server/src/engine/markdown/chunkFacts.ts';");
  await build({
    stdin: {
      contents: exports.join('\n'),
      resolveDir: repoRoot,
      sourcefile: 'bench-engine.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { LICENSE_CLAIMS_VERSION: JSON.stringify('bench') },
    mainFields: ['module', 'main'],
    outfile,
  });
  return outfile;
}

/** Loads a bundle written by bundleEngine. */
export function loadEngine(outfile) {
  return createRequire(join(repoRoot, 'bench', 'engine.mjs'))(outfile);
}

/**
 * A pattern in its fast form: a `\b` that starts the pattern, an alternative
 * or a group written as `(?<!\w)`. A leading `\b` under the `iu` flags keeps
 * V8 from scanning for the first letters (the claim phrases as one
 * expression: 190–330 ns per character with `\b`, 6–13 without), so a
 * baseline written with it would be a slow pass, not the fast one.
 * (Before a non-word character the two differ; a baseline does not mind.)
 */
export function fastForm(source) {
  return source.replace(/(^|\||\((?:\?:)?)\\b/gu, '$1(?<!\\w)');
}

/**
 * The claim phrases as one regular expression, in their fast form: every
 * pattern of claimPatterns as an alternative, global, case-insensitive,
 * Unicode. (One pattern, German "freie Software", is case-sensitive in the
 * engine; here it is not, which only makes the baseline match a little more.)
 */
export function claimRegex(claimPatterns) {
  return new RegExp(claimPatterns.map(({ pattern }) => `(?:${fastForm(pattern.source)})`).join('|'), 'giu');
}

/** Removes the look-ahead and look-behind groups of a JavaScript pattern (for engines without them, such as ripgrep's default one). */
export function withoutLookarounds(source) {
  let result = '';
  for (let index = 0; index < source.length; index++) {
    if (/^\(\?<?[!=]/u.test(source.slice(index, index + 4))) {
      let depth = 0;
      let inClass = false;
      for (; index < source.length; index++) {
        const char = source[index];
        if (char === '\\') index++;
        else if (inClass) inClass = char !== ']';
        else if (char === '[') inClass = true;
        else if (char === '(') depth++;
        else if (char === ')' && --depth === 0) break;
      }
      continue;
    }
    const char = source[index];
    result += char;
    if (char === '\\') result += source[++index] ?? '';
  }
  return result;
}

/**
 * The claim phrases as one pattern for `rg -i` (Rust regex syntax: a word
 * start `(?<!\w)` as `\b`, the other look-arounds removed, so it matches a
 * little more).
 */
export function ripgrepPattern(claimPatterns) {
  return claimPatterns.map(({ pattern }) => `(?:${withoutLookarounds(pattern.source.replaceAll(String.raw`(?<!\w)`, String.raw`\b`))})`).join('|');
}
