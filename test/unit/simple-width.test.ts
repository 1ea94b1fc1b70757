// Widths without segmenting (source/text/simple-width.ts): wherever it answers, it must give
// string-width's answer, and the characters it calls simple must each be a grapheme of their
// own beside any other simple character (the frame diff and Ink's rows count them one a cell).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {simpleCharWidth, simpleWidth} from '../../source/text/simple-width.js';
import {rowCells} from '../../source/ui/frame-cells.js';

/** Every code unit the module calls simple. */
const SIMPLE: string[] = [];
for (let code = 0; code < 0x10000; code++) if (simpleCharWidth(code) > 0) SIMPLE.push(String.fromCharCode(code));

test('each simple character is as wide as string-width says, alone, and joins no neighbour', () => {
	const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
	for (const char of SIMPLE) {
		const name = `U+${char.charCodeAt(0).toString(16)}`;
		assert.equal(simpleCharWidth(char.charCodeAt(0)), stringWidth(char), name);
		// beside ASCII and beside itself (Hangul jamo join their own kind, spacing marks the one before)
		assert.equal([...graphemes.segment(`a${char}${char}a`)].length, 4, name);
	}
	// what a console's rows hold: ASCII, state glyphs, the ellipsis and the selection mark, accents, CJK, Hangul
	for (const char of ['a', '●', '✖', '…', '›', '│', 'é', 'Ж', '数', 'か', '가', '！']) assert.ok(SIMPLE.includes(char), char);
});

test('marks, joiners, selectors, controls, escapes and surrogates are never simple', () => {
	for (const char of ['\u0301', '\u200d', '\u200b', '\ufe0f', '\u00ad', '\u0000', '\u001b', '\u007f', '\u009b', '\ud83d', '\u1100', '\u0e33', '\u0903', '\uff9e']) {
		assert.equal(simpleCharWidth(char.charCodeAt(0)), -1, `U+${char.charCodeAt(0).toString(16)}`);
	}
	for (const text of ['e\u0301', '✔\ufe0f', '👩‍💻', '\u001b]8;;x\u0007a', 'a\tb', '\u001b[2Ja']) assert.equal(simpleWidth(text), undefined, JSON.stringify(text));
});

const simpleText = fc.array(fc.oneof(fc.constantFrom(...SIMPLE), fc.constantFrom('a', ' ', 'Z', '\u001b[31m', '\u001b[39m', '\u001b[1;7m', '\u001b[m')), {maxLength: 40}).map(parts => parts.join(''));

test('over texts of simple characters and styles: string-width’s width, and one grapheme a character', () => {
	const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
	fc.assert(
		fc.property(simpleText, text => {
			assert.equal(simpleWidth(text), stringWidth(text));
			const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
			assert.equal([...graphemes.segment(plain)].length, plain.length);
		}),
		{numRuns: 3000},
	);
});

test('a row of simple characters has the cells segmenting would give it', () => {
	const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
	fc.assert(
		fc.property(simpleText, text => {
			const cells = rowCells(text)!;
			const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
			assert.deepEqual(
				cells.map(cell => [cell.text, cell.width]),
				[...graphemes.segment(plain)].map(({segment}) => [segment, stringWidth(segment)]),
			);
		}),
		{numRuns: 1000},
	);
});
