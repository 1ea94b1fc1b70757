// The sanitising boundary, for any string a server could send: nothing a terminal would
// obey or hide comes out, twice is the same as once, and a cell is capped before anything
// measures it. Then --json: valid, equal in value, and nothing unsafe written raw.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {capLength, LINE_LIMIT, sanitize, sanitizeLine} from '../../source/text/sanitize.js';
import {safeJson} from '../../source/commands/output.js';

/** A code point no sanitised string may hold (tab and newline are allowed by sanitize). */
function forbidden(code: number): boolean {
	return (
		(code <= 0x1f && code !== 0x09 && code !== 0x0a) ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x202a && code <= 0x202e) ||
		(code >= 0x2066 && code <= 0x2069) ||
		code === 0x200e ||
		code === 0x200f ||
		code === 0x061c ||
		(code >= 0x200b && code <= 0x200d) ||
		code === 0x2060 ||
		code === 0xfeff ||
		code === 0x2028 ||
		code === 0x2029
	);
}

const offending = (text: string) =>
	[...text]
		.map(char => char.codePointAt(0)!)
		.filter(forbidden)
		.map(code => `U+${code.toString(16).padStart(4, '0')}`);

// Strings dense in what matters: escape introducers, terminators, C1, bidi and zero-width
// characters, mixed with ordinary and astral text.
const special = fc.constantFrom(
	'\u001b',
	'[',
	']',
	'P',
	'X',
	'^',
	'_',
	'\\',
	'\u0007',
	'\u009b',
	'\u009c',
	'\u009d',
	'\u0090',
	'\u0098',
	'\u009e',
	'\u009f',
	'\u0085',
	'\u202e',
	'\u2066',
	'\u2069',
	'\u200e',
	'\u200f',
	'\u061c',
	'\u200b',
	'\u200d',
	'\u2060',
	'\ufeff',
	'\u2028',
	'\u2029',
	'31m',
	'0;',
	';',
	'\r',
	'\n',
	'\t',
	'\u007f',
	'\u0000',
	'a',
	'数',
	'🚀',
);
const hostile = fc.oneof(
	fc.string({unit: 'binary', maxLength: 200}),
	fc.array(special, {maxLength: 60}).map(parts => parts.join('')),
	fc.array(fc.oneof(special, fc.string({unit: 'grapheme-ascii', maxLength: 5})), {maxLength: 40}).map(parts => parts.join('')),
);

describe('sanitize, for any string', () => {
	it('leaves no ESC, C0/C1 control, bidi control, zero-width character or line separator', () => {
		fc.assert(
			fc.property(hostile, text => {
				assert.deepEqual(offending(sanitize(text)), [], JSON.stringify(text));
				assert.deepEqual(offending(sanitizeLine(text)), []);
				assert.ok(!/[\t\r\n]/.test(sanitizeLine(text)));
			}),
			{numRuns: 3000},
		);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(hostile, text => {
				const once = sanitize(text);
				assert.equal(sanitize(once), once);
				const line = sanitizeLine(text);
				assert.equal(sanitizeLine(line), line);
			}),
			{numRuns: 3000},
		);
	});

	it('caps a line at LINE_LIMIT, never splitting a surrogate pair', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', minLength: 0, maxLength: 3 * LINE_LIMIT}), text => {
				const line = sanitizeLine(text);
				assert.ok(line.length <= LINE_LIMIT);
				const capped = capLength(text);
				assert.ok(capped.length <= LINE_LIMIT);
				if (text.length > LINE_LIMIT) assert.ok(capped.endsWith('…'));
			}),
		);
		assert.equal(capLength('a'.repeat(LINE_LIMIT - 2) + '🚀🚀').length, LINE_LIMIT - 1); // the pair moves out whole
	});
});

describe('sanitize, by example', () => {
	it('removes 8-bit introduced strings: SOS, PM, APC, OSC, DCS, each to ST or to the end', () => {
		assert.equal(sanitize('a\u0098sos text\u009cb'), 'ab');
		assert.equal(sanitize('a\u009d52;c;cHduZWQ=\u0007b'), 'ab');
		assert.equal(sanitize('a\u009fapc'), 'a');
		assert.equal(sanitize('a\u001b]52;c;cHduZWQ='), 'a'); // an OSC 52 clipboard write cut short
	});

	it('ends an unterminated string at its line: one stray introducer in a log hides no other line', () => {
		assert.equal(sanitize('line one\u009fbinary junk\nline two\nline three'), 'line one\nline two\nline three');
		assert.equal(sanitize('a\u001b]0;title, never ended\nb\u001bPdcs\nc'), 'a\nb\nc');
	});

	it('removes two-byte escapes whole: charset switches and DECALN leave nothing behind', () => {
		assert.equal(sanitize('a\u001b(Bb\u001b#8c'), 'abc');
	});

	it('removes bidi overrides, zero-width characters and line separators that spoof ids', () => {
		assert.equal(sanitize('admin\u202e\u2066fdp.exe\u2069\u200b\u200d\ufeff\u2060\u2028\u2029\u200e\u200f\u061c'), 'adminfdp.exe');
	});

	it('measures a 100,000-character id as one capped line, quickly', () => {
		const started = performance.now();
		const line = sanitizeLine('x'.repeat(100_000));
		assert.equal(line.length, LINE_LIMIT);
		assert.ok(line.endsWith('…'));
		assert.ok(performance.now() - started < 50);
	});
});

describe('--json', () => {
	it('stays valid and equal in value, with nothing a terminal obeys written raw', () => {
		fc.assert(
			fc.property(fc.jsonValue(), hostile, (value, text) => {
				const document = {value, text, [text]: text};
				const written = safeJson(document);
				assert.deepEqual(JSON.parse(written), JSON.parse(JSON.stringify(document)));
				// raw, outside escapes: no ESC, no C1, no DEL, no bidi, zero-width or line separator
				assert.deepEqual(offending(written.replace(/\n/g, '')), []);
			}),
			{numRuns: 1000},
		);
	});

	it('writes C1 and DEL as \\u escapes', () => {
		assert.equal(safeJson('\u009b31m\u007f\u202e'), '"\\u009b31m\\u007f\\u202e"');
	});
});
