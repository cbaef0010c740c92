// The floor of the workspace figure: what plain Node does with the same
// files, as fast as it can — walk the tree (readdir with file types; .git,
// node_modules, .hg and .svn skipped below the root, as the audit skips
// them), read every file the audit reads (engine/project.ts isRelevantFile:
// manifests, LICENSE-like files, Markdown) and run one pass of the claim
// phrases (bench/engine.mjs claimRegex, their fast form) over it. No
// .gitignore rules, no project model, no judging. Run as its own process,
// like rg, so that its wall time includes Node's start; prints JSON:
//
//   node bench/floor.mjs ENGINE_BUNDLE ROOT   →   {"files":N,"bytes":N,"matches":N}
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimRegex, loadEngine } from './engine.mjs';

const skipped = new Set(['.git', 'node_modules', '.hg', '.svn']);

export function floorPass(engine, root) {
  const regex = claimRegex(engine.claimPatterns);
  let files = 0;
  let bytes = 0;
  let matches = 0;
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop();
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && engine.isRelevantFile(path)) {
        const text = readFileSync(join(root, path), 'utf8');
        files++;
        bytes += text.length;
        regex.lastIndex = 0;
        while (regex.exec(text) !== null) matches++;
      }
    }
  }
  return { files, bytes, matches };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bundle, root] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(floorPass(loadEngine(bundle), root))}\n`);
}
