// A License section's link to a license file inside the project: which links
// count, and that the linked text decides the claim (a model card included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../server/src/engine/audit.js';
import { linkedLicensePaths, linkedLicenseReference } from '../server/src/engine/declarations/linkedLicense.js';

test('only relative links to a license file at or below the README count', () => {
  assert.equal(linkedLicenseReference('LICENSE-MODEL'), 'LICENSE-MODEL');
  assert.equal(linkedLicenseReference('./docs/MODEL_LICENSE.md#terms'), 'docs/MODEL_LICENSE.md');
  assert.equal(linkedLicenseReference('model%20licenses/LICENSE'), 'model licenses/LICENSE');
  for (const url of ['../LICENSE', 'https://example.com/LICENSE', '/LICENSE', '#license', 'docs/usage.md', 'mailto:legal@example.com']) assert.equal(linkedLicenseReference(url), undefined, url);
  assert.deepEqual(linkedLicensePaths('pkg/README.md', 'See [the license](LICENSE-MODEL) and [usage](USAGE.md).\n\n[terms]: ./docs/MODEL_LICENSE.md\n'), ['pkg/LICENSE-MODEL', 'pkg/docs/MODEL_LICENSE.md']);
});

const custom = 'Wren Model License\n\n1. You may use the weights subject to these terms.\n\n2. You shall not use the weights for military purposes.\n';

test('a model card away from its project README is judged by the license file its License section links', () => {
  const card = '---\nlicense: other\n---\n\n# Wren\n\nWren is an open-source model.\n\n## License\n\nSee [the Wren license](terms/WREN_LICENSE).\n';
  const { findings } = audit([
    { path: 'package.json', text: '{ "name": "wren-tools", "license": "MIT" }' },
    { path: 'models/wren.md', text: card },
    { path: 'models/terms/WREN_LICENSE', text: custom },
  ]);
  const claim = findings.find((finding) => finding.file === 'models/wren.md');
  assert.equal(claim?.rule, 'claim-non-osi-license', JSON.stringify(findings.map((finding) => [finding.rule, finding.file, finding.message])));
  assert.match(claim!.message, /WREN_LICENSE restricts fields of use \(line 5\)/);
});

test('a link to a license file that is not there declares nothing', () => {
  const { findings } = audit([
    { path: 'README.md', text: '# Wren\n\nWren is an open-source tool.\n\n## License\n\nMIT. See [LICENSE-MODEL](LICENSE-MODEL).\n' },
  ]);
  assert.deepEqual(findings.map((finding) => finding.rule), []);
});
