// Hovers while typing answer from an older judgment when the hovered block
// (the lines between blank lines around the cursor) is unchanged in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeInOlderText } from '../server/src/lsp/unchangedBlock.js';

const before = [
  '# Widgets',
  '',
  'A paragraph. Widget 1 is open source. More.',
  '',
  '- a list',
  '- Item 5 is open source.',
  '',
  '```js',
  'const x = 1;',
  '```',
  '',
  'Widget 9 is open source.',
  '',
].join('\n');
const now = before
  .replace('# Widgets', '# Widgets\n\nA new first paragraph.')
  .replace('A paragraph.', 'A paragraph. Really.')
  .replace('Widget 9', 'Gadget 3 is open source. Widget 9');

test('an unchanged block is found in the older text, after text inserted above it', () => {
  const offset = now.indexOf('Item 5');
  const place = placeInOlderText(before, now, offset);
  assert.ok(place);
  assert.equal(place.offset, before.indexOf('Item 5'));
  assert.equal(before.slice(place.block.start, place.block.end), '- a list\n- Item 5 is open source.');
});

test('a block edited since gives nothing, wherever the cursor is in it', () => {
  for (const needle of ['Widget 1', 'Really', 'Gadget 3', 'Widget 9', 'A new first']) {
    assert.equal(placeInOlderText(before, now, now.indexOf(needle)), undefined, needle);
  }
});

test('identical texts map every offset to itself', () => {
  assert.deepEqual(placeInOlderText(before, before, 17), { offset: 17, block: { start: 0, end: before.length } });
});

test('a block that was part of a longer one is not taken for it', () => {
  // the paragraph lost its first line: its remaining line stands in the older text, but inside a longer block
  const older = 'Intro.\n\nFirst line.\nWidget 2 is open source.\n';
  const newer = 'Intro.\n\nWidget 2 is open source.\n';
  assert.equal(placeInOlderText(older, newer, newer.indexOf('Widget 2')), undefined);
});

test('a block found several times is placed at the occurrence nearest to where it stands now', () => {
  const block = 'Widget is open source.';
  const older = [block, 'x', block, 'y', block].join('\n\n');
  const newer = [block, 'x', block, 'y changed', block].join('\n\n');
  const offset = newer.lastIndexOf(block);
  const place = placeInOlderText(older, newer, offset);
  assert.ok(place);
  assert.equal(place.offset, older.lastIndexOf(block));
});

test('CRLF blank lines bound blocks too', () => {
  const older = 'A.\r\n\r\nWidget 4 is open source.\r\n\r\nB.\r\n';
  const newer = 'A. Changed.\r\n\r\nWidget 4 is open source.\r\n\r\nB.\r\n';
  const place = placeInOlderText(older, newer, newer.indexOf('Widget 4'));
  assert.ok(place);
  assert.equal(place.offset, older.indexOf('Widget 4'));
});
