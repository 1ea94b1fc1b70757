// The Variables file of `airflow variables export` / `import`, both directions.
//
// Airflow 3's CLI writes {key: value} where value is the stored text decoded as JSON when it
// is JSON (a decoded string stays the raw text), and {key: {"value": ..., "description": ...}}
// when the Variable has a description. Its import stores a string as it is and anything
// else as json.dumps(value, indent=2). Airflow 2's CLI writes the bare form only and reads
// no descriptions.
//
// windsock writes what Airflow's CLI writes (the decoded JSON), except where JavaScript would
// change a number in decoding (1.0, 2^60): that value goes out as its text. Importing a
// decoded value stores json.dumps(value, indent=2), as Airflow's CLI does; the file is read
// with its numbers kept as written (parseJsonKeepingNumbers), so they are stored as Python
// reads them: 12345678901234567890 stays exact and 1.0 stays 1.0. Note that the
// 3.x API itself hands out JSON values re-encoded (json.dumps without indent, to redact
// nested secrets), so only their JSON meaning, not their text, can survive a move.
import type {Variable} from '../airflow/model.js';
import {JsonNumber} from '../text/json-input.js';
import {pythonJsonDumps} from './python-json.js';

export type VariableEntry = {key: string; value: string; description: string | null | undefined};
export type EntryProblem = {key: string; reason: string};

/** True when every number in the JSON text survives JavaScript's doubles unchanged. */
function numbersSurvive(text: string): boolean {
	const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
	return (outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? []).every(token => String(Number(token)) === token);
}

function exportedValue(stored: string): unknown {
	let decoded: unknown;
	try {
		decoded = JSON.parse(stored);
	} catch {
		return stored;
	}
	if (typeof decoded === 'string') return stored;
	return numbersSurvive(stored) ? decoded : stored;
}

/** The file's object; keys sorted as Airflow's CLI sorts them. */
export function variablesToFile(variables: Variable[], options: {descriptions?: boolean} = {}): Record<string, unknown> {
	const withDescriptions = options.descriptions ?? true;
	const sorted = [...variables].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const file: Record<string, unknown> = {};
	for (const variable of sorted) {
		const value = exportedValue(variable.value);
		const wrapped = typeof value === 'object' && value !== null && !Array.isArray(value) && 'value' in value;
		file[variable.key] = withDescriptions && (variable.description || wrapped) ? {value, description: variable.description} : value;
	}
	return file;
}

/** Reads a Variables file written by Airflow's CLI (2.x or 3.x) or by windsock. */
export function variablesFromFile(data: unknown): {entries: VariableEntry[]; problems: EntryProblem[]} {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return {entries: [], problems: [{key: '(file)', reason: 'a Variables file is a JSON object: {"key": value, ...}'}]};
	}
	const entries: VariableEntry[] = [];
	const problems: EntryProblem[] = [];
	for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
		let value = raw;
		let description: string | null | undefined;
		if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof JsonNumber) && Object.hasOwn(raw, 'value')) {
			const record = raw as {value: unknown; description?: unknown};
			value = record.value;
			if (record.description !== undefined && record.description !== null && typeof record.description !== 'string') {
				problems.push({key, reason: 'its description is not a string'});
				continue;
			}
			description = record.description as string | null | undefined;
		}
		if (!key.trim()) {
			problems.push({key, reason: 'an empty key'});
			continue;
		}
		if (value === null || value === undefined) {
			problems.push({key, reason: 'no value (null)'});
			continue;
		}
		entries.push({key, value: typeof value === 'string' ? value : pythonJsonDumps(value), description});
	}
	return {entries, problems};
}
