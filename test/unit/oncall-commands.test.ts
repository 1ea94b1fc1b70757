// failures, runs --all, tasks, clear and mark on a fake Airflow 3.x: argument mistakes exit 2
// before anything is sent, "the server has nothing / something failed" exits 1, and a change
// is never sent in read-only mode, without --yes on no terminal, or with --dry-run.
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import {asAirflow3, fakeServer, type FakeServer, type SeenRequest} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

const RUN_ID = 'manual__2026-01-02T10:00:00+00:00';
const RUN_PATH = `/api/v2/dags/etl/dagRuns/${encodeURIComponent(RUN_ID)}`;

const rawRun = (overrides: Record<string, unknown> = {}) => ({
	dag_run_id: RUN_ID,
	dag_id: 'etl',
	state: 'failed',
	run_type: 'manual',
	logical_date: null,
	run_after: '2026-01-02T10:00:00Z',
	queued_at: '2026-01-02T10:00:00Z',
	start_date: new Date(Date.now() - 600_000).toISOString(),
	end_date: new Date(Date.now() - 60_000).toISOString(),
	conf: {},
	note: null,
	...overrides,
});

const rawTask = (taskId: string, state: string | null) => ({
	dag_id: 'etl',
	dag_run_id: RUN_ID,
	task_id: taskId,
	map_index: -1,
	state,
	try_number: 1,
	start_date: '2026-01-02T10:00:01Z',
	end_date: '2026-01-02T10:00:03Z',
	duration: 2.25,
	operator: 'BashOperator',
	hostname: 'worker',
});

/** What the fake server holds; each test sets what it needs. */
const world = {failedRuns: [] as unknown[], importErrors: [] as unknown[], runs: [] as unknown[], runState: 'failed'};

let server: FakeServer;
let env: Record<string, string>;

const path = (request: SeenRequest) => request.url.split('?')[0]!;
const query = (request: SeenRequest) => new URL(request.url, 'http://x').searchParams;
const changes = () => server.seen.filter(request => request.method !== 'GET' && !(request.body && JSON.parse(request.body).dry_run === true) && !path(request).endsWith('/dry_run'));

before(async () => {
	server = await fakeServer(
		asAirflow3(request => {
			const p = path(request);
			if (p === '/api/v2/dags/~/dagRuns') {
				const states = query(request).getAll('state');
				return {body: {dag_runs: states.includes('failed') ? world.failedRuns : world.runs, total_entries: states.includes('failed') ? world.failedRuns.length : world.runs.length}};
			}
			if (p === '/api/v2/dags/etl/dagRuns') return {body: {dag_runs: world.runs, total_entries: world.runs.length}};
			if (p === '/api/v2/importErrors') return {body: {import_errors: world.importErrors, total_entries: world.importErrors.length}};
			if (p === `${RUN_PATH}/taskInstances`) return {body: {task_instances: [rawTask('extract', 'success'), rawTask('boom', 'failed'), rawTask('load', 'upstream_failed')], total_entries: 3}};
			if (p === '/api/v2/dags/etl/clearTaskInstances') {
				const body = JSON.parse(request.body) as {only_failed: boolean};
				const tasks = [rawTask('boom', 'failed'), rawTask('load', 'upstream_failed'), ...(body.only_failed ? [] : [rawTask('extract', 'success')])];
				return {body: {task_instances: tasks, total_entries: tasks.length}};
			}
			if (p === RUN_PATH && request.method === 'GET') return {body: rawRun({state: world.runState})};
			if (p === RUN_PATH && request.method === 'PATCH') return {body: rawRun({state: (JSON.parse(request.body) as {state: string}).state})};
			if (p.startsWith(`${RUN_PATH}/taskInstances/boom`)) {
				if (request.method === 'GET') return {body: rawTask('boom', 'success')};
				return {body: {task_instances: [rawTask('boom', 'failed')], total_entries: 1}};
			}
			return {status: 404, body: {detail: 'Not Found'}};
		}),
	);
	env = {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'};
});
after(async () => server?.close());
beforeEach(() => {
	server.seen.length = 0;
	Object.assign(world, {failedRuns: [], importErrors: [], runs: [], runState: 'failed'});
});

describe('windsock failures', () => {
	it('exits 0 with nothing failed, asking for failed runs changed in the window', async () => {
		const result = await runCli(['failures', '--since', '30m'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /no failed runs in the last 30m; no import errors/);
		const runs = server.seen.find(request => path(request) === '/api/v2/dags/~/dagRuns')!;
		assert.deepEqual(query(runs).getAll('state'), ['failed']);
		const start = Date.parse(query(runs).get('updated_at_gte')!);
		assert.ok(Math.abs(Date.now() - 30 * 60_000 - start) < 60_000, `updated_at_gte ${query(runs).get('updated_at_gte')}`);
	});

	it('exits 1 listing each failed run with its failed tasks', async () => {
		world.failedRuns = [rawRun()];
		const result = await runCli(['failures'], env);
		assert.equal(result.code, 1, result.stderr);
		assert.match(result.stdout, /^dag_id\s+run_id\s+ended \(UTC\)\s+failed tasks$/m);
		assert.match(result.stdout, /^etl\s+manual__2026-01-02T10:00:00\+00:00\s+\S+ \S+\s+boom \+1 upstream_failed$/m);
		assert.match(result.stderr, /1 failed run in the last 24h; no import errors/);
		const json = JSON.parse((await runCli(['failures', '--json'], env)).stdout);
		assert.equal(json.exitCode, 1);
		assert.deepEqual(
			json.failedRuns[0].failedTasks.map((task: {taskId: string}) => task.taskId),
			['boom', 'load'],
		);
	});

	it('exits 1 for an import error alone', async () => {
		world.importErrors = [{import_error_id: 1, timestamp: '2026-01-01T00:00:00Z', filename: 'broken.py', stack_trace: 'SyntaxError'}];
		const result = await runCli(['failures'], env);
		assert.equal(result.code, 1);
		assert.match(result.stderr, /import error: broken\.py/);
		assert.match(result.stderr, /no failed runs in the last 24h; 1 import error/);
	});

	it('exits 2 for a bad --since, sending nothing', async () => {
		for (const since of ['1w', '0', 'soon']) {
			const result = await runCli(['failures', '--since', since], env);
			assert.equal(result.code, 2, since);
			assert.match(result.stderr, /--since takes a window such as 30m, 24h, 7d/);
		}
		assert.equal((await runCli(['failures', 'extra'], env)).code, 2);
		assert.equal(server.seen.length, 0);
	});
});

describe('windsock runs --all', () => {
	it('asks for every DAG (~) in the given states and window, with a dag_id column', async () => {
		world.failedRuns = [rawRun()];
		const result = await runCli(['runs', '--all', '--state', 'failed', '--since', '7d'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^state\s+dag_id\s+run_id/);
		assert.match(result.stdout, /✖ failed\s+etl\s+manual__/);
		const runs = server.seen.find(request => path(request) === '/api/v2/dags/~/dagRuns')!;
		assert.ok(query(runs).get('updated_at_gte'));
	});

	it('exits 2 for a state it does not know, both a DAG and --all, or neither', async () => {
		assert.equal((await runCli(['runs', '--all', '--state', 'broken'], env)).code, 2);
		assert.equal((await runCli(['runs', 'etl', '--all'], env)).code, 2);
		assert.equal((await runCli(['runs'], env)).code, 2);
		assert.equal((await runCli(['runs', '--all', '--since', 'x'], env)).code, 2);
		assert.equal(server.seen.length, 0);
	});
});

describe('windsock tasks', () => {
	it('lists state, try, duration and operator of the latest run', async () => {
		world.runs = [rawRun()];
		const result = await runCli(['tasks', 'etl', 'latest'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^state\s+task\s+try\s+duration\s+operator/);
		assert.match(result.stdout, /✖ failed\s+boom\s+1\s+2\.3s\s+BashOperator/);
		assert.match(result.stderr, /latest run: manual__/);
	});

	it('exits 1 when the DAG has no runs, 2 for missing arguments', async () => {
		assert.equal((await runCli(['tasks', 'etl', 'latest'], env)).code, 1);
		assert.equal((await runCli(['tasks', 'etl'], env)).code, 2);
	});
});

describe('windsock clear', () => {
	it("--dry-run shows Airflow's dry run and the request, and sends no change", async () => {
		const result = await runCli(['clear', 'etl', RUN_ID, '--only-failed', '--dry-run'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^boom\s+failed/m);
		assert.match(result.stdout, /^load\s+upstream_failed/m);
		assert.match(result.stderr, /2 task instances of etl .* would be cleared/);
		assert.match(result.stderr, /POST \/api\/v2\/dags\/etl\/clearTaskInstances {2}\{"dry_run": false, "only_failed": true/);
		const sent = server.seen.filter(request => request.method === 'POST');
		assert.equal(sent.length, 1);
		assert.equal(JSON.parse(sent[0]!.body).dry_run, true);
		assert.deepEqual(changes(), []);
	});

	it('refuses in read-only mode after the preview, and without a terminal unless --yes', async () => {
		const readOnly = await runCli(['clear', 'etl', RUN_ID, '--read-only', '--yes'], env);
		assert.equal(readOnly.code, 1);
		assert.match(readOnly.stderr, /read-only mode: the clear was not sent/);
		const noTerminal = await runCli(['clear', 'etl', RUN_ID], env);
		assert.equal(noTerminal.code, 2);
		assert.match(noTerminal.stderr, /pass --yes/);
		assert.deepEqual(changes(), []);
	});

	it('clears with --yes, sending the tasks and downstream asked for', async () => {
		const result = await runCli(['clear', 'etl', RUN_ID, '--task', 'boom', '--task', 'load', '--downstream', '--yes', '--json'], env);
		assert.equal(result.code, 0, result.stderr);
		const [change] = changes();
		assert.deepEqual(JSON.parse(change!.body), {
			dry_run: false,
			only_failed: false,
			reset_dag_runs: true,
			include_downstream: true,
			include_upstream: false,
			dag_run_id: RUN_ID,
			task_ids: ['boom', 'load'],
		});
		assert.equal(JSON.parse(result.stdout).cleared.length, 3);
	});

	it('exits 2 for "latest", --downstream without --task, and missing arguments, sending nothing', async () => {
		assert.equal((await runCli(['clear', 'etl', 'latest', '--dry-run'], env)).code, 2);
		assert.equal((await runCli(['clear', 'etl', RUN_ID, '--downstream'], env)).code, 2);
		assert.equal((await runCli(['clear', 'etl'], env)).code, 2);
		assert.equal(server.seen.length, 0);
	});
});

describe('windsock mark', () => {
	it('previews a run mark with the tasks Airflow changes along, and sends it with --yes', async () => {
		const result = await runCli(['mark', 'etl', RUN_ID, 'success', '--yes'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /^boom\s+failed\s+success$/m);
		assert.match(result.stdout, /^load\s+upstream_failed\s+success$/m);
		assert.doesNotMatch(result.stdout, /^extract/m);
		assert.match(result.stderr, /failed -> success; with it Airflow changes 2 task instances/);
		assert.match(result.stdout, /etl manual__\S+: success/);
		assert.deepEqual(
			changes().map(request => [request.method, path(request), JSON.parse(request.body)]),
			[['PATCH', RUN_PATH, {state: 'success'}]],
		);
	});

	it("marks a task after Airflow's dry run, and reads its state back", async () => {
		const result = await runCli(['mark', 'etl', RUN_ID, 'success', '--task', 'boom', '--yes'], env);
		assert.equal(result.code, 0, result.stderr);
		assert.ok(server.seen.some(request => path(request) === `${RUN_PATH}/taskInstances/boom/dry_run`));
		assert.deepEqual(
			changes().map(request => [request.method, path(request)]),
			[['PATCH', `${RUN_PATH}/taskInstances/boom`]],
		);
		assert.match(result.stdout, /boom in manual__\S+: success/);
	});

	it('says there is nothing to change when the run is already in that state', async () => {
		const result = await runCli(['mark', 'etl', RUN_ID, 'failed'], env);
		assert.equal(result.code, 0);
		assert.match(result.stderr, /already failed/);
		assert.deepEqual(changes(), []);
	});

	it('refuses in read-only mode and without a terminal unless --yes; exits 2 for a bad state', async () => {
		const readOnly = await runCli(['mark', 'etl', RUN_ID, 'success', '--read-only', '--yes'], env);
		assert.equal(readOnly.code, 1);
		assert.match(readOnly.stderr, /read-only mode/);
		const task = await runCli(['mark', 'etl', RUN_ID, 'success', '--task', 'boom', '--read-only', '--yes'], env);
		assert.equal(task.code, 1);
		const noTerminal = await runCli(['mark', 'etl', RUN_ID, 'success'], env);
		assert.equal(noTerminal.code, 2);
		assert.match(noTerminal.stderr, /pass --yes/);
		assert.deepEqual(changes(), []);
		for (const args of [
			['mark', 'etl', RUN_ID, 'running'],
			['mark', 'etl', 'latest', 'success'],
			['mark', 'etl', RUN_ID],
		]) {
			assert.equal((await runCli(args, env)).code, 2, args.join(' '));
		}
	});
});
