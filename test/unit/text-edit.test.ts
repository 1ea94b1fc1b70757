// Editing a form field: typing, the cursor across lines, leaving the field, and pasted text.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cursorPosition, editText, textState} from '../../source/ui/text-edit.js';
import {keysOf} from '../../source/ui/line-edit.js';

import {NO_KEY as none, press} from '../support/keys.js';

describe('form field editing', () => {
	it('inserts at the cursor, moves between lines keeping the column, and deletes backwards', () => {
		let state = textState('{\n  "a": 1\n}');
		assert.deepEqual(cursorPosition(state), {line: 2, column: 1});
		state = editText(state, '', press({upArrow: true}), true).state;
		assert.deepEqual(cursorPosition(state), {line: 1, column: 1});
		state = editText(state, 'x', none, true).state;
		assert.equal(state.text, '{\n x "a": 1\n}');
		state = editText(state, '', press({backspace: true}), true).state;
		assert.equal(state.text, '{\n  "a": 1\n}');
		state = editText(state, '', press({return: true}), true).state;
		assert.equal(state.text.split('\n').length, 4, 'Enter is a new line in a multi-line field');
	});

	it('Home and End go to the ends of the line, as Ctrl-A and Ctrl-E; Ctrl-D (the Delete key) deletes forward', () => {
		// the cursor on line 2 of a conf, after `"count": 3,`
		let state = textState('{\n  "count": 3,\n  "target": "s"\n}');
		state = editText(state, '', press({upArrow: true}), true).state;
		state = editText(state, '', press({upArrow: true}), true).state;
		state = editText(state, '', press({end: true}), true).state;
		state = editText(state, 'X', none, true).state;
		assert.equal(state.text.split('\n')[1], '  "count": 3,X', 'End, then a key, types at the end of that line');
		state = editText(state, '', press({home: true}), true).state;
		assert.deepEqual(cursorPosition(state), {line: 1, column: 0});
		state = editText(state, 'd', press({ctrl: true}), true).state;
		assert.equal(state.text.split('\n')[1], ' "count": 3,X', 'the character under the cursor goes');
		assert.deepEqual(cursorPosition(state), {line: 1, column: 0}, 'and the cursor stays');
		const atEnd = textState('ab');
		assert.deepEqual(editText(atEnd, 'd', press({ctrl: true}), false).state, atEnd, 'nothing after the cursor: nothing changes');
	});

	it('leaves the field with Tab, or with an arrow past its edge', () => {
		assert.equal(editText(textState('a'), '', press({tab: true}), false).move, 'next');
		assert.equal(editText(textState('a'), '', press({tab: true, shift: true}), false).move, 'previous');
		assert.equal(editText(textState('a'), '', press({downArrow: true}), true).move, 'next');
		assert.equal(editText(textState('one line'), '', press({return: true}), false).state.text, 'one line');
	});

	it('keeps escape sequences out of a pasted text, and splits a chunk into keys', () => {
		assert.equal(editText(textState(''), 'ok\u001b[31mred', none, false).state.text, 'ok[31mred');
		const keys = keysOf('ab\tc\u0013', none).map(([input, key]) => (key.tab ? 'Tab' : key.ctrl ? `Ctrl-${input}` : input));
		assert.deepEqual(keys, ['a', 'b', 'Tab', 'c', 'Ctrl-s']);
	});
});
