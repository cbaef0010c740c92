// How long the messages of real findings are (the Problems panel cuts a long
// one off): every finding on the labelled corpus of real projects
// (../shared/corpus), its median and longest message printed, not asserted —
// the targets are a median of at most 140 characters and none over 220.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../server/src/engine/audit.js';
import { walk } from '../server/src/files/walk.js';
import { corpusDir, corpusPresent } from './support/corpusScore.js';

test('message lengths on the real-world corpus (printed)', (context) => {
  if (!corpusPresent) {
    context.skip(`the labelled corpus is not at ${corpusDir}`);
    return;
  }
  const messages: { rule: string; length: number; message: string }[] = [];
  for (const project of readdirSync(corpusDir).filter((name) => statSync(join(corpusDir, name)).isDirectory())) {
    for (const finding of audit(walk(join(corpusDir, project)).files).findings) {
      messages.push({ rule: finding.rule, length: [...finding.message].length, message: finding.message });
    }
  }
  const lengths = messages.map((entry) => entry.length).sort((a, b) => a - b);
  const median = lengths.length === 0 ? 0 : lengths[Math.floor((lengths.length - 1) / 2)];
  const longest = messages.reduce((best, entry) => (entry.length > (best?.length ?? -1) ? entry : best), messages[0]);
  context.diagnostic(`${messages.length} findings; message length median ${median}, longest ${longest?.length ?? 0} (target: median ≤ 140, none over 220); over 220: ${lengths.filter((length) => length > 220).length}`);
  if (longest) context.diagnostic(`longest (${longest.rule}): ${longest.message.slice(0, 240)}${longest.length > 240 ? "…" : ""}`);
});

test('a claim message keeps its reason\'s first clause, unless its head alone is over the budget and the clause takes it past the limit', async () => {
  const { sentence, messageLimit } = await import('../server/src/engine/rules/claimMessages.js');
  const short = 'Openwashing: the project is called “open source”, but its license (CC-BY-NC-4.0) is not OSI-approved';
  assert.equal(sentence(short, ': it permits non-commercial use only'), `${short}: it permits non-commercial use only.`);
  // a short head keeps its first clause even past the limit: the reason is what the user needs
  const modified = 'Openwashing: the model is called “open-source”, but its license (modified MIT) is not OSI-approved';
  const added = ': it adds terms to the MIT license: LICENSE takes the license away above a number of users (line 5) — not open source (OSD 5)';
  assert.equal(sentence(modified, added), `${modified}${added}.`);
  // the seamless_communication shape: several licenses named before the reason
  const long = `Only part of the project is open source: the project declares MIT, but the model is under CC-BY-NC-4.0, and the custom license in EXAMPLE-LICENSE is declared too, which is not OSI-approved`;
  const reason = ': EXAMPLE_LICENSE limits use to non-commercial purposes (line 22) — not open source (OSD 6)';
  assert.ok(`${long}${reason}.`.length > messageLimit);
  assert.equal(sentence(long, reason), `${long}.`);
});
