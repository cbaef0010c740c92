// Temporary workspaces for process tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const repoRoot = join(__dirname, '..', '..');
export const cliPath = join(repoRoot, 'bin', 'license-claims.js');

export function licenseText(id: string): string {
   
  return (require('spdx-license-list/spdx-full.json') as Record<string, { licenseText: string }>)[id].licenseText;
}

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed when the test process exits. */
export function tempDir(prefix = 'license-claims-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Creates a folder holding `files` (path → content) and returns its path. */
export function makeWorkspace(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = repoRoot): CliResult {
  // a guard against a hung process, not a speed limit: the whole-corpus audit took 60 s at load 16 here
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
