// Widths without grapheme segmentation, for text made only of characters that are each a
// grapheme of their own whatever stands beside them. string-width segments graphemes with
// Intl.Segmenter, tests each against emoji and mark properties, and allocates as it goes: for
// a page of new rows holding one non-ASCII character each (a state glyph, an ellipsis, the
// selection mark) that was most of a PageDown's CPU (#12's profile: 600 ms of string-width in
// 30 keystrokes). Here each such character's width is string-width's answer for it alone,
// worked out once; a text with anything else (a combining mark, a joiner, a variation selector,
// a character outside the BMP, a control, an escape other than SGR) returns undefined and is
// measured by string-width as before.
//
// Each character's width is string-width's rule for a character alone, applied here without
// calling it: string-width's first call builds a grapheme segmenter (ICU loads its break rules,
// about 20 ms) and its first emoji test parses the RGI_Emoji pattern (another 20 ms), and the
// console's first frame, drawn before Ink loads, holds an ellipsis. The unit test holds this
// rule to string-width's answer for every character called simple.
import {eastAsianWidth} from 'get-east-asian-width';

/**
 * Blocks whose scripts need no shaping: Latin, Greek, Cyrillic, punctuation and symbols, CJK,
 * kana, Hangul syllables and the full-width forms. Marks and format characters inside them
 * are excluded by property below.
 */
const SIMPLE_BLOCKS: readonly (readonly [number, number])[] = [
	[0x00a0, 0x02ff],
	[0x0370, 0x052f],
	[0x1e00, 0x1fff],
	[0x2000, 0x2bff],
	[0x2e80, 0x2fdf],
	[0x3000, 0x30ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xac00, 0xd7a3],
	[0xff01, 0xffef],
];

/**
 * A grapheme of its own beside anything else that is simple: a base character (no mark,
 * format, control or surrogate) that is not a spacing mark either, which would join the one
 * before it. Hangul jamo, which join each other, lie outside the blocks; syllables do not join.
 */
const standsAlone = (char: string) => /^\p{Grapheme_Base}$/u.test(char) && !/^\p{Mc}$/u.test(char);

/** What string-width skips as printing nothing (its visible-character rule, negated). */
const printsNothing = (char: string) => /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$/u.test(char);

/**
 * string-width's width of one character that stands alone: nothing, or its East Asian width
 * with ambiguous characters narrow. (A lone code point is an RGI emoji, which string-width
 * counts 2, only when presented as emoji by default, and each of those is East Asian Wide.)
 */
function aloneWidth(char: string): number {
	return printsNothing(char) ? 0 : eastAsianWidth(char.codePointAt(0)!, {ambiguousAsWide: false});
}

/** Per code unit: 0 not looked up yet, 255 not simple, else the width (1 or 2). */
const table = new Uint8Array(0x10000);
for (let code = 0x20; code < 0x7f; code++) table[code] = 1;
const NOT_SIMPLE = 255;

/** The width of a simple code unit (1 or 2), or -1 when it is not simple. */
export function simpleCharWidth(code: number): number {
	let width = table[code]!;
	if (width === 0) {
		const char = String.fromCharCode(code);
		const inBlock = SIMPLE_BLOCKS.some(([from, to]) => code >= from && code <= to);
		const measured = inBlock && standsAlone(char) ? aloneWidth(char) : 0;
		// a zero-width character is left to string-width and to the callers' own rules for it
		width = measured === 1 || measured === 2 ? measured : NOT_SIMPLE;
		table[code] = width;
	}
	return width === NOT_SIMPLE ? -1 : width;
}

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * string-width's answer for a text of simple characters and SGR styles, without
 * segmenting; undefined for any other text.
 */
export function simpleWidth(text: string): number | undefined {
	let plain = text;
	if (text.includes('\u001b')) {
		plain = text.replace(SGR, '');
		if (plain.includes('\u001b')) return undefined;
	}
	let width = 0;
	for (let index = 0; index < plain.length; index++) {
		const charWidth = simpleCharWidth(plain.charCodeAt(index));
		if (charWidth < 0) return undefined;
		width += charWidth;
	}
	return width;
}
