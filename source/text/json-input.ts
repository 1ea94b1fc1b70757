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

// ---- JSON whose numbers are kept as written (import files) ----
//
// JSON.parse turns every number into a double: 12345678901234567890 becomes
// 12345678901234567000 and 1.0 becomes 1, so a Variable imported from it would not hold what
// the file says. Airflow's CLI reads the file with Python's json module (exact integers,
// floats that keep their ".0"); to store what it stores, the number's own text must survive.
// Node 20 has no JSON.parse source access, so this reader keeps each number token as a
// JsonNumber and each object's key order (Python keeps it; JavaScript puts "1" before "b").

/** A number from the file, as its text: "1.0", "12345678901234567890", "1e400". */
export class JsonNumber {
	constructor(readonly text: string) {}
}

/** The keys of an object read by parseJsonKeepingNumbers, in the file's order. */
export const KEY_ORDER: unique symbol = Symbol('windsock.keyOrder');

/** The keys of `record` in the order the file gave them (insertion order otherwise). */
export function orderedKeys(record: object): string[] {
	return (record as {[KEY_ORDER]?: string[]})[KEY_ORDER] ?? Object.keys(record);
}

const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_TOKEN = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * JSON with numbers as JsonNumber and objects without a prototype (a key "__proto__" is a
 * key), their order kept. Mistakes are reported as parseJson reports them.
 */
export function parseJsonKeepingNumbers(text: string): JsonResult {
	let i = 0;
	const space = () => {
		while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
	};
	const token = (pattern: RegExp): string | undefined => {
		pattern.lastIndex = i;
		const found = pattern.exec(text)?.[0];
		if (found !== undefined) i += found.length;
		return found;
	};
	const value = (): unknown => {
		space();
		const char = text[i];
		if (char === '{') {
			i++;
			const record: Record<string | symbol, unknown> = Object.create(null);
			const order: string[] = [];
			Object.defineProperty(record, KEY_ORDER, {value: order, enumerable: false});
			space();
			if (text[i] === '}') {
				i++;
				return record;
			}
			for (;;) {
				space();
				const key = token(STRING_TOKEN);
				if (key === undefined) throw new SyntaxError('expected a key');
				const name = JSON.parse(key) as string;
				space();
				if (text[i] !== ':') throw new SyntaxError("expected ':'");
				i++;
				// a repeated key keeps its first place and its last value, as Python's dict does
				if (!Object.hasOwn(record, name)) order.push(name);
				record[name] = value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === '}') {
					i++;
					return record;
				} else throw new SyntaxError("expected ',' or '}'");
			}
		}
		if (char === '[') {
			i++;
			const items: unknown[] = [];
			space();
			if (text[i] === ']') {
				i++;
				return items;
			}
			for (;;) {
				items.push(value());
				space();
				if (text[i] === ',') i++;
				else if (text[i] === ']') {
					i++;
					return items;
				} else throw new SyntaxError("expected ',' or ']'");
			}
		}
		if (char === '"') {
			const string = token(STRING_TOKEN);
			if (string === undefined) throw new SyntaxError('bad string');
			return JSON.parse(string) as string;
		}
		for (const [word, literal] of [
			['true', true],
			['false', false],
			['null', null],
		] as const) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return literal;
			}
		}
		const number = token(NUMBER_TOKEN);
		if (number === undefined) throw new SyntaxError(`unexpected ${char === undefined ? 'end' : JSON.stringify(char)}`);
		return new JsonNumber(number);
	};
	try {
		const result = value();
		space();
		if (i < text.length) throw new SyntaxError('unexpected text after the value');
		return {ok: true, value: result};
	} catch (error) {
		if (error instanceof RangeError) return {ok: false, message: 'nested too deeply to read', line: 1, column: 1};
		// the plain parser's report: the same words and place as every other JSON mistake
		const plain = parseJson(text);
		return plain.ok ? {ok: false, message: (error as Error).message, ...lineAndColumn(text, i)} : plain;
	}
}
