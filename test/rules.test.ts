// Rule messages and fixes, through the engine on in-memory files. Every fix
// is applied and the files re-judged: the finding is gone and manifests parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audit } from '../server/src/engine/audit.js';
import type { Finding, Fix, SourceFile } from '../server/src/engine/types.js';
import { licenseText } from './support/workspace.js';

const run = (files: SourceFile[], policy?: 'apache-mit') => audit(files, { configFor: () => (policy ? { policy } : {}) }).findings;

function applyFix(files: SourceFile[], fix: Fix): SourceFile[] {
  const result = files.map((file) => {
    const edits = fix.edits.filter((edit) => edit.file === file.path).sort((a, b) => b.span.start - a.span.start);
    let text = file.text;
    for (const edit of edits) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    return { path: file.path, text };
  });
  for (const created of fix.createFiles ?? []) {
    assert.ok(!files.some((file) => file.path === created.file), `a fix must never overwrite ${created.file}`);
    result.push({ path: created.file, text: created.text });
  }
  return result;
}

function only(findings: Finding[], rule: string): Finding {
  const matching = findings.filter((finding) => finding.rule === rule);
  assert.equal(matching.length, 1, JSON.stringify(findings.map((finding) => `${finding.rule} ${finding.message}`)));
  return matching[0];
}

test('claim-partial-license names the open branch of an AND expression and what applies too', () => {
  const files = [
    { path: 'package.json', text: '{"name": "x", "license": "MIT AND CC-BY-NC-4.0"}' },
    { path: 'README.md', text: 'X is open source.\n' },
  ];
  const finding = only(run(files), 'claim-partial-license');
  assert.equal(finding.message, 'Only part of the project is open source: package.json `license` puts part under MIT, but part under CC-BY-NC-4.0, which is not OSI-approved: it permits non-commercial use only.');
});

test('claim-non-osi-license explains the Llama restrictions and points at the front matter', () => {
  const text = '---\nlicense: llama3\n---\n\nFoo-8B is an open-source model.\n';
  const finding = only(run([{ path: 'README.md', text }]), 'claim-non-osi-license');
  assert.match(finding.message, /^Openwashing: the model is called “open-source”, but its license \(Llama 3 Community License\) is not OSI-approved: it restricts use above 700 million monthly active users/);
  assert.equal(text.slice(finding.related[0].span.start, finding.related[0].span.end), 'llama3');
  assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText), ['open-weight', 'source-available', '<!-- license-claims-disable-next-line claim-non-osi-license -->\n']);
});

test('the reword fix removes the finding', () => {
  const files = [{ path: 'package.json', text: '{"name": "x", "license": "BUSL-1.1"}' }, { path: 'README.md', text: 'X is open source.\n' }];
  const finding = only(run(files), 'claim-non-osi-license');
  const fixed = applyFix(files, finding.fixes[0]);
  assert.equal(fixed[1].text, 'X is source-available.\n');
  assert.deepEqual(run(fixed), []);
});

test('claim-without-license offers LICENSE files with the full Apache-2.0 and MIT texts', () => {
  const files = [{ path: 'README.md', text: 'X is open source.\n' }];
  const finding = only(run(files), 'claim-without-license');
  const [apache, mit] = finding.fixes;
  assert.equal(apache.createFiles![0].file, 'LICENSE');
  assert.match(apache.createFiles![0].text, /^Apache License\nVersion 2\.0, January 2004/);
  assert.match(mit.createFiles![0].text, new RegExp(`Copyright \\(c\\) ${new Date().getFullYear()}`));
  for (const fix of [apache, mit]) assert.deepEqual(run(applyFix(files, fix)), []);
});

test('deprecated-license-id: GPL-2.0 offers -only and -or-later, GPL-2.0+ only -or-later; fixes keep the manifest valid', () => {
  const files = [{ path: 'package.json', text: '{\n  "name": "x",\n  "license": "GPL-2.0"\n}\n' }];
  const finding = only(run(files), 'deprecated-license-id');
  assert.deepEqual(finding.fixes.map((fix) => fix.edits[0].newText), ['GPL-2.0-only', 'GPL-2.0-or-later']);
  for (const fix of finding.fixes) {
    const fixed = applyFix(files, fix);
    assert.doesNotThrow(() => JSON.parse(fixed[0].text));
    assert.deepEqual(run(fixed), []);
  }
  const plus = [{ path: 'Cargo.toml', text: '[package]\nname = "x"\nlicense = "MIT OR GPL-2.0+"\n' }];
  const plusFinding = only(run(plus), 'deprecated-license-id');
  assert.match(plusFinding.message, /uses “GPL-2\.0\+”/);
  assert.deepEqual(plusFinding.fixes.map((fix) => fix.edits[0].newText), ['GPL-2.0-or-later']);
  const fixed = applyFix(plus, plusFinding.fixes[0]);
  assert.equal(fixed[0].text, '[package]\nname = "x"\nlicense = "MIT OR GPL-2.0-or-later"\n');
  assert.deepEqual(run(fixed), []);
});

test('invalid-license-id offers spdx-correct\'s correction, and it fixes the value', () => {
  const files = [{ path: 'pyproject.toml', text: '[project]\nname = "x"\nlicense = "Apache 2"\n' }];
  const finding = only(run(files), 'invalid-license-id');
  assert.match(finding.message, /did you mean “Apache-2\.0”\?/);
  const fixed = applyFix(files, finding.fixes[0]);
  assert.equal(fixed[0].text, '[project]\nname = "x"\nlicense = "Apache-2.0"\n');
  assert.deepEqual(run(fixed), []);
});

test('license-mismatch: a tie is reported once, on the manifest (the LICENSE text is trusted), naming both; the fix sets it to what the LICENSE text says', () => {
  const files = [{ path: 'package.json', text: '{"name": "x", "license": "ISC"}' }, { path: 'LICENSE', text: licenseText('MIT') }];
  const found = run(files).filter((candidate) => candidate.rule === 'license-mismatch');
  assert.deepEqual(found.map((candidate) => candidate.file), ['package.json'], 'one against one: one finding, on the less trusted side');
  const finding = found[0]!;
  assert.match(finding.message, /^package\.json `license` says ISC, but LICENSE \(MIT text\) says MIT/);
  const fixed = applyFix(files, finding.fixes[0]);
  assert.deepEqual(run(fixed), []);
});

test('a claim about the code, where only the model has a license, says so', () => {
  const files = [{ path: 'LICENSE-MODEL', text: 'META LLAMA 3 COMMUNITY LICENSE AGREEMENT\n"Agreement" means the terms and conditions for use, reproduction, distribution and modification of the Llama Materials set forth herein.' }, { path: 'README.md', text: 'The source code is open source.\n' }];
  const finding = only(run(files), 'claim-without-license');
  assert.match(finding.message, /declares a license only for the model, none for the code/);
});

test('monorepo: a package without declarations falls back to the root; a package with its own is judged by them', () => {
  const files = [
    { path: 'package.json', text: '{"name": "root", "license": "MIT"}' },
    { path: 'packages/a/package.json', text: '{"name": "a", "license": "CC-BY-NC-4.0"}' },
    { path: 'packages/a/README.md', text: 'A is open source.\n' },
    { path: 'packages/b/README.md', text: 'B is open source.\n' },
  ];
  const findings = run(files);
  assert.deepEqual(findings.map((finding) => `${finding.rule} ${finding.file}`), ['claim-non-osi-license packages/a/README.md']);
});

test('FSF-libre but not OSI-approved: a softer, exact message for "open source", and "free software" is backed', () => {
  const wtfpl = (claim: string) => [{ path: 'package.json', text: '{"name": "x", "license": "WTFPL"}' }, { path: 'README.md', text: `X is ${claim}.\n` }];
  const finding = only(run(wtfpl('open source')), 'claim-non-osi-license');
  assert.equal(finding.message, 'The project is called “open source”, but its license (WTFPL) is not OSI-approved, though the FSF counts it as free software: call it “free software”.');
  assert.deepEqual(run(wtfpl('free software')), []);
  const nonCommercial = [{ path: 'package.json', text: '{"name": "x", "license": "CC-BY-NC-4.0"}' }, { path: 'README.md', text: 'X is free software.\n' }];
  assert.match(only(run(nonCommercial), 'claim-non-osi-license').message, /is neither OSI-approved nor on the FSF's list of free licenses: it permits non-commercial use only/);
});

test('claim-without-license declares Apache-2.0 or MIT in each manifest, in its own syntax and formatting; every fix removes the finding', () => {
  const cases: [string, string, string][] = [
    ['package.json', '{\n    "name": "x",\n    "version": "1.0.0"\n}\n', '{\n    "name": "x",\n    "version": "1.0.0",\n    "license": "Apache-2.0"\n}\n'],
    ['pyproject.toml', '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "x"\nversion = "1.0"\n\n[tool.x]\na = 1\n', '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "x"\nversion = "1.0"\nlicense = "Apache-2.0"\n\n[tool.x]\na = 1\n'],
    ['Cargo.toml', '[package]\nname = "x"\nversion = "0.1.0"\n', '[package]\nname = "x"\nversion = "0.1.0"\nlicense = "Apache-2.0"\n'],
  ];
  for (const [name, before, after] of cases) {
    const files = [{ path: name, text: before }, { path: 'README.md', text: 'X is open source.\n' }];
    const finding = only(run(files), 'claim-without-license');
    const declare = finding.fixes.find((fix) => fix.title === `Declare Apache-2.0 in ${name}`);
    assert.ok(declare, finding.fixes.map((fix) => fix.title).join(', '));
    const fixed = applyFix(files, declare);
    assert.equal(fixed[0].text, after, name);
    assert.deepEqual(run(fixed), [], name);
    for (const fix of finding.fixes) assert.deepEqual(run(applyFix(files, fix)).filter((other) => other.rule === 'claim-without-license'), [], `${name}: ${fix.title}`);
  }
});

test('a model card without a license gets one in its front matter', () => {
  const files = [{ path: 'README.md', text: '---\ntags:\n- nlp\n---\n\nAn open-source model.\n' }];
  const finding = only(run(files), 'claim-without-license');
  const fix = finding.fixes.find((candidate) => candidate.title === 'Declare MIT in README.md')!;
  assert.equal(applyFix(files, fix)[0].text, '---\ntags:\n- nlp\nlicense: mit\n---\n\nAn open-source model.\n');
});

test('the suppression fix silences the finding; it is never offered inside front matter', () => {
  const files = [{ path: 'package.json', text: '{"name": "x", "license": "CC-BY-NC-4.0"}' }, { path: 'README.md', text: '# X\n\n  - X is open source.\n' }];
  const finding = only(run(files), 'claim-non-osi-license');
  const suppress = finding.fixes.find((fix) => fix.title === 'Suppress claim-non-osi-license on this line')!;
  const fixed = applyFix(files, suppress);
  assert.equal(fixed[1].text, '# X\n\n  <!-- license-claims-disable-next-line claim-non-osi-license -->\n  - X is open source.\n');
  assert.deepEqual(run(fixed), []);
  const card = [{ path: 'README.md', text: '---\nlicense: mit\nbase_model: meta-llama/Meta-Llama-3-8B\n---\n\nA fine-tune.\n' }];
  const conflict = only(run(card), 'base-model-license-conflict');
  assert.equal(conflict.fixes.some((fix) => fix.title.startsWith('Suppress')), false);
});

test('policy apache-mit: an OSI-approved BSD-3-Clause is not allowed by the policy, a warning, not openwashing', () => {
  const files = [{ path: 'LICENSE', text: licenseText('BSD-3-Clause') }, { path: 'README.md', text: 'Foo is open source.\n' }];
  const findings = audit(files, { configFor: () => ({ policy: 'apache-mit' }) }).findings;
  const finding = only(findings, 'claim-non-osi-license');
  assert.equal(finding.severity, 'warning');
  assert.doesNotMatch(finding.message, /openwashing/iu);
  assert.match(finding.message, /BSD-3-Clause\) is OSI-approved but not allowed by policy apache-mit: it is neither Apache-2\.0 nor MIT\.$/u);
});

test('license-mismatch: Python-2.0 (as PyPI names the PSF license) and a Python-2.0.1 text are one license, not a conflict', () => {
  const files = [{ path: 'package.json', text: '{"name": "x", "license": "Python-2.0"}' }, { path: 'LICENSE', text: licenseText('Python-2.0.1') }];
  assert.deepEqual(run(files).filter((finding) => finding.rule === 'license-mismatch'), []);
});

test('claim-without-license: the LICENSE fix goes beside the README of the claim\'s folder, not at the audited root', () => {
  const files = [{ path: 'README.md', text: '# Suite\n' }, { path: 'tools/cli/README.md', text: 'The cli is open source.\n' }];
  const finding = only(run(files), 'claim-without-license');
  const create = finding.fixes.flatMap((fix) => fix.createFiles ?? []).map((file) => file.file);
  assert.deepEqual([...new Set(create)], ['tools/cli/LICENSE']);
});

test('a README License section makes a project of its folder: the same findings alone and from the folder above', () => {
  const readme = '# viewer\n\nThe viewer is open source.\n\n## License\n\nThe code is MIT. The model weights are under CC BY-NC 4.0.\n';
  const alone = run([{ path: 'README.md', text: readme }]).map((finding) => `${finding.rule} ${finding.message}`);
  const nested = run([{ path: 'README.md', text: '# Suite\n' }, { path: 'tools/viewer/README.md', text: readme }]).map((finding) => `${finding.rule} ${finding.message}`);
  assert.deepEqual(nested, alone);
  assert.equal(alone.length, 1);
});
