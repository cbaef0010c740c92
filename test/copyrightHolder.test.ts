// The copyright holder a new LICENSE names: the authors a manifest declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyrightHolder } from '../server/src/engine/fixes/copyrightHolder.js';

const holder = (path: string, text: string) => copyrightHolder([{ path, text }]);

test('package.json author as a string or an object; codemeta author', () => {
  assert.equal(holder('package.json', '{"author": "Ada Lovelace <ada@example.org> (https://ada.example)"}'), 'Ada Lovelace');
  assert.equal(holder('package.json', '{"author": {"name": "Ada Lovelace", "email": "ada@example.org"}}'), 'Ada Lovelace');
  assert.equal(holder('codemeta.json', '{"author": [{"givenName": "Grace", "familyName": "Hopper"}]}'), 'Grace Hopper');
  assert.equal(holder('package.json', '{"name": "x"}'), undefined);
  assert.equal(holder('package.json', '{not json'), undefined);
});

test('pyproject.toml and Cargo.toml authors; CITATION.cff authors; more than three become "and contributors"', () => {
  assert.equal(holder('pyproject.toml', '[project]\nname = "x"\nauthors = [\n  { name = "Ada Lovelace", email = "a@x" },\n  { name = "Grace Hopper" },\n]\n'), 'Ada Lovelace, Grace Hopper');
  assert.equal(holder('pyproject.toml', '[tool.poetry]\nauthors = ["Ada Lovelace <a@x>"]\n'), 'Ada Lovelace');
  assert.equal(holder('Cargo.toml', '[package]\nname = "x"\nauthors = ["A <a@x>", "B", "C", "D"]\n'), 'A, B, C and contributors');
  assert.equal(holder('CITATION.cff', 'cff-version: 1.2.0\nauthors:\n  - family-names: Lovelace\n    given-names: Ada\n  - name: "The Helix Team"\ntitle: x\n'), 'Ada Lovelace, The Helix Team');
});
