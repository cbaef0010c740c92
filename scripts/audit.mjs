// `npm run audit [-- args…]`: the workspace audit. With no arguments it audits
// the bundled test-fixtures/ (a demonstration: every rule fires there, so it
// does not fail the run); with arguments it is `license-claims audit args…`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const given = process.argv.slice(2);
const args = given.length > 0 ? given : ['test-fixtures', '--fail-on', 'never'];
const result = spawnSync(process.execPath, [`${root}bin/license-claims.js`, 'audit', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 2);
