// The same verdict from any folder: every project of the labelled corpus
// (../shared/corpus, read where it is) gets the same findings for its files
// whether it is audited alone or as one folder of the whole corpus, and by the
// engine or by the CLI's tree audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../server/src/engine/audit.js';
import { walk } from '../server/src/files/walk.js';
import { LineIndex } from '../server/src/engine/text/lineIndex.js';
import { corpusDir, corpusPresent } from './support/corpusScore.js';
import { runCli } from './support/workspace.js';

interface Located {
  rule: string;
  file: string;
  line: number;
  message: string;
}

const key = (finding: Located) => `${finding.file}:${finding.line} ${finding.rule} ${finding.message}`;

function auditAlone(project: string): string[] {
  const { files } = walk(join(corpusDir, project));
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  return audit(files).findings.map((finding) => key({
    rule: finding.rule,
    file: `${project}/${finding.file}`,
    line: new LineIndex(textOf.get(finding.file) ?? '').positionAt(finding.span.start).line + 1,
    message: finding.message,
  })).sort();
}

test('corpus: every project gets the same findings audited alone and from the corpus folder (engine and CLI)', (context) => {
  if (!corpusPresent) {
    context.skip(`the labelled corpus is not at ${corpusDir} (it sits beside the clone as ../shared/corpus)`);
    return;
  }
  const projects = readdirSync(corpusDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const whole = runCli(['audit', corpusDir, '--format', 'json', '--fail-on', 'never']);
  assert.equal(whole.status, 0, whole.stderr);
  const fromParent = (JSON.parse(whole.stdout) as { findings: Located[] }).findings;
  const { files } = walk(corpusDir);
  const textOf = new Map(files.map((file) => [file.path, file.text]));
  const engineFromParent = audit(files).findings.map((finding) => ({
    rule: finding.rule,
    file: finding.file,
    line: new LineIndex(textOf.get(finding.file) ?? '').positionAt(finding.span.start).line + 1,
    message: finding.message,
  }));
  const differences: string[] = [];
  for (const project of projects) {
    const alone = auditAlone(project);
    const inProject = (finding: Located) => finding.file.startsWith(`${project}/`);
    for (const [how, found] of [['CLI', fromParent], ['engine', engineFromParent]] as const) {
      const parent = found.filter(inProject).map(key).sort();
      if (JSON.stringify(parent) === JSON.stringify(alone)) continue;
      const onlyAlone = alone.filter((entry) => !parent.includes(entry));
      const onlyParent = parent.filter((entry) => !alone.includes(entry));
      differences.push(`${project} (${how}):\n  alone only: ${onlyAlone.join('\n    ')}\n  from the parent only: ${onlyParent.join('\n    ')}`);
    }
  }
  assert.deepEqual(differences, [], differences.join('\n'));
});
