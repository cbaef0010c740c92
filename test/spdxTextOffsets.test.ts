// The build writes, next to each copy of spdx-full.json (server/out/, dist/),
// where each license's text stands in it (spdx-text-offsets.json), so that the
// bundles read the few texts identification and the LICENSE fix need without
// parsing 5 MB (server/src/spdxTextFile.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { SpdxTextOffsets } from '../server/src/spdxTextFile.js';
import { cliPath, licenseText, makeWorkspace, repoRoot, tempDir } from './support/workspace.js';

for (const folder of ['server/out', 'dist']) {
  test(`${folder}/spdx-text-offsets.json points at every license text of the spdx-full.json beside it`, (context) => {
    const offsetsPath = join(repoRoot, folder, 'spdx-text-offsets.json');
    if (!existsSync(offsetsPath)) {
      context.skip(`${folder} is not built`);
      return;
    }
    const bytes = readFileSync(join(repoRoot, folder, 'spdx-full.json'));
    const offsets = JSON.parse(readFileSync(offsetsPath, 'utf8')) as SpdxTextOffsets;
    const full = JSON.parse(bytes.toString('utf8')) as Record<string, { licenseText?: string }>;
    assert.equal(offsets.size, bytes.length);
    const withText = Object.keys(full).filter((id) => typeof full[id].licenseText === 'string');
    assert.ok(withText.length > 500, `${withText.length} texts`);
    assert.deepEqual(Object.keys(offsets.texts).sort(), withText.sort());
    for (const id of withText) {
      const [offset, length] = offsets.texts[id];
      assert.equal(JSON.parse(bytes.subarray(offset, offset + length).toString('utf8')), full[id].licenseText, id);
    }
  });
}

test('the bundled CLI identifies LICENSE files without parsing spdx-full.json whole', () => {
  // a preload that makes requiring spdx-full.json fail: the texts must come through the offsets
  const preload = join(tempDir('license-claims-offsets-'), 'no-full-parse.cjs');
  writeFileSync(preload, [
    "const Module = require('node:module');",
    "const json = Module._extensions['.json'];",
    "Module._extensions['.json'] = (module, file) => {",
    "  if (file.endsWith('spdx-full.json')) throw new Error('spdx-full.json was parsed whole');",
    '  return json(module, file);',
    '};',
  ].join('\n'));
  const root = makeWorkspace({ 'MIT.txt': licenseText('MIT').replace('<year> <copyright holders>', '2024 Ada Lovelace'), 'APACHE.txt': licenseText('Apache-2.0'), 'BSD.txt': licenseText('BSD-3-Clause') });
  const run = spawnSync(process.execPath, ['--require', preload, cliPath, 'identify', '--format', 'json', 'MIT.txt', 'APACHE.txt', 'BSD.txt'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const results = JSON.parse(run.stdout) as { file: string; license: string | null }[];
  assert.deepEqual(results.map(({ file, license }) => [file, license]), [['MIT.txt', 'MIT'], ['APACHE.txt', 'Apache-2.0'], ['BSD.txt', 'BSD-3-Clause']]);
});

test('a spdx-full.json changed since its index was written (same size, other bytes) is read whole, not misread', () => {
  // the CLI bundle and its data copied aside, the JSON shifted by one byte before its last text (still valid, same size)
  const dir = tempDir('license-claims-offsets-');
  for (const name of ['license-claims.js', 'license-templates.json', 'spdx-text-offsets.json']) copyFileSync(join(repoRoot, 'server', 'out', name), join(dir, name));
  const full = readFileSync(join(repoRoot, 'server', 'out', 'spdx-full.json'), 'utf8');
  const last = full.lastIndexOf('": "');
  assert.ok(last > full.length / 2);
  const shifted = ` ${full.slice(0, last)}":"${full.slice(last + 4)}`;
  assert.equal(Buffer.byteLength(shifted), Buffer.byteLength(full));
  writeFileSync(join(dir, 'spdx-full.json'), shifted);
  const root = makeWorkspace({ 'MIT.txt': licenseText('MIT').replace('<year> <copyright holders>', '2024 Ada Lovelace'), 'BSD.txt': licenseText('BSD-3-Clause') });
  const script = `require(${JSON.stringify(join(dir, 'license-claims.js'))}).main(['identify', '--format', 'json', 'MIT.txt', 'BSD.txt'], (t) => process.stdout.write(t), (t) => process.stderr.write(t)).then((code) => { process.exitCode = code; });`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const results = JSON.parse(run.stdout) as { file: string; license: string | null }[];
  assert.deepEqual(results.map(({ file, license }) => [file, license]), [['MIT.txt', 'MIT'], ['BSD.txt', 'BSD-3-Clause']]);
});
