// The scriptable commands as a script runs them (the built binary, no terminal), against the
// local fake server: `health` exit codes for monitoring, credentials in the URL, Variables
// import/export, and `trigger --wait` exit codes.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer, type Handler, type SeenRequest} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

const servers: FakeServer[] = [];
async function serve(handler: Handler): Promise<FakeServer> {
	const server = await fakeServer(handler);
	servers.push(server);
	return server;
}
after(async () => Promise.all(servers.map(server => server.close())));

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'windsock-commands-'));

type Component = {status: string | null; seconds?: number | null};

/** A health answer shaped like test/fixtures/v2/health.json (v1 differs only in key order). */
function healthBody(parts: {metadatabase?: Component; scheduler?: Component; triggerer?: Component; dag_processor?: Component} = {}) {
	const heartbeat = (c: Component | undefined) => (c?.seconds === null ? null : ago(c?.seconds ?? 2));
	const status = (c: Component | undefined) => (c === undefined ? 'healthy' : c.status);
	return {
		metadatabase: {status: status(parts.metadatabase)},
		scheduler: {status: status(parts.scheduler), latest_scheduler_heartbeat: heartbeat(parts.scheduler)},
		triggerer: {status: status(parts.triggerer), latest_triggerer_heartbeat: heartbeat(parts.triggerer)},
		dag_processor: {status: status(parts.dag_processor), latest_dag_processor_heartbeat: heartbeat(parts.dag_processor)},
	};
}

/** Heartbeat ages are taken when the request comes, not when the test was written down. */
type Body = () => unknown;
function v3Health(body: Body): Handler {
	return asAirflow3(request => (request.url === '/api/v2/monitor/health' ? {body: body()} : {status: 404, body: {detail: 'Not Found'}}));
}
function v2Health(body: Body): Handler {
	return asAirflow2(request => (request.url === '/api/v1/health' ? {body: body()} : {status: 404, body: {detail: 'Not Found'}}));
}

describe('windsock health: monitoring exit codes', {concurrency: true}, () => {
	const cases: {name: string; body: Body; args?: string[]; code: number; line: RegExp}[] = [
		{name: 'everything healthy', body: () => healthBody(), code: 0, line: /^AIRFLOW OK - every component healthy \(Airflow 3\.3\.2 at 127\.0\.0\.1:\d+\)$/},
		{name: 'triggerer unhealthy', body: () => healthBody({triggerer: {status: 'unhealthy', seconds: 400}}), code: 1, line: /^AIRFLOW WARNING - triggerer unhealthy/},
		{
			name: 'dag-processor heartbeat 10 minutes old',
			body: () => healthBody({dag_processor: {status: 'healthy', seconds: 600}}),
			code: 1,
			line: /^AIRFLOW WARNING - dag_processor heartbeat 60\ds ago \(critical at 120s\) \(Airflow/,
		},
		{name: 'scheduler unhealthy', body: () => healthBody({scheduler: {status: 'unhealthy', seconds: 60}}), code: 2, line: /^AIRFLOW CRITICAL - scheduler unhealthy/},
		{name: 'metadatabase unhealthy', body: () => healthBody({metadatabase: {status: 'unhealthy'}}), code: 2, line: /^AIRFLOW CRITICAL - metadatabase unhealthy/},
		{
			name: 'scheduler 60s late: past the default --warn 30',
			body: () => healthBody({scheduler: {status: 'healthy', seconds: 60}}),
			code: 1,
			line: /^AIRFLOW WARNING - scheduler heartbeat 6\ds ago \(warning at 30s\) \(Airflow/,
		},
		{
			name: 'scheduler 60s late with --crit 50',
			body: () => healthBody({scheduler: {status: 'healthy', seconds: 60}}),
			args: ['--warn', '10', '--crit', '50'],
			code: 2,
			line: /^AIRFLOW CRITICAL - scheduler heartbeat 6\ds ago \(critical at 50s\) \(Airflow/,
		},
		{
			name: 'scheduler 60s late with --warn 90 --crit 300',
			body: () => healthBody({scheduler: {status: 'healthy', seconds: 60}}),
			args: ['--warn', '90', '--crit', '300'],
			code: 0,
			line: /^AIRFLOW OK/,
		},
		{name: 'an answer that is not health', body: () => ['not', 'health'], code: 3, line: /^AIRFLOW UNKNOWN - /},
	];
	for (const {name, body, args = [], code, line} of cases) {
		it(`${name}: exit ${code}`, async () => {
			const server = await serve(v3Health(body));
			const result = await runCli(['health', ...args], {WINDSOCK_URL: server.url});
			assert.equal(result.code, code, result.stdout + result.stderr);
			assert.match(result.stdout.split('\n')[0]!, line);
		});
	}

	it('reads Airflow 2.x health (dag-processor status null) as OK, exit 0', async () => {
		const server = await serve(v2Health(() => healthBody({dag_processor: {status: null, seconds: null}})));
		const result = await runCli(['health'], {WINDSOCK_URL: server.url});
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.match(result.stdout, /^AIRFLOW OK .*Airflow 2\.11\.2/);
	});

	it('--json carries the level and the exit code', async () => {
		const server = await serve(v2Health(() => healthBody({triggerer: {status: 'unhealthy'}})));
		const result = await runCli(['health', '--json'], {WINDSOCK_URL: server.url});
		assert.equal(result.code, 1);
		const parsed = JSON.parse(result.stdout);
		assert.equal(parsed.status, 'warning');
		assert.equal(parsed.exitCode, 1);
		assert.deepEqual(parsed.reasons, ['triggerer unhealthy']);
	});

	it('an unreachable server is UNKNOWN, exit 3', async () => {
		const result = await runCli(['health', '--request-timeout', '2'], {WINDSOCK_URL: 'http://127.0.0.1:9'});
		assert.equal(result.code, 3, result.stdout + result.stderr);
		assert.match(result.stdout, /^AIRFLOW UNKNOWN - Cannot reach 127\.0\.0\.1:9/);
		const json = await runCli(['health', '--json', '--request-timeout', '2'], {WINDSOCK_URL: 'http://127.0.0.1:9'});
		assert.equal(json.code, 3);
		assert.equal(JSON.parse(json.stdout).status, 'unknown');
	});
});

describe('credentials inside the URL', {concurrency: true}, () => {
	const USER = 'ops-user';
	const SECRET = 's3cr3t-Hunter2';
	const basic = Buffer.from(`${USER}:${SECRET}`).toString('base64');
	const leaks = (request: SeenRequest) => JSON.stringify(request).includes(SECRET) || JSON.stringify(request).includes(basic);

	for (const [how, args, env] of [
		['WINDSOCK_URL', [] as string[], (url: string) => ({WINDSOCK_URL: url})],
		['--url', ['--url'], () => ({})],
	] as const) {
		for (const command of [['status'], ['health'], ['health', '--json']]) {
			it(`${how}: \`windsock ${command.join(' ')}\` refuses them, never printing or sending them`, async () => {
				const server = await serve(v3Health(() => healthBody()));
				const url = server.url.replace('http://', `http://${USER}:${SECRET}@`);
				const argv = how === '--url' ? [...command, ...args, url] : command;
				const result = await runCli(argv, env(url));
				// refused before anything is sent, saying where credentials go
				// health answers a monitoring system: a check it cannot make is UNKNOWN (3)
				assert.equal(result.code, command[0] === 'health' ? 3 : 2, result.stdout + result.stderr);
				assert.match(result.stdout + result.stderr, /WINDSOCK_PASSWORD/);
				assert.ok(!result.stdout.includes(SECRET) && !result.stderr.includes(SECRET), `printed:\n${result.stdout}${result.stderr}`);
				assert.ok(!result.stdout.includes(`${USER}:`) && !result.stderr.includes(`${USER}:`), result.stdout + result.stderr);
				assert.ok(!server.seen.some(leaks), 'a request carried them');
				assert.equal(server.seen.length, 0, 'nothing is sent with a refused URL');
			});
		}
	}
});

describe('windsock variables: import and export', {concurrency: true}, () => {
	type Stored = {key: string; value: string; description: string | null};
	function variablesServer(store: Map<string, Stored>): Handler {
		return asAirflow3(request => {
			const url = new URL(request.url, 'http://x');
			if (url.pathname === '/api/v2/variables' && request.method === 'GET') {
				const all = [...store.values()];
				const offset = Number(url.searchParams.get('offset') ?? 0);
				const limit = Number(url.searchParams.get('limit') ?? 100);
				return {body: {variables: all.slice(offset, offset + limit), total_entries: all.length}};
			}
			if (url.pathname === '/api/v2/variables' && request.method === 'POST') {
				const body = JSON.parse(request.body) as Stored;
				store.set(body.key, {key: body.key, value: body.value, description: body.description ?? null});
				return {status: 201, body: store.get(body.key)};
			}
			const key = decodeURIComponent(url.pathname.replace('/api/v2/variables/', ''));
			if (request.method === 'PATCH' && store.has(key)) {
				const body = JSON.parse(request.body) as Stored;
				store.set(key, {key, value: body.value, description: body.description ?? null});
				return {body: store.get(key)};
			}
			return {status: 404, body: {detail: 'Not Found'}};
		});
	}

	it('--skip-existing never updates a Variable that exists', async () => {
		const store = new Map<string, Stored>([
			['region', {key: 'region', value: 'eu', description: null}],
			['same', {key: 'same', value: 'x', description: null}],
		]);
		const server = await serve(variablesServer(store));
		const file = path.join(tmp(), 'variables.json');
		writeFileSync(file, JSON.stringify({region: 'us', same: 'x', fresh: 'new'}));
		const result = await runCli(['variables', 'import', file, '--skip-existing'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 0, result.stdout + result.stderr);
		assert.deepEqual(
			server.seen.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.url}`),
			['POST /api/v2/variables'],
		);
		assert.equal(store.get('region')!.value, 'eu');
		assert.equal(store.get('fresh')!.value, 'new');
		assert.match(result.stdout, /^region\s+skipped\s+exists with different content/m);
		assert.match(result.stdout, /^same\s+unchanged/m);
		assert.match(result.stdout, /^fresh\s+created/m);
	});

	it('without --overwrite or --skip-existing, a conflict changes nothing', async () => {
		const store = new Map<string, Stored>([['region', {key: 'region', value: 'eu', description: null}]]);
		const server = await serve(variablesServer(store));
		const file = path.join(tmp(), 'variables.json');
		writeFileSync(file, JSON.stringify({region: 'us', fresh: 'new'}));
		const result = await runCli(['variables', 'import', file], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 1);
		assert.match(result.stderr, /1 variables exist already with different content \(region\)/);
		assert.deepEqual(
			server.seen.filter(r => r.method !== 'GET'),
			[],
		);
	});

	it('a string "quoted" (with its quotes) round-trips through export and import', async () => {
		const QUOTED = '"quoted"';
		const source = new Map<string, Stored>([
			['ws_quoted', {key: 'ws_quoted', value: QUOTED, description: null}],
			['ws_json', {key: 'ws_json', value: '{"a": [1, 2]}', description: 'json'}],
			['ws_plain', {key: 'ws_plain', value: 'plain text', description: null}],
		]);
		const from = await serve(variablesServer(source));
		const file = path.join(tmp(), 'export.json');
		const exported = await runCli(['variables', 'export', file], {WINDSOCK_URL: from.url, WINDSOCK_TOKEN: 't'});
		assert.equal(exported.code, 0, exported.stderr);
		const written = JSON.parse(readFileSync(file, 'utf8'));
		assert.equal(written['ws_quoted'], QUOTED, "the file keeps the quotes (as Airflow 3's CLI does)");
		assert.deepEqual(written['ws_json'], {value: {a: [1, 2]}, description: 'json'});
		const target = new Map<string, Stored>();
		const to = await serve(variablesServer(target));
		const imported = await runCli(['variables', 'import', file], {WINDSOCK_URL: to.url, WINDSOCK_TOKEN: 't'});
		assert.equal(imported.code, 0, imported.stderr);
		assert.equal(target.get('ws_quoted')!.value, QUOTED);
		assert.equal(target.get('ws_plain')!.value, 'plain text');
		assert.deepEqual(JSON.parse(target.get('ws_json')!.value), {a: [1, 2]});
		assert.equal(target.get('ws_json')!.description, 'json');
	});
});

describe('windsock trigger --wait', {concurrency: true}, () => {
	const TASKS = [
		{task_id: 'extract', dag_id: 'etl', dag_run_id: 'manual_1', state: 'success', try_number: 1, map_index: -1},
		{task_id: 'load', dag_id: 'etl', dag_run_id: 'manual_1', state: 'failed', try_number: 2, map_index: -1},
	];
	function triggerServer(state: () => string): Handler {
		return asAirflow3(request => {
			const url = new URL(request.url, 'http://x');
			if (url.pathname === '/api/v2/dags/etl/details') return {body: {dag_id: 'etl', is_paused: false, params: {}}};
			if (request.method === 'POST' && url.pathname === '/api/v2/dags/etl/dagRuns') return {status: 200, body: {dag_id: 'etl', dag_run_id: 'manual_1', state: 'queued', run_type: 'manual'}};
			if (url.pathname === '/api/v2/dags/etl/dagRuns/manual_1') return {body: {dag_id: 'etl', dag_run_id: 'manual_1', state: state(), run_type: 'manual'}};
			if (url.pathname === '/api/v2/dags/etl/dagRuns/manual_1/taskInstances') return {body: {task_instances: TASKS, total_entries: TASKS.length}};
			return {status: 404, body: {detail: 'Not Found'}};
		});
	}

	it('exits 124 when --timeout passes first, and says the run goes on', async () => {
		const server = await serve(triggerServer(() => 'running'));
		const started = Date.now();
		const result = await runCli(['trigger', 'etl', '--wait', '--timeout', '1', '--poll', '0.2'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 124, result.stdout + result.stderr);
		assert.equal(result.stdout.trim(), 'manual_1');
		assert.match(result.stderr, /gave up waiting after 1s; the run is running and goes on/);
		assert.ok(Date.now() - started < 10_000);
	});

	it('exits 1 when the run fails, naming the failed task', async () => {
		let polls = 0;
		const server = await serve(triggerServer(() => (++polls < 2 ? 'running' : 'failed')));
		const result = await runCli(['trigger', 'etl', '--wait', '--timeout', '20', '--poll', '0.2'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 1, result.stdout + result.stderr);
		assert.equal(result.stdout.trim(), 'manual_1');
		assert.match(result.stderr, /failed task: load \(failed, try 2\)/);
		assert.ok(!/failed task: extract/.test(result.stderr));
		assert.match(result.stderr, /run manual_1 failed/);
	});

	it('exits 0 when the run succeeds', async () => {
		const server = await serve(triggerServer(() => 'success'));
		const result = await runCli(['trigger', 'etl', '--wait', '--timeout', '20', '--poll', '0.2'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 0, result.stdout + result.stderr);
	});
});
