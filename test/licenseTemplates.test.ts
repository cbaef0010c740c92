// The build writes the license templates (the SPDX texts as identification
// reads them) next to the bundles, so the first identification is fast; they
// must be exactly what the sources compute from the texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTemplates, type CompactTemplates } from '../server/src/engine/licenses/identifyLicenseText.js';
import { repoRoot } from './support/workspace.js';

test('the bundled license templates are what the sources compute from the SPDX texts', () => {
  const bundled = JSON.parse(readFileSync(join(repoRoot, 'server', 'out', 'license-templates.json'), 'utf8')) as CompactTemplates;
  const computed = computeTemplates(JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'spdx-license-list', 'spdx-full.json'), 'utf8')) as Record<string, { licenseText: string }>);
  assert.ok(computed.ids.length > 500, `${computed.ids.length} templates`);
  assert.deepEqual(bundled, computed);
});
