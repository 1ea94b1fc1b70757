// Cell widths as a terminal draws them, and cuts that never split a character.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cellWidth, fit, wrapToWidth} from '../../source/text/cells.js';

describe('cells', () => {
	it('measures as the terminal draws', () => {
		assert.equal(cellWidth('é'), 1);
		assert.equal(cellWidth('e\u0301'), 1);
		assert.equal(cellWidth('⚡'), 2);
		assert.equal(cellWidth('👩‍💻'), 2);
		assert.equal(cellWidth('日本'), 4);
		assert.equal(cellWidth('abc'), 3);
	});

	it('fits to exactly the width, cutting between characters', () => {
		assert.equal(fit('abc', 5), 'abc  ');
		assert.equal(fit('abcdef', 4), 'abc…');
		assert.equal(cellWidth(fit('日本語テキスト', 6)), 6);
		assert.equal(fit('👩‍💻👩‍💻👩‍💻', 5), '👩‍💻👩‍💻…');
	});

	it('wraps a line into rows of at most the width, never splitting a pair', () => {
		const rows = wrapToWidth('😀😀😀😀😀', 4);
		assert.deepEqual(rows, ['😀😀', '😀😀', '😀']);
		assert.ok(rows.every(row => !/[\ud800-\udbff]$/.test(row)));
		assert.deepEqual(wrapToWidth('abcdefg', 3), ['abc', 'def', 'g']);
		assert.deepEqual(wrapToWidth('short', 10), ['short']);
	});
});
