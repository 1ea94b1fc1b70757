// The password prompt's line, edited as a shell edits one (readline's keys): the cursor
// moves with the arrows, Home/End, Ctrl-A/E/B/F and by words; Backspace and Delete remove a
// character either side; Ctrl-U, Ctrl-K and Ctrl-W cut to the start, to the end, a word
// back. Nothing is drawn (the secret is not echoed), so only the state changes. Pure.
import type {EditKey} from './terminal-keys.js';

/** The secret so far and the cursor in it, in code points. */
export type SecretLine = {chars: readonly string[]; cursor: number};
export type SecretEdit = {line: SecretLine; done?: 'submit' | 'cancel'};

export const EMPTY_LINE: SecretLine = {chars: [], cursor: 0};

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** Where a word move from `cursor` lands: over spaces, then over the word. */
function wordBoundary(chars: readonly string[], cursor: number, step: -1 | 1): number {
	let at = cursor;
	const peek = () => (step < 0 ? chars[at - 1] : chars[at]);
	while (peek() !== undefined && isSpace(peek())) at += step;
	while (peek() !== undefined && !isSpace(peek())) at += step;
	return at;
}

export function editSecret(line: SecretLine, key: EditKey): SecretEdit {
	const {chars, cursor} = line;
	const at = (next: readonly string[], position: number): SecretEdit => ({line: {chars: next, cursor: position}});
	const move = (position: number): SecretEdit => at(chars, Math.max(0, Math.min(chars.length, position)));
	switch (key.kind) {
		case 'text': {
			const typed = [...key.text];
			return at([...chars.slice(0, cursor), ...typed, ...chars.slice(cursor)], cursor + typed.length);
		}
		case 'enter':
			return {line, done: 'submit'};
		case 'interrupt':
			return {line, done: 'cancel'};
		case 'eof':
			// as in a shell: Ctrl-D on an empty line ends it, elsewhere it deletes forward
			return chars.length ? editSecret(line, {kind: 'delete'}) : {line, done: 'cancel'};
		case 'backspace':
			return cursor === 0 ? {line} : at([...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1);
		case 'delete':
			return at([...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor);
		case 'left':
			return move(cursor - 1);
		case 'right':
			return move(cursor + 1);
		case 'word-left':
			return move(wordBoundary(chars, cursor, -1));
		case 'word-right':
			return move(wordBoundary(chars, cursor, 1));
		case 'home':
			return move(0);
		case 'end':
			return move(chars.length);
		case 'kill-start':
			return at(chars.slice(cursor), 0);
		case 'kill-end':
			return at(chars.slice(0, cursor), cursor);
		case 'kill-word': {
			const start = wordBoundary(chars, cursor, -1);
			return at([...chars.slice(0, start), ...chars.slice(cursor)], start);
		}
		default:
			return {line};
	}
}
