// The password prompt's line editing: raw terminal input decoded into keys (escape
// sequences never become text, a sequence cut between chunks is finished by the next) and
// the shell-like edits those keys make.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EMPTY_LINE, editSecret, type SecretLine} from '../../source/config/secret-line.js';
import {decodeKeys} from '../../source/config/terminal-keys.js';

/** Feeds chunks as a terminal delivers them; the secret, the cursor and how it ended. */
function type(...chunks: string[]): {secret: string; cursor: number; done?: string} {
	let line: SecretLine = EMPTY_LINE;
	let pending = '';
	for (const chunk of chunks) {
		const {keys, rest} = decodeKeys(pending + chunk);
		pending = rest;
		for (const key of keys) {
			const edit = editSecret(line, key);
			line = edit.line;
			if (edit.done) return {secret: line.chars.join(''), cursor: line.cursor, done: edit.done};
		}
	}
	return {secret: line.chars.join(''), cursor: line.cursor};
}

const LEFT = '\u001b[D';
const RIGHT = '\u001b[C';

describe('the password line', () => {
	it('inserts at the cursor after the arrows move it, and never keeps an escape sequence', () => {
		assert.deepEqual(type('sec', LEFT, 'X', '\r'), {secret: 'seXc', cursor: 3, done: 'submit'});
		assert.equal(type(`ab${LEFT}${LEFT}${RIGHT}-`).secret, 'a-b');
		// application-mode arrows (ESC O D) and ones with a modifier are arrows too
		assert.equal(type(`ab\u001bODX`).secret, 'aXb');
		assert.equal(type('one two', '\u001b[1;5D', '_').secret, 'one _two');
		// up, down, F-keys and unknown sequences do nothing at all
		assert.equal(type('pw\u001b[A\u001b[B\u001b[15~\u001bOP\u001b[99z').secret, 'pw');
	});

	it('goes home and to the end with Home/End and Ctrl-A/Ctrl-E', () => {
		assert.equal(type('bc\u001b[H', 'a').secret, 'abc');
		assert.equal(type('bc\u0001a\u0005d').secret, 'abcd');
		assert.equal(type('bc\u001b[1~a\u001b[4~d').secret, 'abcd');
		assert.equal(type('bc\u001b[7~a\u001b[F', 'd').secret, 'abcd');
	});

	it('deletes backwards and forwards, and cuts with Ctrl-U, Ctrl-K and Ctrl-W', () => {
		assert.equal(type('abc\u007f').secret, 'ab');
		assert.equal(type('abc\b\b').secret, 'a');
		assert.equal(type(`abc${LEFT}${LEFT}\u001b[3~`).secret, 'ac');
		assert.equal(type('\u007f\u007fx').secret, 'x', 'backspace on an empty line is harmless');
		assert.deepEqual(type(`wrong${LEFT}${LEFT}\u0015`), {secret: 'ng', cursor: 0});
		assert.deepEqual(type(`keep-cut${LEFT}${LEFT}${LEFT}\u000b`), {secret: 'keep-', cursor: 5});
		assert.equal(type('first second  \u0017').secret, 'first ');
		assert.equal(type('a b\u0017\u0017').secret, '');
	});

	it('handles every key of a chunk, Enter included, and ignores what follows Enter', () => {
		assert.deepEqual(type(`sec${LEFT}X\rignored`), {secret: 'seXc', cursor: 3, done: 'submit'});
		assert.equal(type('pw\u0003').done, 'cancel');
		assert.equal(type('\u0004').done, 'cancel', 'Ctrl-D on an empty line ends it');
		assert.equal(type(`ab${LEFT}\u0004`).secret, 'a', 'Ctrl-D elsewhere deletes forward');
	});

	it('finishes an escape sequence cut between two chunks', () => {
		assert.equal(type('sec\u001b', '[DX').secret, 'seXc', 'cut right after ESC');
		assert.equal(type('one two\u001b', 'b_').secret, 'one _two', 'Esc then b is Alt-b, as in readline');
		assert.equal(type('sec\u001b[', 'DX').secret, 'seXc');
		assert.equal(type('sec\u001b[1;', '5DX').secret, 'Xsec');
		assert.deepEqual(decodeKeys('ab\u001b[3'), {keys: [{kind: 'text', text: 'ab'}], rest: '\u001b[3'});
	});

	it('keeps characters beyond ASCII whole, and drops other control bytes', () => {
		assert.equal(type(`pässwörd😀${LEFT}!`).secret, 'pässwörd!😀');
		assert.equal(type('a\u0007b\u0000c\u0085d').secret, 'abcd');
		assert.equal(type('tab\there').secret, 'tabhere');
	});
});
