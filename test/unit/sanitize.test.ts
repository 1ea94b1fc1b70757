import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sanitize, sanitizeLine} from '../../source/text/sanitize.js';

// The hostile strings the ws_escape test DAG carries, and a few more a server could send.
describe('sanitize', () => {
	it('removes colours, window titles and screen clears, keeping the words', () => {
		const hostile = 'Escapes: \u001b[31mRED\u001b[0m \u001b]0;pwned\u0007 \u001b[2J 数据管道 🚀';
		assert.equal(sanitize(hostile), 'Escapes: RED   数据管道 🚀');
	});

	it('removes OSC 8 hyperlinks ended by ST, DCS, and C1 CSI', () => {
		assert.equal(sanitize('a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b'), 'alinkb');
		assert.equal(sanitize('x\u001bP1$r0m\u001b\\y'), 'xy');
		assert.equal(sanitize('x\u009b31my'), 'xy');
	});

	it('removes bare control characters but keeps tabs and newlines', () => {
		assert.equal(sanitize('a\u0007b\u0000c\rd\te\nf\u007f'), 'abcd\te\nf');
	});

	it('eats an escape cut off at the end of a chunk', () => {
		assert.equal(sanitize('tail\u001b[3'), 'tail');
		assert.equal(sanitize('tail\u001b'), 'tail');
	});

	it('makes one line for a table cell', () => {
		assert.equal(sanitizeLine('two\nlines\u001b[1m!'), 'two lines!');
		assert.equal(sanitizeLine(null), '');
	});
});
