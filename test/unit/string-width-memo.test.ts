// The remembering string-width the bundle gives Ink and the tables: the same widths as
// string-width, asked twice or after the table started over, and never more than its bound
// remembered (a console that runs for days sees ever new clocks and ages).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import rememberedWidth, {LONGEST_REMEMBERED, REMEMBERED, rememberedCount} from '../../source/text/string-width-memo.js';

/** A combining mark: segmented by string-width and remembered (simple text, text/simple-width.ts, is neither) */
const COMBINED = 'e\u0301';

const samples = ['', 'bench_00042', '失败', '👩‍💻 dev', 'e\u0301te\u0301', '\u001b[31mred\u001b[39m', '⚡ ok', 'a\tb', '› ✖ failed'];

test('answers as string-width does, the first time and from memory', () => {
	for (const text of samples) {
		assert.equal(rememberedWidth(text), stringWidth(text), JSON.stringify(text));
		assert.equal(rememberedWidth(text), stringWidth(text), `${JSON.stringify(text)} remembered`);
	}
	// options change the answer and go straight through
	assert.equal(rememberedWidth('\u001b[31mred\u001b[39m', {countAnsiEscapeCodes: true}), stringWidth('\u001b[31mred\u001b[39m', {countAnsiEscapeCodes: true}));
});

test('over arbitrary text (ASCII, controls, wide, combining, escapes), the same width as string-width', () => {
	const text = fc.string({
		unit: fc.oneof(
			fc.constantFrom('a', ' ', '~', '\u007f', '\u0000', '\t', '\u001b', '[', '3', 'm', '失', 'e\u0301', '👩‍💻', '\u200b'),
			fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
			fc.string({unit: 'grapheme', minLength: 1, maxLength: 1}),
		),
	});
	fc.assert(
		fc.property(text, text => {
			assert.equal(rememberedWidth(text), stringWidth(text));
			assert.equal(rememberedWidth(text), stringWidth(text));
		}),
		{numRuns: 2000},
	);
});

test('remembers at most its bound, and still answers right after starting over', () => {
	for (let i = 0; i < REMEMBERED * 2 + 10; i++) {
		rememberedWidth(`12:00:${i} ${COMBINED}`);
		assert.ok(rememberedCount() <= REMEMBERED);
	}
	assert.equal(rememberedWidth(`12:00:3 ${COMBINED}`), stringWidth(`12:00:3 ${COMBINED}`));
});

test('measures long text without remembering it: 4,096 multi-KB blocks would hold tens of MB', () => {
	const before = rememberedCount();
	const block = `${`${COMBINED} `.repeat(LONGEST_REMEMBERED)}end`;
	assert.equal(rememberedWidth(block), stringWidth(block));
	assert.equal(rememberedCount(), before, 'not remembered');
	const row = COMBINED.repeat(LONGEST_REMEMBERED / 2);
	rememberedWidth(row);
	assert.ok(rememberedCount() > before || rememberedCount() === 1, 'a row-sized string is remembered');
});
