// The license data the bundles read at run time, as files next to them
// (server/out/ from esbuild.mjs, dist/ from scripts/build-dist.mjs), read on
// first use so that starting the CLI, the server or a worker parses none of it:
//   spdx-full.json          the SPDX license texts (spdx-license-list, 5 MB), copied
//   spdx-text-offsets.json  where each text's JSON string stands in that copy (byte
//                           offset and length), so that one text is read alone
//                           (server/src/spdxTextFile.ts)
//   license-templates.json  the texts as identification reads them, computed here
//                           (identifyLicenseText.ts computeTemplates)
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;

/** The files writeLicenseData writes. */
export const licenseDataFiles = ['spdx-full.json', 'spdx-text-offsets.json', 'license-templates.json'];

/** An esbuild plugin that keeps the data files external: the bundle requires them from its own folder. */
export const licenseDataPlugin = {
  name: 'license-data',
  setup(context) {
    // esbuild takes Go regular expressions: no /u flag
    context.onResolve({ filter: /^spdx-license-list\/spdx-full\.json$/ }, () => ({ path: './spdx-full.json', external: true }));
    context.onResolve({ filter: /^license-claims:(license-templates|spdx-text-offsets)\.json$/ }, (args) => ({ path: `./${args.path.slice('license-claims:'.length)}`, external: true }));
  },
};

/**
 * Where each license's text stands in the bytes of spdx-full.json: the offset
 * and length of its JSON string, found after the license's key and checked to
 * be exactly that string (the build fails rather than write a wrong offset).
 */
export function spdxTextOffsets(bytes) {
  const full = JSON.parse(bytes.toString('utf8'));
  const texts = {};
  let from = 0;
  for (const [id, entry] of Object.entries(full)) {
    if (typeof entry.licenseText !== 'string') continue;
    const key = bytes.indexOf(`${JSON.stringify(id)}:`, from);
    const field = key < 0 ? -1 : bytes.indexOf('"licenseText":', key);
    const literal = Buffer.from(JSON.stringify(entry.licenseText));
    const start = field < 0 ? -1 : bytes.indexOf(literal, field);
    const between = start < 0 ? '' : bytes.subarray(field + '"licenseText":'.length, start).toString('utf8');
    if (start < 0 || between.trim() !== '') throw new Error(`spdx-full.json: the text of ${id} is not where expected, or not written as JSON.stringify writes it`);
    texts[id] = [start, literal.length];
    from = start + literal.length;
  }
  return { size: bytes.length, texts };
}

/** Writes the data files into `outdir`; `common` are the build's esbuild options. */
export async function writeLicenseData(outdir, common) {
  const source = require.resolve('spdx-license-list/spdx-full.json');
  copyFileSync(source, join(outdir, 'spdx-full.json'));
  writeFileSync(join(outdir, 'spdx-text-offsets.json'), JSON.stringify(spdxTextOffsets(readFileSync(join(outdir, 'spdx-full.json')))));
  const tool = resolve(outdir, '.templates-tool.js');
  await build({ ...common, entryPoints: [join(root, 'server/src/engine/licenses/identifyLicenseText.ts')], outfile: tool, sourcemap: false, logLevel: 'error', plugins: [licenseDataPlugin] });
  try {
    const { computeTemplates } = require(tool);
    writeFileSync(join(outdir, 'license-templates.json'), JSON.stringify(computeTemplates(require(source))));
  } finally {
    rmSync(tool);
    delete require.cache[tool];
  }
}
