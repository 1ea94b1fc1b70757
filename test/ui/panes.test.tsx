// Each pane of the console on a local fake Airflow, driven by keys.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {asAirflow2, asAirflow3, type Handler} from '../support/fake-server.js';
import {HEALTH, airflow, open, reactWarnings, waitFor} from '../support/console-harness.js';

const key = async (view: {stdin: {write(s: string): void}}, keys: string) => {
	view.stdin.write(keys);
	await sleep(60);
};

const RUN = {
	dag_run_id: 'manual__1',
	dag_id: 'etl_0001',
	state: 'failed',
	run_type: 'manual',
	logical_date: null,
	run_after: '2026-11-25T10:00:00Z',
	start_date: '2026-11-25T10:00:01Z',
	end_date: '2026-11-25T10:00:09Z',
	conf: {},
	note: 'nightly',
};
const TASKS = [
	{task_id: 'extract', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'success', try_number: 1, map_index: -1, duration: 2.5, operator: 'BashOperator'},
	{task_id: 'load', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'failed', try_number: 2, map_index: -1, duration: 1, operator: 'PythonOperator'},
];

function withRuns(): Handler {
	return airflow(3, request => {
		const url = new URL(request.url, 'http://x');
		if (url.pathname.endsWith('/dagRuns')) return {body: {dag_runs: [RUN], total_entries: 1}};
		if (url.pathname.endsWith('/taskInstances')) return {body: {task_instances: TASKS, total_entries: 2}};
		if (url.pathname.includes('/logs/2')) return {body: {content: [{timestamp: '2026-11-25T10:00:08Z', level: 'error', event: 'warehouse unreachable \u001b[31m!'}], continuation_token: null}};
		if (url.pathname === '/api/v2/variables') {
			return {
				body: {
					variables: [
						{key: 'db_password', value: 'hunter2', description: 'prod db'},
						{key: 'settings', value: '{"retries":3,"targets":["a"]}', description: null},
					],
					total_entries: 2,
				},
			};
		}
		if (url.pathname === '/api/v2/importErrors')
			return {
				body: {import_errors: [{import_error_id: 1, filename: 'broken.py', timestamp: '2026-11-25T09:00:00Z', stack_trace: 'Traceback\nModuleNotFoundError: No module named x'}], total_entries: 1},
			};
		if (url.pathname === '/api/v2/connections')
			return {body: {connections: [{connection_id: 'warehouse', conn_type: 'postgres', host: 'db', login: 'etl', port: 5432, password: '***'}], total_entries: 1}};
		return {};
	});
}

describe('panes', () => {
	it('Runs: a run, its task instances, and the failing task log, with Esc back up', async () => {
		const {view} = await open(withRuns());
		await key(view, '4');
		await waitFor(
			() => view.lastFrame()!,
			f => /✖ failed\s+etl_0001\s+manual__1/.test(f),
		);
		await key(view, '\r');
		await waitFor(
			() => view.lastFrame()!,
			f => /load/.test(f) && /extract/.test(f),
		);
		await key(view, 'j');
		await key(view, '\r');
		const log = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse unreachable'),
		);
		assert.match(log, /load try 2/);
		assert.match(log, /ERROR - warehouse unreachable !/);
		assert.ok(!log.includes('\u001b[31m!'));
		assert.match(log, /complete/);
		await key(view, '\u001b');
		const tasks = await waitFor(
			() => view.lastFrame()!,
			f => /›\s+✖ failed\s+load/.test(f),
		);
		// the table keeps its header after the log level was shown (a duplicate React key once dropped it)
		assert.match(tasks, /state\s+task\s+try\s+duration/);
		assert.deepEqual(reactWarnings, []);
		await key(view, '\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => /manual__1/.test(f) && !/extract/.test(f),
		);
	});

	it('Variables: masks a sensitive value until v, pretty-prints JSON, says what the API does not list', async () => {
		const {view} = await open(withRuns());
		await key(view, '5');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('db_password'),
		);
		assert.ok(!frame.includes('hunter2'), 'masked');
		assert.match(frame, /db_password\s+••••••/);
		assert.match(frame, /Variables set by environment variables/);
		await key(view, 'v');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('hunter2'),
		);
		await key(view, 'v');
		await waitFor(
			() => view.lastFrame()!,
			f => !f.includes('hunter2'),
		);
		await key(view, 'j');
		await key(view, '\r');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('"retries": 3'),
		);
		assert.match(frame, /"targets": \[/);
	});

	it('Connections: never a password; Import errors: the stack trace on Enter', async () => {
		const {view} = await open(withRuns());
		await key(view, '6');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse'),
		);
		assert.match(frame, /postgres\s+etl\s+5432\s+db/);
		assert.ok(!frame.includes('***'));
		await key(view, '8');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('broken.py'),
		);
		await key(view, '\r');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('No module named x') && f.includes('Traceback'),
		);
	});

	it("Config: Enter shows an option's whole value; Esc comes back to the same filter and row", async () => {
		const long = `postgresql://airflow@db:5432/airflow?${'x'.repeat(150)}&end=TAIL`;
		const options = [
			{key: 'dags_folder', value: '/opt/airflow/dags'},
			{key: 'parallelism', value: '32'},
			{key: 'sql_alchemy_conn_extra', value: long},
		];
		const {server, view} = await open(
			airflow(3, request =>
				request.url.startsWith('/api/v2/config')
					? {
							body: {
								sections: [
									{name: 'core', options},
									{name: 'logging', options: [{key: 'base_log_folder', value: '/logs'}]},
								],
							},
						}
					: {},
			),
			{firstPane: 'config'},
		);
		await waitFor(
			() => view.lastFrame()!,
			f => /base_log_folder/.test(f),
		);
		for (const keys of ['/', 'core', '\r', 'j', 'j']) {
			view.stdin.write(keys);
			await sleep(60);
		}
		await waitFor(
			() => view.lastFrame()!,
			f => /› core\s+sql_alchemy_conn_extra/.test(f),
		);
		const configReads = () => server.seen.filter(seen => seen.url.startsWith('/api/v2/config')).length;
		const before = configReads();
		view.stdin.write('\r');
		const detail = await waitFor(
			() => view.lastFrame()!,
			f => /core › sql_alchemy_conn_extra \(Esc: back\)/.test(f),
		);
		await sleep(200);
		assert.equal(configReads(), before, 'opening an option does not read the configuration again');
		assert.match(detail, /&end=TAIL/, "the whole value, wrapped, not cut at the table's edge");
		view.stdin.write('\u001b');
		const back = await waitFor(
			() => view.lastFrame()!,
			f => /› core\s+sql_alchemy_conn_extra/.test(f),
		);
		assert.match(back, /matching "core"/);
		assert.doesNotMatch(back, /base_log_folder/);
		view.unmount();
	});

	it('Config on 2.x: a 403 names [webserver] expose_config; the other panes go on working', async () => {
		const {view} = await open(
			asAirflow2(request => {
				const url = new URL(request.url, 'http://x');
				if (url.pathname === '/api/v1/config')
					return {status: 403, body: {title: 'Forbidden', status: 403, detail: 'Your Airflow administrator chose not to expose the configuration, most likely for security reasons.'}};
				if (url.pathname === '/api/v1/health') return {body: HEALTH};
				if (url.pathname === '/api/v1/dags')
					return {body: {dags: [{dag_id: 'etl', is_paused: false, is_active: true, schedule_interval: {__type: 'CronExpression', value: '@daily'}}], total_entries: 1}};
				if (url.pathname === '/api/v1/pools') return {body: {pools: [{name: 'default_pool', slots: 8, open_slots: 0, running_slots: 8, queued_slots: 3, occupied_slots: 8}], total_entries: 1}};
				return {status: 404, body: {}};
			}),
		);
		await key(view, '9');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('not exposed'),
		);
		assert.match(frame, /\[webserver\] expose_config/);
		await key(view, '7');
		await waitFor(
			() => view.lastFrame()!,
			f => /default_pool\s+8\s+0\s+8\s+3/.test(f),
		);
	});

	it('Health: the event line reports a component that changes state', async () => {
		let scheduler = 'healthy';
		const {view} = await open(
			asAirflow3(request => {
				if (request.url.startsWith('/api/v2/monitor/health')) return {body: {...HEALTH, scheduler: {status: scheduler, latest_scheduler_heartbeat: new Date().toISOString()}}};
				return {body: {dags: [], total_entries: 0}};
			}),
		);
		await key(view, '2');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('no status changes seen'),
		);
		scheduler = 'unhealthy';
		await key(view, 'r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('scheduler: healthy → unhealthy'),
		);
		assert.match(frame, /scheduler\s+✖ UNHEALTHY/);
		assert.match(frame, /scheduler healthy → unhealthy/, 'the footer event line');
	});

	it('DAGs: a refresh whose runs request fails keeps the last runs grid instead of blanking it', async () => {
		let runsAnswer: 'ok' | 'fail' = 'ok';
		const {server, view} = await open(airflow(3, request => (request.url.startsWith('/api/v2/dags/~/dagRuns/list') && runsAnswer === 'fail' ? {status: 500, body: {detail: 'Database error'}} : {})));
		const row = (frame: string) => frame.split('\n').find(line => line.includes('etl_0001')) ?? '';
		const before = row(
			await waitFor(
				() => view.lastFrame()!,
				f => /etl_0001.*✖/.test(f),
			),
		);
		runsAnswer = 'fail';
		const asked = server.seen.filter(seen => seen.url.startsWith('/api/v2/dags/~/dagRuns/list')).length;
		await key(view, 'r');
		await waitFor(
			() => String(server.seen.filter(seen => seen.url.startsWith('/api/v2/dags/~/dagRuns/list')).length),
			count => Number(count) > asked,
		);
		await sleep(200);
		assert.equal(row(view.lastFrame()!), before, "etl_0001's four runs are still shown");
	});
});
