// The text Airflow stores for a non-string Variable value: Variable.set(serialize_json=True)
// writes json.dumps(value, indent=2), whose ensure_ascii escapes everything outside
// printable ASCII. JSON.stringify(value, null, 2) has the same layout; only the escaping
// differs. (Floats like 1.0 cannot be told from 1 in JavaScript; see variables-file.ts.)
export function pythonJsonDumps(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(/[\u007f-\uffff]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
