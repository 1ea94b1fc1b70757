// Re-records test/fixtures/{v1,v2}/*.json: what the real servers answer, status and body,
// for the unit tests of the adapters and the error mapping. Run with `npm run record-fixtures`
// (test/run.ts starts the servers and hands them over). Uses plain fetch on purpose: the
// recordings must not depend on the client they test.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {PACKAGE_ROOT} from '../../source/version.js';
import type {TestServer} from './test-servers.js';

type Recording = {status: number; contentType: string | null; body: unknown};

async function call(url: string, init: RequestInit & {auth?: string} = {}): Promise<Recording> {
	const headers = new Headers(init.headers);
	if (init.auth) headers.set('authorization', init.auth);
	if (!headers.has('accept')) headers.set('accept', 'application/json');
	if (init.body) headers.set('content-type', 'application/json');
	const response = await fetch(url, {...init, headers});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {}
	return {status: response.status, contentType: response.headers.get('content-type'), body};
}

export async function recordFixtures(server: TestServer): Promise<string> {
	const generation = server.line === 3 ? 'v2' : 'v1';
	const api = `${server.url}/api/${generation}`;
	const out = path.join(PACKAGE_ROOT, 'test', 'fixtures', generation);
	mkdirSync(out, {recursive: true});
	const save = (name: string, recording: Recording) => writeFileSync(path.join(out, `${name}.json`), JSON.stringify(recording, null, 2) + '\n');

	// 3.x test tokens live only seconds: log in again before each step that needs one
	const login = async () => {
		if (server.line !== 3) return `Basic ${Buffer.from(`${server.admin.username}:${server.admin.password}`).toString('base64')}`;
		const token = await call(`${server.url}/auth/token`, {method: 'POST', body: JSON.stringify(server.admin)});
		return `Bearer ${(token.body as {access_token: string}).access_token}`;
	};
	let auth = await login();
	if (server.line === 3) {
		save('auth-token-wrong-password', await call(`${server.url}/auth/token`, {method: 'POST', body: JSON.stringify({username: 'admin', password: 'wrong'})}));
		save('invalid-token', await call(`${api}/dags?limit=1`, {auth: 'Bearer not-a-jwt'}));
	} else {
		save('wrong-password', await call(`${api}/dags?limit=1`, {auth: `Basic ${Buffer.from('admin:wrong').toString('base64')}`}));
	}
	const post = (url: string, body: unknown) => call(url, {method: 'POST', auth, body: JSON.stringify(body)});

	save('version', await call(`${api}/version`));
	save('health', await call(server.line === 3 ? `${api}/monitor/health` : `${api}/health`));
	save('dags-page', await call(`${api}/dags?limit=2&offset=0&order_by=dag_id&dag_id_pattern=ws_many_00`, {auth}));
	save('dag-details-params', await call(`${api}/dags/ws_params/details`, {auth}));
	save('dag-details-escape', await call(`${api}/dags/ws_escape/details`, {auth}));
	save('dag-not-found', await call(`${api}/dags/ws_no_such_dag/details`, {auth}));

	const logicalDate = '2024-06-01T00:00:00+00:00';
	const triggerBody = server.line === 3 ? {logical_date: logicalDate, conf: {count: 2}} : {logical_date: logicalDate, conf: {count: 2}};
	save('trigger-created', await post(`${api}/dags/ws_params/dagRuns`, triggerBody));
	save('trigger-conflict', await post(`${api}/dags/ws_params/dagRuns`, triggerBody));
	save('trigger-conf-not-object', await post(`${api}/dags/ws_params/dagRuns`, {...(server.line === 3 ? {logical_date: null} : {}), conf: 'x'}));
	save('trigger-bad-param', await post(`${api}/dags/ws_params/dagRuns`, {...(server.line === 3 ? {logical_date: null} : {}), conf: {count: 'abc'}}));

	// a run that finishes, for task instances and a log
	await call(`${api}/dags/ws_succeed?update_mask=is_paused`, {method: 'PATCH', auth, body: JSON.stringify({is_paused: false})});
	const run = await post(`${api}/dags/ws_succeed/dagRuns`, server.line === 3 ? {logical_date: null} : {});
	const runId = (run.body as {dag_run_id: string}).dag_run_id;
	for (let i = 0; i < 180; i++) {
		const state = (await call(`${api}/dags/ws_succeed/dagRuns/${encodeURIComponent(runId)}`, {auth: await login()})).body as {state: string};
		if (state.state === 'success' || state.state === 'failed') break;
		await sleep(1000);
	}
	auth = await login();
	await call(`${api}/dags/ws_succeed?update_mask=is_paused`, {method: 'PATCH', auth, body: JSON.stringify({is_paused: true})});
	const runPath = `${api}/dags/ws_succeed/dagRuns/${encodeURIComponent(runId)}`;
	save('run', await call(runPath, {auth}));
	save('task-instances', await call(`${runPath}/taskInstances`, {auth}));
	save('log', await call(`${runPath}/taskInstances/hello/logs/1`, {auth, headers: {accept: server.line === 3 ? 'application/json' : 'text/plain'}}));
	save('clear-dry-run', await post(`${api}/dags/ws_succeed/clearTaskInstances`, {dry_run: true, only_failed: false, dag_run_id: runId}));

	await call(`${api}/variables/ws_fixture`, {method: 'DELETE', auth});
	save('variable-created', await post(`${api}/variables`, {key: 'ws_fixture', value: '{"a": 1}', description: 'recorded'}));
	save('variable-duplicate', await post(`${api}/variables`, {key: 'ws_fixture', value: '2'}));
	await call(`${api}/variables/ws_fixture`, {method: 'DELETE', auth});
	await call(`${api}/connections/ws_fixture_conn`, {method: 'DELETE', auth});
	save('connection-created', await post(`${api}/connections`, {connection_id: 'ws_fixture_conn', conn_type: 'http', host: 'example.invalid', login: 'me', password: 'recorded-secret', port: 443}));
	await call(`${api}/connections/ws_fixture_conn`, {method: 'DELETE', auth});
	save('pools', await call(`${api}/pools`, {auth}));
	save('import-errors', await call(`${api}/importErrors`, {auth}));
	save('config', await call(`${api}/config?section=${server.line === 3 ? 'api' : 'core'}`, {auth}));
	return out;
}
