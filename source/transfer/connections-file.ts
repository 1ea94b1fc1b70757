// The Connections file of `airflow connections export` / `import` (JSON form), both ways:
// {conn_id: {conn_type, description, login, password, host, port, schema, extra}}, extra as
// the stored text. Airflow also reads "extra_dejson" (an object) and a URI string per
// connection; windsock reads the object forms and reports a URI as not supported.
import type {Connection, ConnectionInput} from '../airflow/model.js';
import type {EntryProblem} from './variables-file.js';
import {pythonJsonDumpsInline} from './python-json.js';
import {MASKED} from '../text/sensitive.js';

export function connectionsToFile(connections: Connection[]): Record<string, unknown> {
	const sorted = [...connections].sort((a, b) => (a.connectionId < b.connectionId ? -1 : a.connectionId > b.connectionId ? 1 : 0));
	const file: Record<string, unknown> = {};
	for (const c of sorted) {
		file[c.connectionId] = {
			conn_type: c.connType,
			description: c.description,
			login: c.login,
			// the API never gives a password back; a mask in the file would be imported as one
			password: c.password === MASKED ? null : c.password,
			host: c.host,
			port: c.port,
			schema: c.schema,
			extra: c.extra,
		};
	}
	return file;
}

const KNOWN = new Set(['conn_id', 'conn_type', 'description', 'login', 'password', 'host', 'port', 'schema', 'extra', 'extra_dejson']);

export function connectionsFromFile(data: unknown): {entries: ConnectionInput[]; problems: EntryProblem[]} {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return {entries: [], problems: [{key: '(file)', reason: 'a Connections file is a JSON object: {"conn_id": {"conn_type": ...}, ...}'}]};
	}
	const entries: ConnectionInput[] = [];
	const problems: EntryProblem[] = [];
	for (const [id, raw] of Object.entries(data as Record<string, unknown>)) {
		if (typeof raw === 'string') {
			problems.push({key: id, reason: 'the URI form is not supported by windsock; export with `airflow connections export` to JSON objects'});
			continue;
		}
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
			problems.push({key: id, reason: 'must be an object with conn_type, host, login, ...'});
			continue;
		}
		const record = raw as Record<string, unknown>;
		const unknown = Object.keys(record).filter(key => !KNOWN.has(key));
		const text = (key: string): string | null => (typeof record[key] === 'string' ? (record[key] as string) : null);
		const reason = unknown.length
			? `unknown keys: ${unknown.join(', ')}`
			: 'extra' in record && 'extra_dejson' in record
				? 'has both extra and extra_dejson'
				: record['conn_id'] !== undefined && record['conn_id'] !== id
					? `its conn_id "${String(record['conn_id'])}" differs from its key`
					: !text('conn_type')
						? 'no conn_type'
						: record['port'] !== undefined && record['port'] !== null && !Number.isInteger(Number(record['port']))
							? 'port is not a whole number'
							: undefined;
		if (reason) {
			problems.push({key: id, reason});
			continue;
		}
		// as Airflow turns an object into a Connection's extra: json.dumps(value)
		const extra =
			record['extra_dejson'] !== undefined
				? pythonJsonDumpsInline(record['extra_dejson'])
				: typeof record['extra'] === 'object' && record['extra'] !== null
					? pythonJsonDumpsInline(record['extra'])
					: text('extra');
		const password = text('password');
		entries.push({
			connectionId: id,
			connType: text('conn_type')!,
			description: text('description'),
			host: text('host'),
			login: text('login'),
			schema: text('schema'),
			port: record['port'] === undefined || record['port'] === null ? null : Number(record['port']),
			extra,
			// a missing or masked password is left as the server has it
			...(password && password !== MASKED ? {password} : {}),
		});
	}
	return {entries, problems};
}
