// The text Airflow writes for JSON values, so windsock writes the same bytes.
// - Variable.set(serialize_json=True) stores json.dumps(value, indent=2);
// - a Connection's extra_dejson becomes json.dumps(value) (separators ", " and ": ").
// Both escape everything outside printable ASCII (ensure_ascii). JSON.stringify has the
// indented layout already; only the escaping differs. (Floats like 1.0 cannot be told from 1
// in JavaScript; see variables-file.ts.)

const asciiOnly = (text: string) => text.replace(/[\u007f-\uffff]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function pythonJsonDumps(value: unknown): string {
	return asciiOnly(JSON.stringify(value, null, 2));
}

/** json.dumps(value) with Python's default separators. */
export function pythonJsonDumpsInline(value: unknown): string {
	const encode = (item: unknown): string => {
		if (Array.isArray(item)) return `[${item.map(encode).join(', ')}]`;
		if (item !== null && typeof item === 'object') {
			return `{${Object.entries(item as Record<string, unknown>)
				.map(([key, entry]) => `${JSON.stringify(key)}: ${encode(entry)}`)
				.join(', ')}}`;
		}
		return JSON.stringify(item) ?? 'null';
	};
	return asciiOnly(encode(value));
}
