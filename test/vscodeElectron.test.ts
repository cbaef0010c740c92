// The @vscode/test-electron suite (client/test/suite), for machines with a
// local VS Code: set VSCODE_PATH to its executable. VS Code cannot be
// downloaded here; the real-VS-Code run in CI is the code-server suite.
import { test } from 'node:test';
import { runElectronSuite } from '../client/test/runTest.js';

test('the extension in a real VS Code: diagnostic, reword quick fix, workspace audit (@vscode/test-electron)', { timeout: 300_000 }, async (t) => {
  const vscodeExecutablePath = process.env.VSCODE_PATH;
  if (!vscodeExecutablePath) {
    t.skip('VSCODE_PATH is not set: the @vscode/test-electron suite needs a local VS Code (it cannot be downloaded here); the real-VS-Code run in CI is the code-server suite');
    return;
  }
  await runElectronSuite(vscodeExecutablePath);
});
