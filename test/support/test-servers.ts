// The real Airflow servers the contract and end-to-end tests talk to. test/run.ts starts them
// and passes their addresses in WINDSOCK_TEST_SERVERS; a test file reads them from here.
import {AirflowClient} from '../../source/airflow/client.js';
import type {AirflowLine} from '../../source/sandbox/versions.js';

export type TestUser = {username: string; password: string};

export type TestServer = {
	line: AirflowLine;
	version: string;
	url: string;
	/** config is exposed on this server (3.x), hidden on the other (2.x) */
	exposeConfig: boolean;
	/** 3.x: API tokens expire after this many seconds (shortened for the tests) */
	tokenSeconds: number | null;
	admin: TestUser;
	viewer: TestUser;
	logFile: string;
	/** the `airflow standalone` process; its children are the scheduler and the rest */
	pid: number;
	/** run Airflow's own CLI against this server's database */
	cli: {airflow: string; env: Record<string, string>};
};

/** The DAGs in test/dags that parse: ws_succeed, ws_fail, ws_params, ws_escape and 120 ws_many_NNN. */
export const EXPECTED_DAG_COUNT = 124;

/**
 * The lines this run serves, newest first. test/run.ts runs the 2.x and the 3.x files in two
 * lanes at once, each lane given its own server: a file's per-line describes loop over these.
 * Without servers, both (testServer then says how to get them).
 */
export function testLines(): AirflowLine[] {
	const raw = process.env['WINDSOCK_TEST_SERVERS'];
	if (!raw) return [3, 2];
	return (JSON.parse(raw) as TestServer[]).map(server => server.line).sort((a, b) => b - a);
}

export function testServer(line: AirflowLine): TestServer {
	const raw = process.env['WINDSOCK_TEST_SERVERS'];
	if (!raw) {
		throw new Error('WINDSOCK_TEST_SERVERS is not set: run the contract tests through `npm test` (test/run.ts starts real Airflow servers).');
	}
	const server = (JSON.parse(raw) as TestServer[]).find(s => s.line === line);
	if (!server) throw new Error(`no Airflow ${line}.x server in WINDSOCK_TEST_SERVERS`);
	return server;
}

export async function adminClient(server: TestServer, extra: {readOnly?: boolean} = {}): Promise<AirflowClient> {
	return AirflowClient.connect({baseUrl: server.url, ...server.admin, ...extra});
}
