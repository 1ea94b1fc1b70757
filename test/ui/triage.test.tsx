// The Triage pane and the log view's keys on a local fake Airflow 3: what is listed and how
// gently it is asked for, Enter to the failed task's log at its first error, then search,
// n, an earlier try, wrap, folds.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {Handler} from '../support/fake-server.js';
import {startEarlyReads} from '../../source/live/early-start.js';
import {HEALTH, airflow, open, waitFor} from '../support/console-harness.js';

const key = async (view: {stdin: {write(s: string): void}}, keys: string) => {
	view.stdin.write(keys);
	await sleep(80);
};

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const RUN = {dag_run_id: 'manual__1', dag_id: 'etl_0001', state: 'failed', run_type: 'manual', logical_date: null, run_after: ago(20), start_date: ago(19), end_date: ago(18), conf: {}, note: null};
const FAILED_TASK = {task_id: 'load', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'failed', try_number: 2, map_index: -1, duration: 1, operator: 'PythonOperator', end_date: ago(18)};
const TASKS = [{task_id: 'extract', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'success', try_number: 1, map_index: -1, duration: 2.5, operator: 'BashOperator'}, FAILED_TASK];

const event = (level: string, text: string) => ({timestamp: '2026-11-25T10:00:08Z', level, event: text});
// enough lines that the log does not fit: the first error must be scrolled to
const LOG_2 = [
	event('info', '::group::Pre task execution logs'),
	...Array.from({length: 30}, (_, i) => event('info', `setting up step ${i}`)),
	event('info', '::endgroup::'),
	event('warning', `warehouse slow ${'.'.repeat(200)}`),
	event('error', 'warehouse unreachable \u001b[31m!'),
	...Array.from({length: 30}, (_, i) => event('info', `cleanup ${i} after warehouse failure`)),
];

const RUN_2 = {...RUN, dag_id: 'etl_0002', dag_run_id: 'manual__2'};

function triageServer(paths: string[], failedRuns: () => object[] = () => [RUN]): Handler {
	return airflow(3, request => {
		const url = new URL(request.url, 'http://x');
		paths.push(`${url.pathname}?${url.searchParams.toString()}`);
		const states = url.searchParams.getAll('state');
		if (url.pathname === '/api/v2/monitor/health') return {body: HEALTH};
		if (url.pathname === '/api/v2/dags/~/dagRuns') {
			const runs = failedRuns();
			return {body: states.includes('failed') ? {dag_runs: runs, total_entries: runs.length} : {dag_runs: [], total_entries: 0}};
		}
		if (url.pathname === '/api/v2/dags/~/dagRuns/~/taskInstances') return {body: {task_instances: [FAILED_TASK], total_entries: 1}};
		// each DAG with a failed run is still failing: its latest run is that run
		if (url.pathname === '/api/v2/dags' && url.searchParams.get('last_dag_run_state') === 'failed') {
			const dags = [...new Set(failedRuns().map(run => String((run as {dag_id: string}).dag_id)))].map(dag_id => ({dag_id}));
			return {body: {dags, total_entries: dags.length}};
		}
		if (url.pathname === '/api/v2/importErrors')
			return {body: {import_errors: [{import_error_id: 1, filename: '/dags/broken.py', timestamp: ago(5), stack_trace: 'Traceback\nModuleNotFoundError: No module named x'}], total_entries: 1}};
		if (url.pathname === '/api/v2/dags/etl_0001/dagRuns/manual__1') return {body: RUN};
		if (url.pathname === '/api/v2/dags/etl_0001/dagRuns/manual__1/taskInstances') return {body: {task_instances: TASKS, total_entries: 2}};
		if (url.pathname.endsWith('/logs/2')) return {body: {content: LOG_2, continuation_token: null}};
		if (url.pathname.endsWith('/logs/1')) return {body: {content: [event('error', 'first try: disk full')], continuation_token: null}};
		return {};
	});
}

describe('triage', () => {
	it('shows the first look sent while the console loaded, without asking again', async () => {
		const paths: string[] = [];
		const {view} = await open(triageServer(paths), {
			firstPane: 'triage',
			connected: async client => {
				startEarlyReads(client, new AbortController().signal);
				await waitFor(
					() => String(paths.length),
					() => paths.filter(path => path.startsWith('/api/v2/dags/~/dagRuns?')).length >= 2,
				);
			},
		});
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /import err/.test(f) && /etl_0001/.test(f),
		);
		assert.match(frame, /windsock test ✖2 /);
		// each request once: the pane and the header took the answers to the early reads
		const counts = new Map<string, number>();
		for (const path of paths) counts.set(path.replace(/updated_at_gte=[^&]*/, ''), (counts.get(path.replace(/updated_at_gte=[^&]*/, '')) ?? 0) + 1);
		assert.deepEqual(
			[...counts].filter(([, count]) => count > 1),
			[],
			paths.join('\n'),
		);
		assert.ok(paths.includes('/api/v2/monitor/health?'), paths.join('\n'));
	});

	it('shows the failures after one round trip; a long run joins when the medians, a round trip later, are in', async () => {
		const paths: string[] = [];
		const RUNNING = {...RUN, dag_id: 'slow_dag', dag_run_id: 'scheduled__9', state: 'running', start_date: ago(60), end_date: null};
		const done = (index: number) => ({...RUN, dag_id: 'slow_dag', dag_run_id: `scheduled__${index}`, state: 'success', start_date: ago(300 + index * 10), end_date: ago(299 + index * 10)});
		let mediansAsked = 0;
		const base = triageServer(paths);
		const server: Handler = request => {
			const url = new URL(request.url, 'http://x');
			if (url.pathname === '/api/v2/dags/~/dagRuns' && url.searchParams.getAll('state').includes('running')) return {body: {dag_runs: [RUNNING], total_entries: 1}};
			if (url.pathname === '/api/v2/dags/~/dagRuns/list') {
				mediansAsked++;
				return {body: {dag_runs: [1, 2, 3].map(done), total_entries: 3}, delayMs: 700};
			}
			return base(request);
		};
		const {view} = await open(server, {firstPane: 'triage', ready: /etl_0001/});
		const before = view.lastFrame()!;
		assert.match(before, /etl_0001/);
		assert.doesNotMatch(before, /long running/, 'the medians are still out');
		const after = await waitFor(
			() => view.lastFrame()!,
			frame => /long running/.test(frame),
		);
		assert.match(after, /slow_dag.*1h 0m, median 1m 0s\s+scheduled__9/);
		assert.match(after, /etl_0001/, 'the failures stay');
		assert.equal(mediansAsked, 1, 'judged again without asking again');
		view.unmount();
	});

	it('a console closed while the medians are out leaves no request behind to hold the quit up', async () => {
		const RUNNING = {...RUN, dag_id: 'slow_dag', dag_run_id: 'scheduled__9', state: 'running', start_date: ago(60), end_date: null};
		const base = triageServer([]);
		const server: Handler = request => {
			const url = new URL(request.url, 'http://x');
			if (url.pathname === '/api/v2/dags/~/dagRuns' && url.searchParams.getAll('state').includes('running')) return {body: {dag_runs: [RUNNING], total_entries: 1}};
			if (url.pathname === '/api/v2/dags/~/dagRuns/list') return {hang: true};
			return base(request);
		};
		const {view, server: fake} = await open(server, {firstPane: 'triage', ready: /etl_0001/});
		await waitFor(
			() => String(fake.inFlight),
			() => fake.seen.some(request => request.url.endsWith('/dagRuns/list')) && fake.inFlight > 0,
		);
		view.unmount();
		await sleep(200);
		assert.equal(fake.inFlight, 0);
	});

	it('a console closed while its first look is out leaves no count behind for the next', async () => {
		const late: Handler = request => (request.url.startsWith('/api/v2/dags/~/dagRuns?') ? {...triageServer([])(request), delayMs: 500} : triageServer([])(request));
		const first = await open(late, {
			firstPane: 'triage',
			connected: async client => startEarlyReads(client, new AbortController().signal),
			ready: /failed runs within 24h/,
		});
		assert.doesNotMatch(first.view.lastFrame()!, /etl_0001/, 'the first look is still out');
		first.view.unmount();
		// the first look lands after the console is gone
		await sleep(800);
		const next = await open(airflow(3));
		assert.match(next.view.lastFrame()!, /windsock test {2}scheduler/, 'no ✖ or ▲ carried over');
		next.view.unmount();
	});

	it('lists what needs attention, counts it in the tab and the header, asks only batch lists', async () => {
		const paths: string[] = [];
		const {view} = await open(triageServer(paths), {firstPane: 'triage'});
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /import err/.test(f) && /etl_0001/.test(f),
		);
		assert.match(frame, / 1 Triage 2 /);
		assert.match(frame, /windsock test ✖2 /);
		assert.match(frame, /failed runs within 24h/);
		const lines = frame.split('\n');
		const failed = lines.findIndex(line => /✖ failed\s+etl_0001\s+18m \d+s\s+load {2}manual__1/.test(line));
		const errors = lines.findIndex(line => /✖ 1 import err\s+broken\.py/.test(line));
		assert.ok(failed >= 0 && errors > failed, `a still failing run first, then import errors:\n${frame}`);
		// the first look: three groups of at most two requests, none per DAG
		const triage = paths.filter(path => !path.startsWith('/api/v2/monitor/health'));
		assert.ok(triage.length <= 6, triage.join('\n'));
		assert.ok(
			triage.every(path => !/\/dags\/etl_/.test(path)),
			triage.join('\n'),
		);
		assert.ok(triage.some(path => path.startsWith('/api/v2/dags/~/dagRuns/~/taskInstances?') && path.includes('state=failed') && path.includes('updated_at_gte=')));
		// w cycles the window; a new window asks again
		await key(view, 'w');
		await waitFor(
			() => view.lastFrame()!,
			f => /failed runs within 7d/.test(f),
		);
		view.unmount();
	});

	it('keeps the tab count and header badge current while another pane is shown', async () => {
		let failed = [RUN];
		const {view} = await open(
			triageServer([], () => failed),
			{firstPane: 'triage', refreshMs: 200},
		);
		await waitFor(
			() => view.lastFrame()!,
			f => / 1 Triage 2 /.test(f),
		);
		await key(view, '3');
		await waitFor(
			() => view.lastFrame()!,
			f => /etl_0000/.test(f),
		);
		failed = [RUN, RUN_2];
		// one group per tick: within three ticks both counts have it (etl_0002 still failing)
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => / 1 Triage 3 /.test(f) && /windsock test ✖3 /.test(f),
		);
		assert.match(frame, /windsock test ✖3 /);
		view.unmount();
	});

	it('Esc from the log leaves the cursor on its task; Enter on a failed task in the list opens at its first error too', async () => {
		const {view} = await open(triageServer([]), {firstPane: 'triage'});
		await waitFor(
			() => view.lastFrame()!,
			f => /›\s+✖ failed\s+etl_0001/.test(f),
		);
		await key(view, '\r');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse unreachable'),
		);
		// back to the run's tasks: on load (the second row), whose log it was, not on extract
		await key(view, '\u001b');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => /›.*failed\s+load/.test(f),
		);
		assert.doesNotMatch(frame, /›.*extract/);
		// Enter on the failed task in the list: its first error, as from Triage, not the end
		await key(view, '\r');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse unreachable'),
		);
		assert.ok(!frame.includes('cleanup 29'), `opened at the first error, not at the end:\n${frame}`);
		await key(view, '\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => /›.*failed\s+load/.test(f),
		);
		view.unmount();
	});

	it("Enter opens the failed task's log at its first error; / n [ w z work on it", async () => {
		const {view} = await open(triageServer([]), {firstPane: 'triage'});
		await waitFor(
			() => view.lastFrame()!,
			f => /›\s+✖ failed\s+etl_0001/.test(f),
		);
		await key(view, '\r');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse unreachable'),
		);
		assert.match(frame, /etl_0001 › manual__1 › load try 2/);
		assert.match(frame, /try 2\/2/);
		assert.ok(!frame.includes('cleanup 29'), 'opened at the first error, not at the end');
		assert.ok(!frame.includes('\u001b[31m!'), 'sanitised');

		await key(view, '/warehouse\r');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => /\/warehouse 1\/32/.test(f),
		);
		await key(view, 'n');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => /\/warehouse 2\/32/.test(f),
		);
		await key(view, 'N');
		await waitFor(
			() => view.lastFrame()!,
			f => /\/warehouse 1\/32/.test(f),
		);
		await key(view, 'G');
		await key(view, 'E');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('warehouse unreachable') && !f.includes('cleanup 29'),
		);

		await key(view, 'z');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => /folded/.test(f),
		);
		// spaced as every other word of the status line ("  unwrapped", "  try 2/2")
		assert.match(frame, /\S {2}folded/);
		await key(view, 'w');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => /unwrapped/.test(f),
		);
		assert.match(frame, /\S {2}unwrapped {2}folded/);
		await key(view, 'w');
		await key(view, 'gz');
		await key(view, 'w');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => /unwrapped/.test(f),
		);
		await key(view, 'l');
		await waitFor(
			() => view.lastFrame()!,
			f => /unwrapped \+8/.test(f),
		);

		await key(view, '\u001b'); // clears the search first
		await key(view, '[');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('first try: disk full'),
		);
		assert.match(frame, /load try 1/);
		await key(view, '[');
		await waitFor(
			() => view.lastFrame()!,
			f => /this is the first try/.test(f),
		);
		await key(view, ']');
		await waitFor(
			() => view.lastFrame()!,
			f => /load try 2/.test(f) && f.includes('warehouse'),
		);
		// every letter is text while the search is typed, the scrolling keys j k g G too
		await key(view, '/gjkG');
		await waitFor(
			() => view.lastFrame()!,
			f => /\/ gjkG/.test(f),
		);
		await key(view, '\u0015setting\r');
		await waitFor(
			() => view.lastFrame()!,
			f => /\/setting 1\/30/.test(f),
		);
		view.unmount();
	});
});
