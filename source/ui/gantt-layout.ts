// The timeline (Gantt) of a run's tasks as numbers: the time span every bar shares, where a
// task's queued and running bars fall in a chart `width` cells wide, and the axis ticks with
// their UTC labels. Pure (the clock is an argument), so the rules are unit-tested; the
// component (panes/gantt.tsx) only draws what this returns.
import type {TaskInstance} from '../airflow/model.js';
import {UNFINISHED_TASK_STATES} from '../airflow/states.js';
import {cellWidth} from '../text/cells.js';

/** Milliseconds since the epoch, start inclusive, end exclusive. */
export type Span = {start: number; end: number};

/** A task's moments as numbers; undefined where the server has none (or a value that is not a time). */
export type TaskTimes = {queued?: number; start?: number; end?: number};

/** One bar's cells: [from, to) in chart columns. */
export type Segment = {from: number; to: number};

export type Bar = {queued?: Segment; running?: Segment};

const parse = (iso: string | null): number | undefined => {
	if (!iso) return undefined;
	const at = Date.parse(iso);
	return Number.isFinite(at) ? at : undefined;
};

/**
 * When a task was queued, started and ended. A task still going (running, queued, ...) ends
 * `now`; a queued time after the start belongs to no bar (a clock skew, a stale value).
 */
export function timesOf(task: TaskInstance, now: number): TaskTimes {
	let queued = parse(task.queuedWhen);
	const start = parse(task.startDate);
	let end = parse(task.endDate);
	if (queued !== undefined && start !== undefined && queued > start) queued = undefined;
	const going = UNFINISHED_TASK_STATES.has(task.state ?? '');
	if (end === undefined && going && (start !== undefined || queued !== undefined)) end = Math.max(now, start ?? queued!);
	return {queued, start, end};
}

/** The span every bar shares: the earliest queue or start to the latest end; undefined when no task has a time. */
export function spanOf(times: readonly TaskTimes[]): Span | undefined {
	let start = Number.POSITIVE_INFINITY;
	let end = Number.NEGATIVE_INFINITY;
	for (const time of times) {
		for (const at of [time.queued, time.start, time.end]) {
			if (at === undefined) continue;
			start = Math.min(start, at);
			end = Math.max(end, at);
		}
	}
	if (!Number.isFinite(start)) return undefined;
	// one second at least: a span of zero has no scale
	return {start, end: Math.max(end, start + 1000)};
}

/** The chart column a moment falls in, kept inside the chart. */
export function columnOf(at: number, span: Span, width: number): number {
	const column = Math.floor(((at - span.start) / (span.end - span.start)) * width);
	return Math.max(0, Math.min(width - 1, column));
}

/**
 * Where the bars fall. Running covers the start's column to the end's, one cell at least, so
 * a one-second task is still seen; queued covers the queue's column up to where running
 * begins (a task queued and not started is queued up to its end, now).
 */
export function barOf(times: TaskTimes, span: Span, width: number): Bar {
	const bar: Bar = {};
	if (width <= 0) return bar;
	if (times.start !== undefined) {
		const from = columnOf(times.start, span, width);
		const to = Math.max(from + 1, columnOf(times.end ?? times.start, span, width) + 1);
		bar.running = {from, to};
	}
	if (times.queued !== undefined) {
		const from = columnOf(times.queued, span, width);
		const to = bar.running ? bar.running.from : Math.max(from + 1, columnOf(times.end ?? times.queued, span, width) + 1);
		if (to > from) bar.queued = {from, to};
	}
	return bar;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick steps a reader counts in: 1 s, 2 s, 5 s ... 1 h, 3 h ... 1 d, 7 d. */
export const TICK_STEPS: readonly number[] = [1, 2, 5, 10, 15, 30]
	.map(s => s * SECOND)
	.concat(
		[1, 2, 5, 10, 15, 30].map(m => m * MINUTE),
		[1, 2, 3, 6, 12].map(h => h * HOUR),
		[1, 2, 7, 14, 30].map(d => d * DAY),
	);

export type Tick = {at: number; column: number; label: string};

const two = (n: number) => String(n).padStart(2, '0');

/** A tick's label in UTC: seconds while the step is under a minute, the day once it is a day or more. */
export function tickLabel(at: number, step: number): string {
	const date = new Date(at);
	if (step >= DAY) return `${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
	const clock = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
	return step < MINUTE ? `${clock}:${two(date.getUTCSeconds())}` : clock;
}

/** Cells a label of this step takes, with the gap before the next one. */
const labelRoom = (step: number) => (step < MINUTE ? 8 : 5) + 2;

/**
 * The axis: the smallest step whose labels fit side by side in `width` cells, and a tick on
 * every multiple of it (in UTC: multiples of a day are midnights) inside the span.
 */
export function axisTicks(span: Span, width: number): {step: number; ticks: Tick[]} {
	const length = span.end - span.start;
	const step = TICK_STEPS.find(candidate => (length / candidate + 1) * labelRoom(candidate) <= width) ?? TICK_STEPS.at(-1)!;
	const ticks: Tick[] = [];
	for (let at = Math.ceil(span.start / step) * step; at <= span.end && ticks.length < width; at += step) {
		ticks.push({at, column: columnOf(at, span, width), label: tickLabel(at, step)});
	}
	return {step, ticks};
}

/**
 * The axis as one line of `width` cells: each label starts at its tick's column (moved left
 * to stay inside the line); a label that would touch the one before it is left out.
 */
export function axisLine(ticks: readonly Tick[], width: number): string {
	const cells = Array.from({length: width}, () => ' ');
	let free = 0;
	for (const tick of ticks) {
		const from = Math.min(tick.column, width - tick.label.length);
		if (from < free || from < 0) continue;
		for (const [index, char] of [...tick.label].entries()) cells[from + index] = char;
		free = from + tick.label.length + 1;
	}
	return cells.join('');
}

/** Cells the task names take beside the chart: the longest name, within a quarter of the width (8 at least). */
export function nameWidth(names: readonly string[], width: number): number {
	const longest = names.reduce((most, name) => Math.max(most, cellWidth(name)), 0);
	return Math.max(8, Math.min(longest, Math.floor(width / 4)));
}

/**
 * The rows top-down as the run went: by when each task was queued (or started), the tasks
 * that never were at the bottom; then by task id and map index, so equal times keep one order.
 */
export function ganttRows(tasks: readonly TaskInstance[], now: number): {task: TaskInstance; times: TaskTimes}[] {
	const first = (times: TaskTimes) => times.queued ?? times.start ?? Number.POSITIVE_INFINITY;
	return tasks
		.map(task => ({task, times: timesOf(task, now)}))
		.sort((a, b) => first(a.times) - first(b.times) || (a.task.taskId < b.task.taskId ? -1 : a.task.taskId > b.task.taskId ? 1 : 0) || a.task.mapIndex - b.task.mapIndex);
}
