// The engine stays pure: no VS Code, LSP or file-system-walk imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []);
}

test('server/src/engine imports nothing from vscode, the LSP libraries, the CLI or node:fs', () => {
  const offenders: string[] = [];
  for (const file of sources(join(__dirname, '..', 'server', 'src', 'engine'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/gu)) {
      const target = match[1];
      if (/^(?:vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(?:\/|$)/u.test(target) || /(?:^|\/)cli\//u.test(target) || /^(?:node:)?fs(?:\/|$)/u.test(target)) {
        offenders.push(`${file}: ${target}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
