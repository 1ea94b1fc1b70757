// The text Airflow writes for JSON values, so windsock writes the same bytes.
// - Variable.set(serialize_json=True) stores json.dumps(value, indent=2);
// - a Connection's extra_dejson becomes json.dumps(value) (separators ", " and ": ").
// Both escape everything outside printable ASCII (ensure_ascii). Values read from an import
// file carry their numbers as JsonNumber (source/text/json-input.ts): those are written as
// Python writes what json.load made of them, so 12345678901234567890 and 1.0 survive. A plain
// JavaScript number has lost that already (1.0 is 1); it is written as JSON.stringify does.
import {JsonNumber, orderedKeys} from '../text/json-input.js';

const asciiOnly = (text: string) => text.replace(/[\u007f-\uffff]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * What json.dumps(json.loads(token)) writes: an integer token is a Python int (exact, any
 * size; -0 is 0); a token with a fraction or an exponent is a float, written as Python's
 * repr writes it (the shortest text that reads back, "1.0", "1e-05", "1e+16"; Infinity when
 * it overflows). JavaScript finds the same shortest digits (toExponential); only the layout
 * differs, and that is Python's float_repr_style 'r': exponent when decpt <= -4 or > 16.
 */
export function pythonNumber(token: string): string {
	if (/^-?\d+$/.test(token)) return BigInt(token).toString();
	const value = Number(token);
	if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
	const sign = value < 0 || Object.is(value, -0) ? '-' : '';
	const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
	const digits = mantissa.replace('.', '');
	const decpt = Number(exponent) + 1;
	if (decpt <= -4 || decpt > 16) {
		const power = decpt - 1;
		return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
	}
	if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
	if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
	return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** json.dumps(value, indent=indent) (indent undefined: one line, separators ", " and ": "). */
function dumps(value: unknown, indent: number | undefined): string {
	const encode = (item: unknown, depth: number): string => {
		if (item instanceof JsonNumber) return pythonNumber(item.text);
		const entries: [string | undefined, unknown][] | undefined = Array.isArray(item)
			? item.map(entry => [undefined, entry])
			: item !== null && typeof item === 'object'
				? orderedKeys(item).map(key => [key, (item as Record<string, unknown>)[key]])
				: undefined;
		if (!entries) return JSON.stringify(item) ?? 'null';
		const [open, close] = Array.isArray(item) ? ['[', ']'] : ['{', '}'];
		if (!entries.length) return `${open}${close}`;
		const parts = entries.map(([key, entry]) => `${key === undefined ? '' : `${JSON.stringify(key)}: `}${encode(entry, depth + 1)}`);
		if (indent === undefined) return `${open}${parts.join(', ')}${close}`;
		const pad = (level: number) => `\n${' '.repeat(indent * level)}`;
		return `${open}${parts.map(part => `${pad(depth + 1)}${part}`).join(',')}${pad(depth)}${close}`;
	};
	return asciiOnly(encode(value, 0));
}

export function pythonJsonDumps(value: unknown): string {
	return dumps(value, 2);
}

/** json.dumps(value) with Python's default separators. */
export function pythonJsonDumpsInline(value: unknown): string {
	return dumps(value, undefined);
}
