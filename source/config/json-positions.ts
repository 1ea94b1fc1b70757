// Where things are in a JSON text, for messages that name a line: JSON.parse says only "at
// position N" (or nothing, at the end of the input), and a value of the wrong type has no
// position at all. jsonPositions walks text that JSON.parse has already accepted and records
// where each key of each object starts, by its path; lineColumn turns an offset into 1-based
// line and column.

export type LineColumn = {line: number; column: number};

export function lineColumn(text: string, offset: number): LineColumn {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const lines = before.split('\n');
	return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1};
}

/**
 * The offset JSON.parse complained about: its "at position N" when it says one; otherwise
 * (V8 names no position for an unexpected token) the first offset our own strict scan
 * cannot read, which for a truncated text is its end.
 */
export function parseErrorOffset(text: string, error: Error): number {
	const at = /at position (\d+)/.exec(error.message);
	if (at) return Number(at[1]);
	return firstInvalidOffset(text);
}

/** A strict JSON scan that stops at the first character it cannot accept. */
export function firstInvalidOffset(text: string): number {
	let i = 0;
	class Stop extends Error {}
	const fail = (): never => {
		throw new Stop();
	};
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
	};
	const literal = (word: string) => {
		for (const c of word) {
			if (text[i] !== c) fail();
			i++;
		}
	};
	const string = () => {
		if (text[i] !== '"') fail();
		i++;
		while (i < text.length && text[i] !== '"') {
			const c = text.charCodeAt(i);
			if (c < 0x20) fail();
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					for (let k = 0; k < 4; k++) {
						i++;
						if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
					}
					i++;
				} else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
				else fail();
			} else i++;
		}
		if (i >= text.length) fail();
		i++;
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
		if (!match || match[0] === '' || match[0] === '-') fail();
		i += match?.[0].length ?? 0;
	};
	/** the items of an object or array up to `close`, each read by `item` */
	const items = (close: string, item: () => void) => {
		i++;
		space();
		if (text[i] === close) {
			i++;
			return;
		}
		for (;;) {
			item();
			space();
			if (text[i] === close) {
				i++;
				return;
			}
			if (text[i] !== ',') fail();
			i++;
		}
	};
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '{') {
			items('}', () => {
				space();
				string();
				space();
				if (text[i] !== ':') fail();
				i++;
				value();
			});
		} else if (c === '[') items(']', value);
		else if (c === '"') string();
		else if (c === 't') literal('true');
		else if (c === 'f') literal('false');
		else if (c === 'n') literal('null');
		else number();
	};
	try {
		value();
		space();
		if (i < text.length) fail();
		return text.length;
	} catch (error) {
		if (error instanceof Stop) return Math.min(i, text.length);
		throw error;
	}
}

/** The key a path is stored under: the keys joined by a character no JSON key is likely to hold. */
export function pathKey(path: readonly string[]): string {
	return path.join('\u0000');
}

/**
 * Offsets of every object key in valid JSON, by path (pathKey(["profiles", "prod", "url"])).
 * Array elements are walked but not recorded: the profile file holds no lists of objects.
 */
export function jsonPositions(text: string): Map<string, number> {
	const found = new Map<string, number>();
	let i = 0;
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i] ?? '')) i++;
	};
	const readString = (): string => {
		const start = i;
		i++; // the opening quote
		while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++; // the closing quote
		return JSON.parse(text.slice(start, i)) as string;
	};
	const value = (path: string[]): void => {
		skipSpace();
		const c = text[i];
		if (c === '{') {
			i++;
			skipSpace();
			while (i < text.length && text[i] !== '}') {
				skipSpace();
				const keyAt = i;
				const key = readString();
				found.set(pathKey([...path, key]), keyAt);
				skipSpace();
				i++; // ':'
				value([...path, key]);
				skipSpace();
				if (text[i] === ',') i++;
				skipSpace();
			}
			i++;
		} else if (c === '[') {
			i++;
			skipSpace();
			let index = 0;
			while (i < text.length && text[i] !== ']') {
				value([...path, String(index++)]);
				skipSpace();
				if (text[i] === ',') i++;
				skipSpace();
			}
			i++;
		} else if (c === '"') {
			readString();
		} else {
			// a number, true, false or null
			while (i < text.length && !/[\s,}\]]/.test(text[i] ?? '')) i++;
		}
	};
	value([]);
	return found;
}
