// An edited line longer than its field scrolls so the cursor stays in view (a long note, conf
// line or filter used to run past the field's end, cursor and all).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {cursorWindow} from '../../source/text/cursor-window.js';

const points = (text: string) => [...text];
const shown = (window: {before: string; at: string; after: string}) => window.before + window.at + window.after;

test('a line that fits is shown whole, the cursor on its character or after the end', () => {
	assert.deepEqual(cursorWindow('region', 2, 20), {before: 're', at: 'g', after: 'ion'});
	assert.deepEqual(cursorWindow('region', 6, 20), {before: 'region', at: ' ', after: ''});
});

test('typing at the end of a long line shows its tail, the cursor last', () => {
	const window = cursorWindow('a'.repeat(30) + 'XYZ', 33, 10);
	assert.deepEqual(window, {before: '…aaaaaXYZ', at: ' ', after: ''});
});

test('with the cursor near the start, the line shows from its start and is cut on the right', () => {
	assert.deepEqual(cursorWindow('abcdefghijklmnop', 1, 8), {before: 'a', at: 'b', after: 'cdefg…'});
});

test('over any text, cursor and width: the cursor is in view on its own code point, within the width, the rest contiguous', () => {
	const unit = fc.constantFrom('a', 'b', ' ', '数', '🚀', 'e\u0301', '€');
	fc.assert(
		fc.property(fc.array(unit, {maxLength: 60}), fc.nat(70), fc.integer({min: 4, max: 40}), (parts, at, width) => {
			const text = parts.join('');
			const list = points(text);
			const column = Math.min(at, list.length);
			const window = cursorWindow(text, column, width);
			assert.equal(window.at, list[column] ?? ' ', 'the cursor stands on its code point');
			assert.ok(stringWidth(shown(window)) <= width, `${JSON.stringify(shown(window))} wider than ${width}`);
			const before = window.before.replace(/^…/, '');
			const after = window.after.replace(/…$/, '');
			assert.equal(list.slice(column - points(before).length, column).join(''), before, 'before is what precedes the cursor');
			assert.equal(list.slice(column + 1, column + 1 + points(after).length).join(''), after, 'after is what follows it');
			// a joining mark counts a cell of its own here: a line "fits" by that count
			const cells = list.reduce((sum, point) => sum + Math.max(1, stringWidth(point)), 0);
			if (cells + 1 <= width) assert.equal(shown(window).trimEnd(), text.trimEnd(), 'a line that fits is not cut');
		}),
		{numRuns: 3000},
	);
});
