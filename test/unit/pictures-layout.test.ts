// The pictures' layout rules without Ink: where a task's queued and running bars fall on the
// shared time axis, the axis ticks and their UTC labels, which runs fit in the grid, the order
// of its rows and the one state of a mapped task's cell. Each fails when its rule changes.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DagRun, TaskInstance} from '../../source/airflow/model.js';
import {axisLine, axisTicks, barOf, columnOf, ganttRows, nameWidth, spanOf, tickLabel, timesOf} from '../../source/ui/gantt-layout.js';
import {buildGrid, cellState, gridNameWidth, moveCursor, runsThatFit, windowTop} from '../../source/ui/grid-layout.js';

const T0 = Date.parse('2026-11-25T21:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function task(overrides: Partial<TaskInstance> = {}): TaskInstance {
	return {
		dagId: 'etl',
		runId: 'r1',
		taskId: 'load',
		mapIndex: -1,
		state: 'success',
		tryNumber: 1,
		queuedWhen: null,
		startDate: null,
		endDate: null,
		duration: null,
		operator: null,
		hostname: null,
		...overrides,
	};
}

function run(runId: string, state = 'success'): DagRun {
	return {dagId: 'etl', runId, state, runType: 'manual', logicalDate: null, runAfter: null, startDate: null, endDate: null, queuedAt: null, conf: {}, note: null};
}

describe('timeline: times and span', () => {
	it('a running task ends now; a finished one at its end; a queue after the start is dropped', () => {
		const now = T0 + 100_000;
		assert.deepEqual(timesOf(task({state: 'running', queuedWhen: at(0), startDate: at(10)}), now), {queued: T0, start: T0 + 10_000, end: now});
		assert.deepEqual(timesOf(task({queuedWhen: at(0), startDate: at(10), endDate: at(30)}), now), {queued: T0, start: T0 + 10_000, end: T0 + 30_000});
		assert.deepEqual(timesOf(task({queuedWhen: at(20), startDate: at(10), endDate: at(30)}), now).queued, undefined);
		// queued, not started: its queue lasts until now
		assert.deepEqual(timesOf(task({state: 'queued', queuedWhen: at(50)}), now), {queued: T0 + 50_000, start: undefined, end: now});
		// a value that is not a time is no time
		assert.deepEqual(timesOf(task({startDate: 'yesterday'}), now), {queued: undefined, start: undefined, end: undefined});
	});

	it('the span runs from the first queue or start to the last end; one second at least; none without times', () => {
		assert.deepEqual(
			spanOf([
				{queued: T0 + 5000, start: T0 + 6000, end: T0 + 9000},
				{start: T0 + 2000, end: T0 + 20_000},
			]),
			{start: T0 + 2000, end: T0 + 20_000},
		);
		assert.deepEqual(spanOf([{start: T0}]), {start: T0, end: T0 + 1000});
		assert.equal(spanOf([{}, {}]), undefined);
	});
});

describe('timeline: bars', () => {
	const span = {start: T0, end: T0 + 100_000};

	it('maps a moment to its column inside the chart', () => {
		assert.equal(columnOf(T0, span, 50), 0);
		assert.equal(columnOf(T0 + 50_000, span, 50), 25);
		assert.equal(columnOf(T0 + 100_000, span, 50), 49, 'the end is the last column, not past it');
		assert.equal(columnOf(T0 - 5000, span, 50), 0);
	});

	it('queued from its queue to the start, running from the start to the end column inclusive', () => {
		assert.deepEqual(barOf({queued: T0, start: T0 + 20_000, end: T0 + 60_000}, span, 50), {queued: {from: 0, to: 10}, running: {from: 10, to: 31}});
	});

	it('a one-second task still takes a cell; a task queued and not started is all queue', () => {
		assert.deepEqual(barOf({start: T0 + 50_000, end: T0 + 50_500}, span, 50), {running: {from: 25, to: 26}});
		assert.deepEqual(barOf({queued: T0 + 80_000, end: T0 + 100_000}, span, 50), {queued: {from: 40, to: 50}});
	});

	it('no times, no bar', () => {
		assert.deepEqual(barOf({}, span, 50), {});
	});

	it('rows in the order the run went, the never-started last, ties by task id', () => {
		const rows = ganttRows(
			[
				task({taskId: 'skipped_one', state: 'skipped'}),
				task({taskId: 'second', startDate: at(20), endDate: at(30)}),
				task({taskId: 'first', queuedWhen: at(5), startDate: at(25)}),
				task({taskId: 'also_second', startDate: at(20)}),
			],
			T0,
		);
		assert.deepEqual(
			rows.map(row => row.task.taskId),
			['first', 'also_second', 'second', 'skipped_one'],
		);
	});

	it('names take the longest name, within a quarter of the width, 8 at least', () => {
		assert.equal(nameWidth(['ok', 'boom'], 80), 8);
		assert.equal(nameWidth(['extract_orders'], 80), 14);
		assert.equal(nameWidth(['a_very_long_task_name_that_goes_on'], 80), 20);
	});
});

describe('timeline: axis', () => {
	it('picks the smallest step whose labels fit, on multiples of it in UTC', () => {
		const span = {start: T0 + 3000, end: T0 + 63_000};
		const {step, ticks} = axisTicks(span, 60);
		// 60 s over 60 cells: 10-cell labels fit 6 at most, so 15 s (5 ticks) beats 10 s (7)
		assert.equal(step, 15_000);
		assert.deepEqual(
			ticks.map(tick => tick.label),
			['21:00:15', '21:00:30', '21:00:45', '21:01:00'],
		);
		assert.deepEqual(
			ticks.map(tick => tick.column),
			[12, 27, 42, 57],
		);
	});

	it('a wider chart takes a finer step', () => {
		assert.equal(axisTicks({start: T0, end: T0 + 60_000}, 160).step, 5000);
	});

	it('labels minutes without seconds from a one-minute step, days from a one-day step, in UTC', () => {
		assert.equal(tickLabel(Date.parse('2026-11-25T07:05:09Z'), 1000), '07:05:09');
		assert.equal(tickLabel(Date.parse('2026-11-25T07:05:09Z'), 60_000), '07:05');
		assert.equal(tickLabel(Date.parse('2026-11-25T00:00:00Z'), 86_400_000), '11-25');
	});

	it('draws each label at its tick, kept inside the line, and drops one that would touch the previous', () => {
		const ticks = [
			{at: 0, column: 0, label: 'aa'},
			{at: 1, column: 2, label: 'bb'},
			{at: 2, column: 5, label: 'cc'},
			{at: 3, column: 9, label: 'dd'},
		];
		assert.equal(axisLine(ticks, 10), 'aa   cc dd');
	});
});

describe('grid', () => {
	it('fits as many runs as the width allows beside the names, 1 at least, at most what was fetched', () => {
		// 80 columns: marker 2 + names 20 + space 1, then 2 cells a run
		assert.equal(runsThatFit(80, 20), 28);
		assert.equal(runsThatFit(60, 8), 24);
		assert.equal(runsThatFit(160, 8, 60), 60);
		assert.equal(runsThatFit(10, 20), 1);
	});

	it('names take the longest task id, within 30% of the width', () => {
		assert.equal(gridNameWidth(['ok', 'boom'], 80), 8);
		assert.equal(gridNameWidth(['transform_customer_orders_daily'], 80), 24);
	});

	it("a mapped task's cell shows the state that needs a look first", () => {
		assert.equal(cellState(['success', 'failed', 'running']), 'failed');
		assert.equal(cellState(['success', 'running']), 'running');
		assert.equal(cellState(['success', 'skipped']), 'success');
		assert.equal(cellState([null]), null);
		assert.equal(cellState(['success', 'no_status_we_know']), 'success');
	});

	it('columns oldest to newest, rows in the order the newest run started them, cells by task and run', () => {
		const runs = [run('new', 'failed'), run('old')]; // as the server lists them: newest first
		const grid = buildGrid(runs, [
			task({runId: 'old', taskId: 'load', state: 'success', startDate: at(1)}),
			task({runId: 'old', taskId: 'extract', state: 'success', startDate: at(2)}),
			task({runId: 'new', taskId: 'extract', state: 'success', startDate: at(100)}),
			task({runId: 'new', taskId: 'load', state: 'failed', startDate: at(200)}),
			task({runId: 'new', taskId: 'report', state: 'upstream_failed'}),
			task({runId: 'new', taskId: 'fan', mapIndex: 0, state: 'success', startDate: at(150)}),
			task({runId: 'new', taskId: 'fan', mapIndex: 1, state: 'failed', startDate: at(151)}),
			task({runId: 'elsewhere', taskId: 'stray', state: 'failed'}),
		]);
		assert.deepEqual(
			grid.runs.map(r => r.runId),
			['old', 'new'],
		);
		assert.deepEqual(grid.tasks, ['extract', 'fan', 'load', 'report']);
		assert.equal(grid.cell('load', 'new')?.state, 'failed');
		assert.equal(grid.cell('load', 'old')?.state, 'success');
		assert.equal(grid.cell('fan', 'new')?.state, 'failed');
		assert.equal(grid.cell('fan', 'new')?.instances.length, 2);
		assert.equal(grid.cell('fan', 'old'), undefined, 'no instance in that run: an empty cell');
	});

	it('orders rows by the start within a run, so a newest run that has only begun does not reorder them', () => {
		// the newest run has started nothing yet, so the order comes from the run before it, where
		// `hello` started first but an hour after the oldest run's `done` did
		const runs = [run('newest', 'running'), run('middle'), run('oldest')];
		const grid = buildGrid(runs, [
			task({runId: 'newest', taskId: 'hello', state: 'queued'}),
			task({runId: 'newest', taskId: 'done', state: null}),
			task({runId: 'middle', taskId: 'hello', startDate: at(3600)}),
			task({runId: 'middle', taskId: 'done', state: 'scheduled'}),
			task({runId: 'oldest', taskId: 'hello', startDate: at(0)}),
			task({runId: 'oldest', taskId: 'done', startDate: at(10)}),
		]);
		assert.deepEqual(grid.tasks, ['hello', 'done']);
	});

	it('the cursor stays inside the grid and the window follows it', () => {
		assert.deepEqual(moveCursor({row: 0, column: 0}, {rows: -1, columns: 5}, {rows: 3, columns: 4}), {row: 0, column: 3});
		assert.equal(windowTop(0, 7, 5), 3);
		assert.equal(windowTop(3, 1, 5), 1);
		assert.equal(windowTop(2, 4, 5), 2);
	});
});
