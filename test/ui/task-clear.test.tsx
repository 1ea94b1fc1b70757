// `c` in a run's task list: Airflow's dry run first, then a dialog that says what would be
// cleared; nothing is cleared before the second key, and the chosen key clears exactly that.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {Handler, SeenRequest} from '../support/fake-server.js';
import {airflow, open, waitFor, openRunTasks} from '../support/console-harness.js';

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
	note: null,
};
const TASKS = [
	{task_id: 'extract', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'success', try_number: 1, map_index: -1, duration: 2.5, operator: 'BashOperator'},
	{task_id: 'load', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'failed', try_number: 2, map_index: -1, duration: 1, operator: 'PythonOperator'},
	{task_id: 'report', dag_id: 'etl_0001', dag_run_id: 'manual__1', state: 'upstream_failed', try_number: 0, map_index: -1, duration: null, operator: 'PythonOperator'},
];

const clears = (seen: SeenRequest[]) => seen.filter(r => r.method === 'POST' && r.url === '/api/v2/dags/etl_0001/clearTaskInstances').map(r => JSON.parse(r.body) as Record<string, unknown>);

function withTasks(): Handler {
	return airflow(3, request => {
		const url = new URL(request.url, 'http://x');
		if (url.pathname.endsWith('/dagRuns')) return {body: {dag_runs: [RUN], total_entries: 1}};
		if (url.pathname.endsWith('/taskInstances')) return {body: {task_instances: TASKS, total_entries: TASKS.length}};
		if (url.pathname.endsWith('/clearTaskInstances')) {
			const body = JSON.parse(request.body) as {task_ids: string[]; include_downstream?: boolean};
			const ids = body.include_downstream ? [...body.task_ids, 'report'] : body.task_ids;
			return {body: {task_instances: TASKS.filter(t => ids.includes(t.task_id)), total_entries: ids.length}};
		}
		return {};
	});
}

describe('task list', () => {
	it('c opens the clear dialog for the task under the cursor, from a dry run, and y clears it', async () => {
		const {server, view} = await open(withTasks());
		await openRunTasks(view, 'manual__1', f => /extract/.test(f) && /load/.test(f));
		view.stdin.write('j');
		await waitFor(
			() => view.lastFrame()!,
			f => /›\s+✖ failed\s+load/.test(f),
		);
		view.stdin.write('c');
		const dialog = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Clear task load?'),
		);
		assert.match(dialog, /per Airflow's dry run/);
		assert.match(dialog, /with downstream \(d\), also:/);
		assert.match(dialog, /report/);
		const previews = clears(server.seen);
		assert.ok(previews.length >= 1 && previews.every(body => body['dry_run'] === true), JSON.stringify(previews));
		assert.ok(previews.every(body => JSON.stringify(body['task_ids']) === '["load"]'));
		view.stdin.write('y');
		await waitFor(
			() => view.lastFrame()!,
			f => /cleared 1 task instance/.test(f),
		);
		const real = clears(server.seen).filter(body => body['dry_run'] === false);
		assert.equal(real.length, 1);
		assert.deepEqual(real[0]!['task_ids'], ['load']);
		assert.notEqual(real[0]!['include_downstream'], true);
		view.unmount();
	});

	it('Esc closes the clear dialog and clears nothing', async () => {
		const {server, view} = await open(withTasks());
		await openRunTasks(view, 'manual__1', f => /extract/.test(f) && /load/.test(f));
		view.stdin.write('c');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Clear task extract?'),
		);
		view.stdin.write('\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => !f.includes('Clear task extract?'),
		);
		await sleep(100);
		assert.ok(clears(server.seen).every(body => body['dry_run'] === true));
		view.unmount();
	});
});
