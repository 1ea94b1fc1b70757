// T in a run's task list: the timeline opens on the bar of the task the list was on.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {airflow, open, waitFor, openRunTasks} from '../support/console-harness.js';

const RUN = {
	dag_run_id: 'manual__1',
	dag_id: 'etl_0001',
	state: 'success',
	run_type: 'manual',
	logical_date: null,
	run_after: '2026-11-25T10:00:00Z',
	start_date: '2026-11-25T10:00:01Z',
	end_date: '2026-11-25T10:03:00Z',
	conf: {},
	note: null,
};
const task = (taskId: string, startSecond: number) => ({
	task_id: taskId,
	dag_id: 'etl_0001',
	dag_run_id: 'manual__1',
	state: 'success',
	try_number: 1,
	map_index: -1,
	duration: 30,
	operator: 'BashOperator',
	queued_when: `2026-11-25T10:0${Math.floor(startSecond / 60)}:${String(startSecond % 60).padStart(2, '0')}Z`,
	start_date: `2026-11-25T10:0${Math.floor(startSecond / 60)}:${String(startSecond % 60).padStart(2, '0')}Z`,
	end_date: `2026-11-25T10:0${Math.floor((startSecond + 30) / 60)}:${String((startSecond + 30) % 60).padStart(2, '0')}Z`,
});
const TASKS = [task('extract', 2), task('load', 40), task('report', 80)];

describe('timeline', () => {
	it('opens on the task under the list’s cursor, and Esc goes back to the list', async () => {
		const {view} = await open(
			airflow(3, request => {
				const url = new URL(request.url, 'http://x');
				if (url.pathname.endsWith('/dagRuns')) return {body: {dag_runs: [RUN], total_entries: 1}};
				if (url.pathname.endsWith('/taskInstances')) return {body: {task_instances: TASKS, total_entries: TASKS.length}};
				return {};
			}),
		);
		await openRunTasks(view, 'manual__1', f => /extract/.test(f) && /report/.test(f));
		view.stdin.write('j');
		await waitFor(
			() => view.lastFrame()!,
			f => /›.*load/.test(f),
		);
		view.stdin.write('T');
		const chart = await waitFor(
			() => view.lastFrame()!,
			f => /\n› \S+ +[░ ]*█/.test(f),
		);
		assert.match(chart, /› load +[░█ ]*█/, `the chart opens on load:\n${chart}`);
		view.stdin.write('\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => !/timeline {2}\d/.test(f) && /report/.test(f),
		);
		view.unmount();
	});
});
