// Figure 1, in-process part: how long the engine's public entry `audit(files)`
// takes to judge a large Markdown document (a model card with front matter,
// many claims, code blocks, lists), next to one pass of a single regular
// expression made of the claim phrases over the same text (the baseline).
//
//   cold        the first judgment of a text the process has never seen (a
//               fresh document of the same size and shape for every run,
//               after one warm-up judgment of another document, and with
//               the engine's memory of Markdown chunks cleared first)
//   after edit  re-judging after a one-character insertion in the middle of
//               the document, as typing does (each run types one more
//               character at the same place). The edits of a run follow one
//               another as typing does, with one collection before the
//               series and none between them: a full collection discards
//               V8's compiled regular expressions, which typing does not do
//               between two keystrokes (the server collects only after 2 s
//               idle, lsp/idleCollector.ts). Garbage made by the edits is
//               collected inside the timed runs, as it would be.
//   after a collection  the same edit, each preceded by a full collection
//               (the first keystroke after an idle pause): info
//
// The files judged are the document plus a package.json and a LICENSE, as
// the language server gathers them for a README; like the server, the bench
// tells audit() that the document is being edited (`editing`), so that the
// engine remembers its chunks. Runs in its own process
// (started by bench/run.mjs with --expose-gc; a collection, not timed, before
// each cold run, each regex pass and the edit series), and prints its results as JSON:
//
//   node --expose-gc bench/keystroke.mjs ENGINE_BUNDLE '{"sizes":[1048576],"coldRuns":3,"editRuns":5}'
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { markdownDocument, random } from './tree/generateTree.mjs';
import { claimRegex, loadEngine } from './engine.mjs';
import { median } from './lib.mjs';

const require = createRequire(import.meta.url);
const mitText = require('spdx-license-list/full').MIT.licenseText;

export const manifestText = `${JSON.stringify({ name: 'big-model', version: '1.0.0', description: 'A large model card.', license: 'MIT' }, null, 2)}\n`;

/**
 * The large document of a given size: an openwashed model card (front matter
 * `license: llama3`, so that its claims become findings, each with its
 * message, related locations and fixes). `variant` gives another document of
 * the same shape.
 */
export function largeDocument(bytes, variant = 0) {
  return markdownDocument(random(7919 * (variant + 1) + bytes), bytes, { frontMatter: true, license: 'llama3' });
}

/** Where typing happens: inside the first word of the first prose paragraph after the middle of the text. */
export function editOffset(text) {
  let offset = Math.floor(text.length / 2);
  for (;;) {
    const blockStart = text.indexOf('\n\n', offset);
    if (blockStart < 0) return Math.floor(text.length / 2);
    const start = blockStart + 2;
    if (/^[A-Z][a-z]/u.test(text.slice(start, start + 2))) return start + 1;
    offset = start;
  }
}

const collect = () => globalThis.gc?.();

function time(fn, { collectFirst = true } = {}) {
  if (collectFirst) collect();
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

function regexPass(regex, text) {
  regex.lastIndex = 0;
  let matches = 0;
  while (regex.exec(text) !== null) matches++;
  return matches;
}

export function measureKeystroke(engine, { sizes, coldRuns, editRuns, regexRuns = 9 }) {
  const { audit, clearChunkCache = () => undefined } = engine;
  const options = { editing: (path) => path === 'README.md' };
  const regex = claimRegex(engine.claimPatterns);
  const filesFor = (text) => [{ path: 'README.md', text }, { path: 'package.json', text: manifestText }, { path: 'LICENSE', text: mitText }];
  const results = [];
  // warm-up: the JIT and the engine's lazily built tables, on a document not measured
  audit(filesFor(largeDocument(64 * 1024, 99)), options);
  for (const bytes of sizes) {
    const documents = Array.from({ length: coldRuns }, (_, index) => largeDocument(bytes, index + 1));
    const regexMs = [];
    const coldMs = [];
    let findings = 0;
    let matches = 0;
    for (const text of documents) {
      const pass = time(() => regexPass(regex, text));
      regexMs.push(pass.ms);
      matches = pass.value;
      clearChunkCache();
      const judged = time(() => audit(filesFor(text), options));
      coldMs.push(judged.ms);
      findings = judged.value.findings.length;
    }
    // typing into the last document judged
    let text = documents[documents.length - 1];
    const at = editOffset(text);
    const editMs = [];
    const afterCollectionMs = [];
    let typed = 0;
    const type = () => {
      text = `${text.slice(0, at + typed)}x${text.slice(at + typed)}`;
      typed++;
    };
    for (let index = 0; index < editRuns; index++) {
      type();
      afterCollectionMs.push(time(() => audit(filesFor(text), options)).ms);
    }
    for (let index = 0; index < regexRuns; index++) regexMs.push(time(() => regexPass(regex, text)).ms);
    collect();
    for (let index = 0; index < editRuns * 2; index++) {
      type();
      editMs.push(time(() => audit(filesFor(text), options), { collectFirst: false }).ms);
    }
    results.push({
      bytes: Buffer.byteLength(text),
      findings,
      regexMatches: matches,
      regexMs: median(regexMs),
      coldMs: median(coldMs),
      editMs: median(editMs),
      afterCollectionMs: median(afterCollectionMs),
      runs: { regex: regexMs.length, cold: coldMs.length, edit: editMs.length, afterCollection: afterCollectionMs.length },
    });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bundle, options] = process.argv.slice(2);
  const results = measureKeystroke(loadEngine(bundle), JSON.parse(options));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
