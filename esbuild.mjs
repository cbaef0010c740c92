// Bundles the CLI (and, later, the language server and the VS Code client).
// tsc only type-checks; esbuild writes the files that run.
import { mkdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { licenseDataPlugin, writeLicenseData } from './scripts/licenseData.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { LICENSE_CLAIMS_VERSION: JSON.stringify(version) },
  // the ESM-only markdown parsers are bundled in, so the output is one file per entry
  mainFields: ['module', 'main'],
};

// The license texts and templates are JSON files next to the bundles, read on
// first use (scripts/licenseData.mjs).
mkdirSync('server/out', { recursive: true });
await writeLicenseData('server/out', common);

await build({
  ...common,
  // server.js starts server-bundle.js, with V8's code cache when it has one (serverStart.ts)
  entryPoints: { 'license-claims': 'server/src/cli/main.ts', server: 'server/src/serverStart.ts', 'server-bundle': 'server/src/server.ts', factsWorker: 'server/src/files/factsWorker.ts' },
  outdir: 'server/out',
  plugins: [licenseDataPlugin],
});

await build({
  ...common,
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'client/out',
  external: ['vscode'],
});
