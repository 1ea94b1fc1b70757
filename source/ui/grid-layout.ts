// A DAG's recent runs as a grid (Airflow's grid view): one row per task, one column per run,
// the newest run on the right, each cell the task's state in that run. Pure: how many runs
// fit, the order of the rows and a cell's one state are rules with unit tests; the component
// (panes/run-grid.tsx) draws what this returns.
import type {DagRun, TaskInstance} from '../airflow/model.js';
import {cellWidth} from '../text/cells.js';

/** Cells one run takes: its symbol and a space. */
export const RUN_CELLS = 2;

/** Cells the task names take: the longest name, within 30% of the width (8 at least). */
export function gridNameWidth(taskIds: readonly string[], width: number): number {
	const longest = taskIds.reduce((most, id) => Math.max(most, cellWidth(id)), 0);
	return Math.max(8, Math.min(longest, Math.floor(width * 0.3)));
}

/**
 * How many runs fit beside the names: the selection marker (2 cells), the names and a space,
 * then RUN_CELLS per run; one at least, and no more than `most` (what is fetched).
 */
export function runsThatFit(width: number, names: number, most = 50): number {
	return Math.max(1, Math.min(most, Math.floor((width - 2 - names - 1) / RUN_CELLS)));
}

/**
 * A cell's one state when a task has several instances in a run (a mapped task): the one
 * that needs a look first, as Airflow's grid summarises mapped tasks.
 */
const PRIORITY = ['failed', 'upstream_failed', 'up_for_retry', 'up_for_reschedule', 'running', 'deferred', 'restarting', 'queued', 'scheduled', 'success', 'skipped', 'removed'];

export function cellState(states: readonly (string | null)[]): string | null {
	let best: string | null = null;
	let rank = Number.POSITIVE_INFINITY;
	for (const state of states) {
		const at = PRIORITY.indexOf(state ?? '');
		const order = at < 0 ? PRIORITY.length : at;
		if (order < rank || best === null) {
			best = state;
			rank = order;
		}
	}
	return best;
}

export type GridCell = {state: string | null; instances: TaskInstance[]};

export type Grid = {
	/** oldest on the left, newest on the right */
	runs: DagRun[];
	/** task ids, top to bottom */
	tasks: string[];
	cell(taskId: string, runId: string): GridCell | undefined;
};

/**
 * The grid of `runs` (newest first, as the server lists them) and their task instances.
 * Rows: tasks by how long after their run's first task they started, in the newest run that
 * started them (tasks that never started anywhere last), then by id, so the picture reads
 * top-down like the DAG runs even when the newest run has only begun.
 */
export function buildGrid(runs: readonly DagRun[], instances: readonly TaskInstance[]): Grid {
	const shown = new Set(runs.map(run => run.runId));
	const cells = new Map<string, GridCell>();
	const key = (taskId: string, runId: string) => `${taskId}\u0000${runId}`;
	const taskIds = new Set<string>();
	for (const instance of instances) {
		if (!shown.has(instance.runId)) continue;
		taskIds.add(instance.taskId);
		const at = key(instance.taskId, instance.runId);
		const cell = cells.get(at) ?? {state: null, instances: []};
		cell.instances.push(instance);
		cell.state = cellState(cell.instances.map(one => one.state));
		cells.set(at, cell);
	}
	// each task's start as an offset into its run (runs start at different times), taken from
	// the newest run that started it
	const startOf = new Map<string, number>();
	const startsIn = (taskId: string, runId: string) => (cells.get(key(taskId, runId))?.instances ?? []).map(one => Date.parse(one.startDate ?? '')).filter(Number.isFinite);
	for (const run of runs) {
		const runStart = Math.min(...[...taskIds].flatMap(taskId => startsIn(taskId, run.runId)));
		for (const taskId of taskIds) {
			const starts = startsIn(taskId, run.runId);
			if (!startOf.has(taskId) && starts.length) startOf.set(taskId, Math.min(...starts) - runStart);
		}
	}
	const tasks = [...taskIds].sort((a, b) => (startOf.get(a) ?? Number.POSITIVE_INFINITY) - (startOf.get(b) ?? Number.POSITIVE_INFINITY) || (a < b ? -1 : a > b ? 1 : 0));
	return {runs: [...runs].reverse(), tasks, cell: (taskId, runId) => cells.get(key(taskId, runId))};
}

export type GridCursor = {row: number; column: number};

/** The cursor moved and kept inside the grid (it starts on the newest run, the right edge). */
export function moveCursor(cursor: GridCursor, delta: {rows?: number; columns?: number}, size: {rows: number; columns: number}): GridCursor {
	const clamp = (value: number, count: number) => Math.max(0, Math.min(Math.max(0, count - 1), value));
	return {row: clamp(cursor.row + (delta.rows ?? 0), size.rows), column: clamp(cursor.column + (delta.columns ?? 0), size.columns)};
}

/** The first row to show so that the selected row is on screen. */
export function windowTop(top: number, selected: number, room: number): number {
	if (selected < top) return selected;
	if (selected >= top + room) return selected - room + 1;
	return top;
}
