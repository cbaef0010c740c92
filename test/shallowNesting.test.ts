// Deeply nested manifests, configs and front matter (valid, and cheap to
// write) must not overflow the recursive JSON/TOML/YAML parsers: collections
// nested past a limit are blanked, offsets unchanged, the top-level fields read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shallowNesting } from '../server/src/engine/text/shallowNesting.js';
import { packageJsonDeclarations } from '../server/src/engine/declarations/packageJsonDeclarations.js';
import { codemetaDeclarations } from '../server/src/engine/declarations/codemetaDeclarations.js';
import { pyprojectDeclarations } from '../server/src/engine/declarations/pyprojectDeclarations.js';
import { citationCffDeclarations } from '../server/src/engine/declarations/citationCffDeclarations.js';
import { frontMatterDeclarations } from '../server/src/engine/declarations/frontMatterDeclarations.js';
import { parseConfig } from '../server/src/engine/config.js';
import { ruleIds } from '../server/src/engine/rules/index.js';

const depth = 10_000;
const deepArray = `${'['.repeat(depth)}1${']'.repeat(depth)}`;

test('collections nested past the limit become `0` and padding: same length, same line breaks, shallow text untouched', () => {
  const text = '{"a": [[["x"]]], "b": "[[[[", // [[[[\n "c": [[[\n1\n]]]}';
  assert.equal(shallowNesting(text, 'json', 8), text, 'nothing deeper than the limit: the very same string');
  const blanked = shallowNesting(text, 'json', 2);
  assert.equal(blanked.length, text.length);
  assert.equal(blanked, '{"a": [0      ], "b": "[[[[", // [[[[\n "c": [0 \n \n  ]}');
  assert.deepEqual(blanked.match(/\n/gu), text.match(/\n/gu));
  // brackets in TOML strings and comments, YAML quoted scalars and comments do not count
  assert.equal(shallowNesting('a = "[[[[" # [[[[\nb = [[1]]\n', 'toml', 1), 'a = "[[[[" # [[[[\nb = [0  ]\n');
  assert.equal(shallowNesting("a: '[[[['  # [[[[\nb: it's [[1]]\n", 'yaml', 1), "a: '[[[['  # [[[[\nb: it's [0  ]\n");
});

test('a package.json and a codemeta.json nested 10,000 deep: their license is read, at its offset', () => {
  const text = `{"name": "deep", "license": "CC-BY-NC-4.0", "config": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}, "keywords": ["open source"]}\n`;
  const facts = packageJsonDeclarations({ path: 'package.json', text });
  assert.deepEqual(facts.problems, []);
  assert.deepEqual(facts.declarations.map((declaration) => text.slice(declaration.span.start, declaration.span.end)), ['CC-BY-NC-4.0']);
  assert.deepEqual(facts.proseFields.map((field) => field.text), ['open source']);
  const codemeta = codemetaDeclarations({ path: 'codemeta.json', text: `{"license": "https://spdx.org/licenses/MIT", "x": ${deepArray}}` });
  assert.deepEqual(codemeta.declarations.map((declaration) => declaration.raw), ['https://spdx.org/licenses/MIT']);
});

test('a pyproject.toml, a CITATION.cff and model-card front matter nested 10,000 deep: their license is read', () => {
  const toml = `[project]\nname = "deep"\nlicense = "CC-BY-NC-4.0"\n\n[tool.deep]\nnested = ${deepArray}\n`;
  const pyproject = pyprojectDeclarations({ path: 'pyproject.toml', text: toml });
  assert.deepEqual(pyproject.problems, []);
  assert.deepEqual(pyproject.declarations.map((declaration) => toml.slice(declaration.span.start, declaration.span.end)), ['CC-BY-NC-4.0']);
  const cff = citationCffDeclarations({ path: 'CITATION.cff', text: `cff-version: 1.2.0\nlicense: MIT\nkeywords: ${deepArray}\n` });
  assert.deepEqual(cff.problems, []);
  assert.deepEqual(cff.declarations.map((declaration) => declaration.raw), ['MIT']);
  const yaml = `license: cc-by-nc-4.0\nnested: {a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}}\n`;
  const frontMatter = frontMatterDeclarations('README.md', { text: yaml, span: { start: 4, end: 4 + yaml.length } });
  assert.deepEqual(frontMatter.problems, []);
  assert.deepEqual(frontMatter.declarations.map((declaration) => declaration.raw), ['cc-by-nc-4.0']);
  assert.equal(frontMatter.declarations[0].span.start, 4 + 'license: '.length);
});

test('a config file nested 10,000 deep is a config error, not a crash', () => {
  assert.throws(() => parseConfig(`{"policy": "osi", "rules": ${deepArray}}`, '.license-claims.json', ruleIds), /rules/);
  assert.deepEqual(parseConfig(`{"policy": "osi", "$schema": "x", "ignore": ["a"]}`, '.license-claims.json', ruleIds), { policy: 'osi', ignore: ['a'] });
});
