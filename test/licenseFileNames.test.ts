// Which file names are LICENSE files: the usual ones, and the names model
// repositories give them (SEAMLESS_LICENSE, LICENCE-SD-Turbo, LICENSE.model.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLicenseFileName } from '../server/src/engine/declarations/licenseFiles.js';

test('license file names of model repositories are recognised', () => {
  for (const name of ['LICENSE', 'LICENCE.md', 'COPYING', 'LICENSE-MIT', 'LICENSE-MODEL', 'MODEL_LICENSE', 'LICENSE.model.md', 'SEAMLESS_LICENSE', 'MIT_LICENSE', 'LLAMA2_LICENSE.md', 'LICENCE-SD-Turbo', 'LICENSE-Stable-Diffusion.txt']) {
    assert.ok(isLicenseFileName(name), name);
  }
});

test('names that only contain the word are not license files', () => {
  for (const name of ['license-mismatch.md', 'licenses.json', 'my_license.py', 'THIRD_PARTY_LICENSE', 'THIRD-PARTY-LICENSE', 'LICENSE-THIRD-PARTY', 'NOTICE_LICENSE', 'LICENSE-Checker.ts', 'License-Claims.md', 'license-checker', 'Mit_License', 'mit_license']) {
    assert.ok(!isLicenseFileName(name), name);
  }
});
