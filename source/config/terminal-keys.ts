// Raw terminal input (what a tty in raw mode delivers) as the keys a line editor knows. One
// chunk can hold several keys (fast typing, a paste, a slow SSH link) and an escape sequence
// can be cut between two chunks: the unfinished tail is handed back to be read with the
// next chunk. Escape sequences never become text: an arrow must not leave "[D" in a secret.
// Pure, and free of Ink: the password prompt runs before (and without) the console.

export type EditKey =
	| {kind: 'text'; text: string}
	| {
			kind: 'enter' | 'interrupt' | 'suspend' | 'eof' | 'backspace' | 'delete' | 'left' | 'right' | 'word-left' | 'word-right' | 'home' | 'end' | 'kill-start' | 'kill-end' | 'kill-word' | 'ignored';
	  };

type Kind = Exclude<EditKey, {kind: 'text'}>['kind'];

const CONTROL: Record<string, Kind> = {
	'\r': 'enter',
	'\n': 'enter',
	'\u0003': 'interrupt', // Ctrl-C
	'\u001a': 'suspend', // Ctrl-Z (a byte in raw mode, not a signal)
	'\u0004': 'eof', // Ctrl-D
	'\u007f': 'backspace',
	'\b': 'backspace',
	'\u0001': 'home', // Ctrl-A
	'\u0005': 'end', // Ctrl-E
	'\u0002': 'left', // Ctrl-B
	'\u0006': 'right', // Ctrl-F
	'\u0015': 'kill-start', // Ctrl-U
	'\u000b': 'kill-end', // Ctrl-K
	'\u0017': 'kill-word', // Ctrl-W
};

/** CSI and SS3 finals: ESC [ D, ESC O D, and the ~ forms by their number. */
const FINAL: Record<string, Kind> = {D: 'left', C: 'right', H: 'home', F: 'end'};
const TILDE: Record<string, Kind> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete'};

/** One CSI sequence's key: "1;5D" (Ctrl-left) moves a word; anything unknown is ignored. */
function csiKey(params: string, final: string): Kind {
	if (final === '~') return TILDE[params.split(';')[0] ?? ''] ?? 'ignored';
	const kind = FINAL[final];
	if (!kind) return 'ignored';
	// a modifier (;3 Alt, ;5 Ctrl) on an arrow moves by words, as in a shell
	const modified = /;[35]$/.test(params);
	if (modified && kind === 'left') return 'word-left';
	if (modified && kind === 'right') return 'word-right';
	return kind;
}

export type Decoded = {keys: EditKey[]; rest: string};

/**
 * The keys in `input`, and the start of an escape sequence it ends with (`rest`), to be put
 * before the next chunk. That includes a lone ESC: "[D" arriving next must not become text.
 * Esc then a letter is Alt-letter, as readline reads it (Esc b moves a word back).
 */
export function decodeKeys(input: string): Decoded {
	const keys: EditKey[] = [];
	const chars = [...input];
	let text = '';
	const push = (key: EditKey) => {
		if (text) keys.push({kind: 'text', text});
		text = '';
		keys.push(key);
	};
	let index = 0;
	while (index < chars.length) {
		const char = chars[index]!;
		if (char === '\u001b') {
			const next = chars[index + 1];
			if (next === undefined) {
				if (text) keys.push({kind: 'text', text});
				return {keys, rest: char};
			}
			if (next === '[' || next === 'O') {
				// parameters and intermediates, then one final byte 0x40-0x7e
				let end = index + 2;
				while (end < chars.length && /[\u0020-\u003f]/.test(chars[end]!)) end++;
				if (end >= chars.length) {
					if (text) keys.push({kind: 'text', text});
					return {keys, rest: chars.slice(index).join('')};
				}
				const params = chars.slice(index + 2, end).join('');
				push({kind: next === 'O' ? (FINAL[chars[end]!] ?? 'ignored') : csiKey(params, chars[end]!)});
				index = end + 1;
				continue;
			}
			// Alt-b / Alt-f move by words (readline); Alt with anything else does nothing
			push({kind: next === 'b' ? 'word-left' : next === 'f' ? 'word-right' : next === '\u007f' ? 'kill-word' : 'ignored'});
			index += 2;
			continue;
		}
		const control = CONTROL[char];
		if (control) push({kind: control});
		else if (char < ' ' || (char >= '\u007f' && char <= '\u009f')) push({kind: 'ignored'});
		else text += char;
		index++;
	}
	if (text) keys.push({kind: 'text', text});
	return {keys, rest: ''};
}
