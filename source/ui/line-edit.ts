// One line of typed text (a filter, a `:` command), edited inside the useInput handler that
// is already listening. A separate input component would attach its listener only after its
// effect runs, and keys typed fast right after `/` or `:` (or pasted) would be lost.
import type {Key} from 'ink';

export type LineEdit = {value: string; done?: 'submit' | 'cancel'};

export function editLine(value: string, input: string, key: Key): LineEdit {
	if (key.return) return {value, done: 'submit'};
	if (key.escape) return {value, done: 'cancel'};
	if (key.backspace || key.delete) return {value: [...value].slice(0, -1).join('')};
	if (key.ctrl && input === 'u') return {value: ''};
	if (key.ctrl || key.meta || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab) return {value};
	// printable text only: a pasted escape sequence must not end up in a filter
	return {value: value + input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')};
}

/**
 * One input event as the keys it holds. Fast typing, a paste or a slow SSH link can deliver
 * ":ws_fail\r" as one chunk; each character must act as if typed alone, Enter included.
 */
export function keysOf(input: string, key: Key): Array<[string, Key]> {
	if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
	return [...input].map(char => {
		if (char === '\r' || char === '\n') return ['', {...key, return: true}];
		if (char === '\u007f' || char === '\b') return ['', {...key, backspace: true}];
		if (char === '\t') return ['', {...key, tab: true}];
		// Ctrl-letter inside a chunk (a Ctrl-S typed right after text): as Ink reports it alone
		if (char < '\u001b' && char !== '\u0000') return [String.fromCharCode(char.charCodeAt(0) + 96), {...key, ctrl: true}];
		return [char, key];
	});
}
