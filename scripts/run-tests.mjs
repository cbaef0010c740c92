// Runs every test/**/*.test.ts with node's test runner (TypeScript through
// tsx), printing the spec report and, last, "N passed, N failed, N skipped".
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'corpus' || entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = findTests(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => only.length === 0 || only.some((filter) => file.includes(filter)))
  .sort();
// The runner's own totals ("ℹ pass N"…) are read from the spec report and
// written last as the line CI reads: a reporter of our own would be cut off
// by --test-force-exit.
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    // a test file whose tests are done ends, even if a handle (a server it started, a timer) would keep it alive
    '--test-force-exit',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] },
);
let report = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  report += chunk.toString();
  // only the tail holds the totals
  if (report.length > 1_000_000) report = report.slice(-100_000);
});
child.on('close', (code) => {
  const total = (name) => {
    const found = [...report.matchAll(new RegExp(`^ℹ ${name} (\\d+)$`, 'gmu'))];
    return found.length > 0 ? Number(found[found.length - 1][1]) : 0;
  };
  const passed = total('pass');
  const failed = total('fail') + total('cancelled');
  const skipped = total('skipped') + total('todo');
  const counted = /^ℹ tests \d+$/mu.test(report);
  process.stdout.write(`\n${passed} passed, ${counted ? failed : Math.max(failed, 1)} failed, ${skipped} skipped\n`);
  process.exit(code ?? 1);
});
