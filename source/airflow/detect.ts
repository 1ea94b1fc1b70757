// Which API the server speaks and which Airflow it is. Both version endpoints answer
// without auth; 3.x has only /api/v2, 2.x only /api/v1. Asked once per connection.
import {AirflowError} from './errors.js';
import type {Http} from './http.js';
import type {ApiGeneration, ServerInfo} from './model.js';
import {asObject, BodyShapeError, str} from './fields.js';

async function tryVersion(http: Http, path: string, signal?: AbortSignal): Promise<{version: string; gitVersion: string | null} | undefined> {
	try {
		const {body} = await http.request(path, {operation: 'version', anonymous: true, signal});
		const record = asObject(body, 'the version answer');
		const version = str(record, 'version');
		return version ? {version, gitVersion: str(record, 'git_version') || null} : undefined;
	} catch (error) {
		// 404 (the other generation) or a body that is not a version: try the next one.
		if (error instanceof AirflowError && (error.status === 404 || error.kind === 'parse')) return undefined;
		if (error instanceof BodyShapeError) return undefined;
		throw error;
	}
}

/**
 * The server's version and API generation. `expected` (what this server answered last time)
 * is asked first: a 2.x server, asked /api/v2 first, took two round trips every time.
 */
export async function detectServer(http: Http, signal?: AbortSignal, expected: ApiGeneration = 'v2'): Promise<ServerInfo> {
	for (const generation of expected === 'v1' ? (['v1', 'v2'] as const) : (['v2', 'v1'] as const)) {
		const found = await tryVersion(http, `api/${generation}/version`, signal);
		if (found) return {...found, generation};
	}
	throw new AirflowError({
		kind: 'parse',
		title: `No Airflow API at ${http.baseUrl.host}${http.baseUrl.pathname}`,
		detail: 'neither /api/v2/version nor /api/v1/version answered with a version',
		hint: 'Check the URL: it should be the address of the Airflow web UI, with any path prefix (https://host/airflow).',
		operation: 'version',
	});
}
