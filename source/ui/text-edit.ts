// Editing a form field inside the key handler that is already listening (see line-edit.ts for
// why): the text, the cursor in it, and what a key does. One-line fields and multi-line ones
// (a conf, a Variable's value) share it; in a multi-line field Enter is a new line.
import type {Key} from 'ink';

export type TextState = {text: string; cursor: number};
export type TextEditResult = {state: TextState; move?: 'next' | 'previous'};

export const textState = (text: string): TextState => ({text, cursor: [...text].length});

/** Line and column (0-based) of the cursor, for drawing it. */
export function cursorPosition(state: TextState): {line: number; column: number} {
	const before = [...state.text].slice(0, state.cursor).join('').split('\n');
	return {line: before.length - 1, column: [...before.at(-1)!].length};
}

function offsetOf(chars: string[], line: number, column: number): number {
	let offset = 0;
	let current = 0;
	while (current < line && offset < chars.length) {
		if (chars[offset] === '\n') current++;
		offset++;
	}
	let col = 0;
	while (col < column && offset < chars.length && chars[offset] !== '\n') {
		offset++;
		col++;
	}
	return offset;
}

/** What one key does to a field. Tab and Shift-Tab (and ↑/↓ past the edge) leave it. */
export function editText(state: TextState, input: string, key: Key, multiline: boolean): TextEditResult {
	const chars = [...state.text];
	const cursor = Math.min(state.cursor, chars.length);
	const at = (text: string[], next: number): TextEditResult => ({state: {text: text.join(''), cursor: next}});
	if (key.tab) return {state, move: key.shift ? 'previous' : 'next'};
	if (key.backspace || key.delete) {
		if (cursor === 0) return {state};
		return at([...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1);
	}
	if (key.leftArrow) return {state: {...state, cursor: Math.max(0, cursor - 1)}};
	if (key.rightArrow) return {state: {...state, cursor: Math.min(chars.length, cursor + 1)}};
	if (key.upArrow || key.downArrow) {
		const {line, column} = cursorPosition(state);
		const lines = state.text.split('\n').length;
		const target = line + (key.upArrow ? -1 : 1);
		if (!multiline || target < 0 || target >= lines) return {state, move: key.upArrow ? 'previous' : 'next'};
		return {state: {...state, cursor: offsetOf(chars, target, column)}};
	}
	if ((key.ctrl && input === 'a') || key.home) return {state: {...state, cursor: offsetOf(chars, cursorPosition(state).line, 0)}};
	if ((key.ctrl && input === 'e') || key.end) return {state: {...state, cursor: offsetOf(chars, cursorPosition(state).line, Number.MAX_SAFE_INTEGER)}};
	// the character under the cursor, as in a shell; the console hands the Delete key over as
	// Ctrl-D (run-console.tsx), since Ink reports it and Backspace alike
	if (key.ctrl && input === 'd') return cursor < chars.length ? at([...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor) : {state};
	if (key.ctrl && input === 'u') return at([], 0);
	if (key.return) return multiline ? at([...chars.slice(0, cursor), '\n', ...chars.slice(cursor)], cursor + 1) : {state};
	if (key.ctrl || key.meta || key.escape) return {state};
	// printable text only: a pasted escape sequence must not end up in a field
	const typed = [...input.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\t/g, '  ')];
	if (!multiline) typed.splice(0, typed.length, ...typed.filter(char => char !== '\n'));
	return at([...chars.slice(0, cursor), ...typed, ...chars.slice(cursor)], cursor + typed.length);
}
