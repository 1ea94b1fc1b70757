// JSON typed by a person (a trigger's conf, a Variable's value): parsed, and when it is wrong,
// where. JSON.parse on Node 20 names a position for some mistakes only ("Unexpected token
// '}', ... is not valid JSON" has none), so a small scanner finds the offset itself.

export type JsonResult = {ok: true; value: unknown} | {ok: false; message: string; line: number; column: number};

/** The offset of the first mistake in `text`, or -1 when a scanner finds none. */
function errorOffset(text: string): number {
	let i = 0;
	const fail = (): never => {
		throw i;
	};
	const space = () => {
		while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
	};
	const value = (): void => {
		space();
		const char = text[i];
		if (char === '{') {
			i++;
			space();
			if (text[i] === '}') {
				i++;
				return;
			}
			for (;;) {
				space();
				if (text[i] !== '"') fail();
				string();
				space();
				if (text[i] !== ':') fail();
				i++;
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === '}') {
					i++;
					return;
				} else fail();
			}
		}
		if (char === '[') {
			i++;
			space();
			if (text[i] === ']') {
				i++;
				return;
			}
			for (;;) {
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === ']') {
					i++;
					return;
				} else fail();
			}
		}
		if (char === '"') {
			string();
			return;
		}
		const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
		if (!literal) fail();
		i += literal![0].length;
	};
	const string = () => {
		i++;
		while (i < text.length && text[i] !== '"') {
			if (text[i]! < ' ') fail();
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					if (!/^[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 5))) fail();
					i += 4;
				} else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
			}
			i++;
		}
		if (text[i] !== '"') fail();
		i++;
	};
	try {
		value();
		space();
		return i < text.length ? i : -1;
	} catch (offset) {
		return offset as number;
	}
}

function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, Math.max(0, offset));
	const lines = before.split('\n');
	return {line: lines.length, column: lines[lines.length - 1]!.length + 1};
}

export function parseJson(text: string): JsonResult {
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch (error) {
		const offset = errorOffset(text);
		const at = lineAndColumn(text, offset < 0 ? text.length : offset);
		const found = offset >= 0 && offset < text.length ? `unexpected ${JSON.stringify(text[offset])}` : 'unexpected end';
		// Node's own message repeats the input; keep only its first clause
		const reason = (error as Error).message.split(/,? "|\sin JSON/)[0]!;
		return {ok: false, message: `${found} at line ${at.line}, column ${at.column} (${reason})`, ...at};
	}
}

/** A JSON object (a conf): anything else is a mistake with a line. */
export function parseJsonObject(text: string): {ok: true; value: Record<string, unknown>} | {ok: false; message: string; line: number; column: number} {
	if (!text.trim()) return {ok: true, value: {}};
	const result = parseJson(text);
	if (!result.ok) return result;
	if (typeof result.value !== 'object' || result.value === null || Array.isArray(result.value)) {
		return {
			ok: false,
			message: `must be a JSON object ({"key": value}), not ${Array.isArray(result.value) ? 'an array' : typeof result.value === 'object' ? 'null' : `a ${typeof result.value}`}`,
			line: 1,
			column: 1,
		};
	}
	return {ok: true, value: result.value as Record<string, unknown>};
}
