// Runs client/test/suite in a real VS Code with @vscode/test-electron 2.x.
//   tsx client/test/runTest.ts               VSCODE_PATH, or a VS Code download (needs the internet)
//   tsx client/test/runTest.ts --build-only  only bundles the suite to client/out/test/suite.js
// The extension itself must be built first (npm run build): the suite drives client/out and server/out.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

export const repoRoot = join(__dirname, '..', '..');
export const suitePath = join(repoRoot, 'client', 'out', 'test', 'suite.js');
const fixture = join(repoRoot, 'test-fixtures', 'openwashed-llama-model-card');

/** Bundles the suite (it runs in the extension host, which provides `vscode`). */
export async function buildSuite(): Promise<string> {
  await build({
    entryPoints: [join(repoRoot, 'client', 'test', 'suite', 'extension.test.ts')],
    outfile: suitePath,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return suitePath;
}

/** A throwaway copy of the fixture, plus docs/overview.md: a claim in a file the suite never opens. */
function makeWorkspace(root: string): string {
  const workspace = join(root, 'openwashed-llama-model-card');
  cpSync(fixture, workspace, { recursive: true });
  mkdirSync(join(workspace, 'docs'));
  writeFileSync(join(workspace, 'docs', 'overview.md'), '# Overview\n\nHelix-8B-Chat is an open-source model for support dialogue.\n');
  return workspace;
}

/** Runs the suite in the VS Code at `vscodeExecutablePath`; rejects when a step fails. */
export async function runElectronSuite(vscodeExecutablePath: string): Promise<void> {
  const extensionTestsPath = await buildSuite();
  const root = mkdtempSync(join(tmpdir(), 'license-claims-vscode-'));
  try {
    const workspace = makeWorkspace(root);
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(root, 'user-data')}`,
        `--extensions-dir=${join(root, 'extensions')}`,
      ],
    });
    if (exitCode !== 0) throw new Error(`the VS Code suite exited with ${exitCode}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void (async () => {
    if (process.argv.includes('--build-only')) {
      console.log(await buildSuite());
      return;
    }
    const vscodeExecutablePath = process.env.VSCODE_PATH ?? (await downloadAndUnzipVSCode('1.100.3'));
    await runElectronSuite(vscodeExecutablePath);
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
