// Reading fields out of JSON the server sent, without trusting its shape. A missing or
// mistyped field becomes null (or a default), never an exception in a render; a body whose
// top level is not what the endpoint promises raises BodyShapeError, which the client turns
// into an AirflowError of kind 'parse'. Every read is of the record's own property: a field
// the server left out must not find Object.prototype's member of the same name.

export class BodyShapeError extends Error {}

export type Json = Record<string, unknown>;

/** The record's own field, or undefined: never an inherited member (constructor, toString, ...). */
export function field(record: Json, key: string): unknown {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function asObject(value: unknown, what: string): Json {
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BodyShapeError(`${what} is not an object`);
	return value as Json;
}

/** The array under `key` of a collection body ({dags: [...], total_entries}). */
export function collection(body: unknown, key: string): {items: Json[]; total: number} {
	const record = asObject(body, 'the answer');
	const items = field(record, key);
	if (!Array.isArray(items)) throw new BodyShapeError(`the answer has no "${key}" list`);
	const objects = items.filter((item): item is Json => !!item && typeof item === 'object' && !Array.isArray(item));
	// JSON.parse reads 1e400 as Infinity, and a negative total means nothing: count what came
	const reported = field(record, 'total_entries');
	const total = typeof reported === 'number' && Number.isFinite(reported) && reported >= 0 ? reported : objects.length;
	return {items: objects, total};
}

export function str(record: Json, key: string): string | null {
	const value = field(record, key);
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return null;
}

/** A string field that must be there (an id); '' when the server left it out. */
export function id(record: Json, key: string): string {
	return str(record, key) ?? '';
}

export function num(record: Json, key: string): number | null {
	const value = field(record, key);
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function bool(record: Json, key: string): boolean | null {
	const value = field(record, key);
	return typeof value === 'boolean' ? value : null;
}

export function obj(record: Json, key: string): Json {
	const value = field(record, key);
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

export function list(record: Json, key: string): unknown[] {
	const value = field(record, key);
	return Array.isArray(value) ? value : [];
}

/** Tags come as [{name}] (v1) or [{name, dag_id, ...}] (v2). */
export function tagNames(record: Json): string[] {
	return list(record, 'tags')
		.map(tag => (tag && typeof tag === 'object' ? field(tag as Json, 'name') : tag))
		.filter((name): name is string => typeof name === 'string');
}

export function strings(record: Json, key: string): string[] {
	return list(record, key).filter((item): item is string => typeof item === 'string');
}

/**
 * DAG params: {name: {value, description, schema}} (v2) or with a "__class" key (v1). The
 * names are the server's, so the result has no prototype: a param called "__proto__" is a
 * param, not a way to replace the object's prototype.
 */
export function params(record: Json): Record<string, {value: unknown; description: string | null; schema: Json}> {
	const result: Record<string, {value: unknown; description: string | null; schema: Json}> = Object.create(null);
	for (const [name, raw] of Object.entries(obj(record, 'params'))) {
		if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, 'value')) {
			const param = raw as Json;
			result[name] = {value: param['value'], description: str(param, 'description'), schema: obj(param, 'schema')};
		} else {
			// a plain value (older servers serialise params without the Param wrapper)
			result[name] = {value: raw, description: null, schema: {}};
		}
	}
	return result;
}
