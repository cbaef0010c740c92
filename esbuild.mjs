// Bundles the CLI (and, later, the language server and the VS Code client).
// tsc only type-checks; esbuild writes the files that run.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

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

// The full SPDX license texts (5 MB) are needed only to identify a LICENSE
// file or to write one: they stay a JSON file next to the bundles, read on
// first use, so that starting the CLI, the server or a worker does not parse them.
const licenseTexts = 'spdx-license-list/spdx-full.json';
const lazyLicenseTexts = {
  name: 'lazy-license-texts',
  setup(context) {
    // esbuild takes Go regular expressions: no /u flag
    context.onResolve({ filter: /^spdx-license-list\/spdx-full\.json$/ }, () => ({ path: './spdx-full.json', external: true }));
  },
};
mkdirSync('server/out', { recursive: true });
copyFileSync(createRequire(import.meta.url).resolve(licenseTexts), 'server/out/spdx-full.json');

await build({
  ...common,
  entryPoints: { 'license-claims': 'server/src/cli/main.ts', server: 'server/src/server.ts', factsWorker: 'server/src/files/factsWorker.ts' },
  outdir: 'server/out',
  plugins: [lazyLicenseTexts],
});

await build({
  ...common,
  entryPoints: { extension: 'client/src/extension.ts' },
  outdir: 'client/out',
  external: ['vscode'],
});
