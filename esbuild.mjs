// Bundles the CLI (and, later, the language server and the VS Code client).
// tsc only type-checks; esbuild writes the files that run.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // the license texts as identification reads them, computed once here (see identifyLicenseText.ts)
    context.onResolve({ filter: /^license-claims:license-templates\.json$/ }, () => ({ path: './license-templates.json', external: true }));
  },
};
mkdirSync('server/out', { recursive: true });
const require = createRequire(import.meta.url);
copyFileSync(require.resolve(licenseTexts), 'server/out/spdx-full.json');
{
  const tool = 'server/out/.templates-tool.js';
  await build({ ...common, entryPoints: ['server/src/engine/licenses/identifyLicenseText.ts'], outfile: tool, sourcemap: false, logLevel: 'error' });
  const { computeTemplates } = require(`./${tool}`);
  writeFileSync('server/out/license-templates.json', JSON.stringify(computeTemplates(require(licenseTexts))));
  rmSync(tool);
}

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
