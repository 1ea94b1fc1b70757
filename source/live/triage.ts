// What needs attention now, most important first: the Triage pane's rules, kept apart from
// its requests so they can be read and tested on their own. Input is what the last polls
// returned (each part may still be missing); output is one item per line on screen.
//
// Order (rank, then within a rank the newest or the worst first):
// 0 a component that is not healthy, or whose heartbeat is older than the critical threshold
// 1 a failed run whose DAG is still failing (its latest run failed)
// 2 a DAG whose latest run failed, with no failed run of it in the window
// 3 import errors (one line: the count, the newest file)
// 4 a run queued longer than the threshold ("stuck")
// 5 a run running much longer than its DAG's recent median
// 6 a failed run whose DAG has succeeded since (recovered, still evidence)
import {COMPONENTS, componentName} from '../airflow/components.js';
import {formatAge} from '../text/age.js';
import type {DagRun, Health, ImportError, TaskInstance} from '../airflow/model.js';
import {lagLevel, type Thresholds} from './health-history.js';

export const TRIAGE_WINDOWS = [
	{label: '1h', ms: 3_600_000},
	{label: '6h', ms: 6 * 3_600_000},
	{label: '24h', ms: 24 * 3_600_000},
	{label: '7d', ms: 7 * 24 * 3_600_000},
] as const;

export type TriageWindow = (typeof TRIAGE_WINDOWS)[number];

export const DEFAULT_WINDOW: TriageWindow = TRIAGE_WINDOWS[2];

export function nextWindow(current: TriageWindow): TriageWindow {
	const index = TRIAGE_WINDOWS.findIndex(window => window.label === current.label);
	return TRIAGE_WINDOWS[(index + 1) % TRIAGE_WINDOWS.length]!;
}

export type TriageRules = {
	/** a run is long when it has run this many times its DAG's median... */
	longFactor: number;
	/** ...and at least this much longer than the median (a 5 s DAG taking 20 s is not news) */
	longMinExtraMs: number;
	/** finished successful runs needed before a median means anything */
	minSamples: number;
	/** queued longer than this: stuck */
	queuedMs: number;
};

export const DEFAULT_RULES: TriageRules = {longFactor: 3, longMinExtraMs: 10 * 60_000, minSamples: 3, queuedMs: 15 * 60_000};

export type TriageItem =
	| {kind: 'component'; key: string; rank: 0; component: keyof Health; status: string; heartbeatAgeMs: number | undefined}
	| {kind: 'failed-run'; key: string; rank: 1 | 6; run: DagRun; failedTasks: TaskInstance[]; stillFailing: boolean}
	/** failuresKnown: the window's failed runs were read, so a latest failure not among them is older */
	| {kind: 'dag-failing'; key: string; rank: 2; dagId: string; run: DagRun | undefined; failuresKnown: boolean}
	| {kind: 'import-errors'; key: string; rank: 3; count: number; newest: ImportError}
	| {kind: 'stuck-queued'; key: string; rank: 4; run: DagRun; queuedMs: number}
	| {kind: 'long-running'; key: string; rank: 5; run: DagRun; elapsedMs: number; medianMs: number};

export type TriageInput = {
	now: number;
	/** start of the failed-runs window, ms */
	windowStartMs: number;
	health?: Health;
	thresholds: Thresholds;
	importErrors?: ImportError[];
	failedRuns?: DagRun[];
	/** failed task instances in the window, of any run (the batch list) */
	failedTasks?: TaskInstance[];
	/**
	 * DAGs whose latest run failed, with that run when it is known (2.x derives it from runs;
	 * 3.x's DAG filter gives only ids). undefined: not known yet.
	 */
	latestFailed?: Map<string, DagRun | undefined>;
	/** runs in state running or queued, any DAG */
	activeRuns?: DagRun[];
	/** recent runs per DAG, for the medians of the running ones */
	recentRuns?: Map<string, DagRun[]>;
};

const ms = (iso: string | null | undefined): number | undefined => {
	if (!iso) return undefined;
	const parsed = Date.parse(iso);
	return Number.isNaN(parsed) ? undefined : parsed;
};

/** When a run last did something: its end, its start, when it was queued or due. */
export function runTime(run: DagRun): number {
	return ms(run.endDate) ?? ms(run.startDate) ?? ms(run.queuedAt) ?? ms(run.runAfter) ?? ms(run.logicalDate) ?? 0;
}

/** The median duration of a DAG's finished successful runs; undefined below minSamples. */
export function medianDurationMs(runs: readonly DagRun[], rules: TriageRules = DEFAULT_RULES): number | undefined {
	const durations = runs
		.filter(run => run.state === 'success')
		.map(run => {
			const start = ms(run.startDate);
			const end = ms(run.endDate);
			return start !== undefined && end !== undefined && end >= start ? end - start : undefined;
		})
		.filter((duration): duration is number => duration !== undefined)
		.sort((a, b) => a - b);
	if (durations.length < Math.max(1, rules.minSamples)) return undefined;
	const middle = Math.floor(durations.length / 2);
	return durations.length % 2 ? durations[middle]! : (durations[middle - 1]! + durations[middle]!) / 2;
}

/** How long a running run has run, when that is much longer than its DAG's median. */
export function longRunningBy(run: DagRun, medianMs: number | undefined, now: number, rules: TriageRules = DEFAULT_RULES): number | undefined {
	if (run.state !== 'running' || medianMs === undefined) return undefined;
	const start = ms(run.startDate);
	if (start === undefined) return undefined;
	const elapsed = now - start;
	return elapsed > medianMs * rules.longFactor && elapsed - medianMs >= rules.longMinExtraMs ? elapsed : undefined;
}

/**
 * How long a queued run has waited, when that is past the threshold. Waiting counts from
 * queued_at (3.x); 2.x has no queued_at, so a scheduled run's from its logical date, which is
 * a whole interval early: see docs/triage.md. Any other run's logical date is whatever day
 * was asked for (a manual run dated last week, a backfill): without queued_at its wait is
 * unknown, and it is not called stuck (a new user saw "stuck queued 5d 21h" seconds after
 * triggering a paused DAG for an old date on 2.x).
 */
export function stuckQueuedFor(run: DagRun, now: number, rules: TriageRules = DEFAULT_RULES): number | undefined {
	if (run.state !== 'queued') return undefined;
	if (run.queuedAt === null && run.runType !== 'scheduled') return undefined;
	const since = ms(run.queuedAt) ?? ms(run.runAfter) ?? ms(run.logicalDate);
	if (since === undefined) return undefined;
	const waited = now - since;
	return waited > rules.queuedMs ? waited : undefined;
}

/**
 * 2.x: DAGs whose latest run failed, from one list of recent runs of every DAG (newest first
 * by logical date, as the server orders them): a DAG's first run in that list is its latest.
 */
export function latestFailedFromRuns(runs: readonly DagRun[]): Map<string, DagRun> {
	const latest = new Map<string, DagRun>();
	for (const run of runs) if (!latest.has(run.dagId)) latest.set(run.dagId, run);
	return new Map([...latest].filter(([, run]) => run.state === 'failed'));
}

const runKey = (run: DagRun) => `${run.dagId}\u0000${run.runId}`;

export function triageItems(input: TriageInput, rules: TriageRules = DEFAULT_RULES): TriageItem[] {
	const items: TriageItem[] = [];
	const {now} = input;

	if (input.health) {
		for (const {key} of COMPONENTS) {
			const component = input.health[key];
			const age = ms(component.latestHeartbeat);
			const ageMs = age === undefined ? undefined : now - age;
			// a heartbeat past the critical threshold is a dead component that has not been told so
			const late = component.status === 'healthy' && lagLevel(ageMs === undefined ? undefined : ageMs / 1000, input.thresholds) === 'critical';
			if (component.status === 'unhealthy' || late) {
				items.push({kind: 'component', key: `component:${key}`, rank: 0, component: key, status: component.status === 'unhealthy' ? 'unhealthy' : 'heartbeat late', heartbeatAgeMs: ageMs});
			}
		}
	}

	const tasksByRun = new Map<string, TaskInstance[]>();
	for (const task of input.failedTasks ?? []) {
		if (task.state !== 'failed') continue;
		const key = `${task.dagId}\u0000${task.runId}`;
		tasksByRun.set(key, [...(tasksByRun.get(key) ?? []), task]);
	}
	const failedDags = new Set<string>();
	for (const run of input.failedRuns ?? []) {
		if (run.state !== 'failed') continue;
		// the server filtered on updated_at; a failure that ended before the window is not news
		const ended = ms(run.endDate);
		if (ended !== undefined && ended < input.windowStartMs) continue;
		// while the latest states are unknown, every failure counts as current
		const stillFailing = input.latestFailed === undefined || input.latestFailed.has(run.dagId);
		const failedTasks = (tasksByRun.get(runKey(run)) ?? []).sort((a, b) => (ms(a.endDate) ?? 0) - (ms(b.endDate) ?? 0));
		items.push({kind: 'failed-run', key: `run:${runKey(run)}`, rank: stillFailing ? 1 : 6, run, failedTasks, stillFailing});
		failedDags.add(run.dagId);
	}

	for (const [dagId, run] of input.latestFailed ?? []) {
		if (!failedDags.has(dagId)) items.push({kind: 'dag-failing', key: `dag:${dagId}`, rank: 2, dagId, run, failuresKnown: input.failedRuns !== undefined});
	}

	const errors = input.importErrors ?? [];
	if (errors.length) {
		const newest = [...errors].sort((a, b) => (ms(b.timestamp) ?? 0) - (ms(a.timestamp) ?? 0))[0]!;
		items.push({kind: 'import-errors', key: 'import-errors', rank: 3, count: errors.length, newest});
	}

	for (const run of input.activeRuns ?? []) {
		const queuedMs = stuckQueuedFor(run, now, rules);
		if (queuedMs !== undefined) {
			items.push({kind: 'stuck-queued', key: `queued:${runKey(run)}`, rank: 4, run, queuedMs});
			continue;
		}
		const medianMs = medianDurationMs(input.recentRuns?.get(run.dagId) ?? [], rules);
		const elapsedMs = longRunningBy(run, medianMs, now, rules);
		if (elapsedMs !== undefined) items.push({kind: 'long-running', key: `long:${runKey(run)}`, rank: 5, run, elapsedMs, medianMs: medianMs!});
	}

	return items.sort((a, b) => a.rank - b.rank || weight(b) - weight(a) || a.key.localeCompare(b.key));
}

/**
 * What the header's badge says from any pane: alarms (ranks 0-3: a component, a failure still
 * failing, import errors) turn it red; warnings (4-5: stuck or long runs) only yellow; a
 * recovered failure (6) is evidence on the list, not a reason to look.
 */
export function badgeCounts(items: readonly TriageItem[]): {alarms: number; warnings: number} {
	return {alarms: items.filter(item => item.rank <= 3).length, warnings: items.filter(item => item.rank === 4 || item.rank === 5).length};
}

/** Within a rank: the newest failure, the longest wait, the worst overrun first. */
function weight(item: TriageItem): number {
	switch (item.kind) {
		case 'component':
			return item.heartbeatAgeMs ?? 0;
		case 'failed-run':
			return runTime(item.run);
		case 'dag-failing':
			return item.run ? runTime(item.run) : 0;
		case 'import-errors':
			return item.count;
		case 'stuck-queued':
			return item.queuedMs;
		case 'long-running':
			return item.elapsedMs / Math.max(1, item.medianMs);
	}
}

/** The failed task whose log explains a failed run: the first to fail. */
export function firstFailedTask(item: TriageItem): TaskInstance | undefined {
	return item.kind === 'failed-run' ? item.failedTasks[0] : undefined;
}

/** What a line says, as plain words (the pane sanitises and colours them). */
export function describeItem(item: TriageItem, now: number): {what: string; subject: string; detail: string; atMs: number | undefined} {
	switch (item.kind) {
		case 'component':
			return {
				what: item.status,
				subject: componentName(item.component),
				detail: item.heartbeatAgeMs === undefined ? 'no heartbeat' : `heartbeat ${Math.round(item.heartbeatAgeMs / 1000)}s ago`,
				atMs: undefined,
			};
		case 'failed-run': {
			const tasks = item.failedTasks.map(task => (task.mapIndex >= 0 ? `${task.taskId}[${task.mapIndex}]` : task.taskId));
			// the failed tasks first: at 80 columns the run id is what gets cut
			return {what: item.stillFailing ? 'failed' : 'recovered', subject: item.run.dagId, detail: `${tasks.length ? tasks.join(', ') : '(no failed task)'}  ${item.run.runId}`, atMs: runTime(item.run)};
		}
		case 'dag-failing':
			// "before the window" only when the window's failures were read (their request may have failed)
			return {
				what: 'latest failed',
				subject: item.dagId,
				detail: item.run ? item.run.runId : item.failuresKnown ? 'its latest run failed (before the window)' : 'its latest run failed',
				atMs: item.run ? runTime(item.run) : undefined,
			};
		case 'import-errors':
			return {what: `${item.count} import err`, subject: item.newest.filename.split('/').at(-1) ?? '', detail: item.newest.stackTrace.trim().split('\n').at(-1) ?? '', atMs: ms(item.newest.timestamp)};
		case 'stuck-queued':
			return {what: 'stuck queued', subject: item.run.dagId, detail: `${item.run.runId}  queued ${Math.round(item.queuedMs / 60_000)}m`, atMs: now - item.queuedMs};
		case 'long-running':
			return {
				what: 'long running',
				subject: item.run.dagId,
				// the figures first: at 80 columns the run id is what gets cut; a DAG that takes
				// seconds has a median in seconds, not "0m"
				detail: `${formatAge(item.elapsedMs)}, median ${formatAge(item.medianMs)}  ${item.run.runId}`,
				atMs: ms(item.run.startDate),
			};
	}
}
