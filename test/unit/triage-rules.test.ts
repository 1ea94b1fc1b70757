// The Triage pane's rules: what is listed, in which order, and when a run is long or stuck.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DagRun, Health, TaskInstance} from '../../source/airflow/model.js';
import {DEFAULT_THRESHOLDS} from '../../source/live/health-history.js';
import {
	badgeCounts,
	DEFAULT_RULES,
	DEFAULT_WINDOW,
	describeItem,
	firstFailedTask,
	latestFailedFromRuns,
	longRunningBy,
	medianDurationMs,
	nextWindow,
	stuckQueuedFor,
	triageItems,
} from '../../source/live/triage.js';
import type {TriageItem} from '../../source/live/triage.js';

const NOW = Date.parse('2026-01-02T12:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function run(overrides: Partial<DagRun> = {}): DagRun {
	return {
		dagId: 'etl',
		runId: 'r1',
		state: 'failed',
		runType: 'manual',
		logicalDate: null,
		runAfter: iso(NOW - 60 * MIN),
		startDate: iso(NOW - 50 * MIN),
		endDate: iso(NOW - 40 * MIN),
		queuedAt: null,
		conf: {},
		note: null,
		...overrides,
	};
}

function task(overrides: Partial<TaskInstance> = {}): TaskInstance {
	return {
		dagId: 'etl',
		runId: 'r1',
		taskId: 'load',
		mapIndex: -1,
		state: 'failed',
		tryNumber: 2,
		queuedWhen: null,
		startDate: null,
		endDate: iso(NOW - 41 * MIN),
		duration: null,
		operator: null,
		hostname: null,
		...overrides,
	};
}

const healthy = (beat: string | null = iso(NOW - 5000)) => ({status: 'healthy' as const, latestHeartbeat: beat});
const HEALTHY: Health = {metadatabase: healthy(null), scheduler: healthy(), triggerer: healthy(), dagProcessor: {status: 'absent', latestHeartbeat: null}};

const base = {now: NOW, windowStartMs: NOW - DEFAULT_WINDOW.ms, thresholds: DEFAULT_THRESHOLDS};

describe('triage rules', () => {
	it('lists nothing when all is well', () => {
		assert.deepEqual(triageItems({...base, health: HEALTHY, importErrors: [], failedRuns: [], failedTasks: [], latestFailed: new Map(), activeRuns: []}), []);
	});

	it('orders: component, still failing, latest failed DAG, import errors, stuck, long, recovered', () => {
		const items = triageItems({
			...base,
			health: {...HEALTHY, scheduler: {status: 'unhealthy', latestHeartbeat: iso(NOW - 300_000)}},
			importErrors: [
				{id: 1, filename: '/dags/old.py', timestamp: iso(NOW - 90 * MIN), stackTrace: 'x'},
				{id: 2, filename: '/dags/new.py', timestamp: iso(NOW - MIN), stackTrace: 'SyntaxError'},
			],
			failedRuns: [run({dagId: 'fixed', runId: 'f1'}), run({dagId: 'etl', runId: 'r1'})],
			failedTasks: [task()],
			latestFailed: new Map([
				['etl', undefined],
				['old_dag', undefined],
			]),
			activeRuns: [
				run({dagId: 'slow', runId: 's1', state: 'running', startDate: iso(NOW - 100 * MIN), endDate: null}),
				run({dagId: 'waiting', runId: 'q1', state: 'queued', startDate: null, endDate: null, queuedAt: iso(NOW - 30 * MIN)}),
			],
			recentRuns: new Map([['slow', [10, 11, 12].map(m => run({dagId: 'slow', state: 'success', startDate: iso(NOW - 1000 * MIN), endDate: iso(NOW - (1000 - m) * MIN)}))]]),
		});
		assert.deepEqual(
			items.map(item => item.kind + ':' + describeItem(item, NOW).subject),
			['component:scheduler', 'failed-run:etl', 'dag-failing:old_dag', 'import-errors:new.py', 'stuck-queued:waiting', 'long-running:slow', 'failed-run:fixed'],
		);
		const failed = items[1]!;
		assert.equal(firstFailedTask(failed)?.taskId, 'load');
		assert.match(describeItem(failed, NOW).detail, /^load {2}r1$/);
		assert.equal(describeItem(items[3]!, NOW).what, '2 import err');
		assert.equal(describeItem(items.at(-1)!, NOW).what, 'recovered');
		// the figures before the run id (80 columns cut the end)
		assert.equal(describeItem(items[5]!, NOW).detail, '1h 40m, median 11m 0s  s1');
		assert.equal(describeItem(items[2]!, NOW).detail, 'its latest run failed (before the window)');
	});

	it('a long run of a DAG that takes seconds has its median in seconds', () => {
		const items = triageItems({
			...base,
			activeRuns: [run({dagId: 'quick', runId: 'q9', state: 'running', startDate: iso(NOW - 40 * MIN), endDate: null})],
			recentRuns: new Map([['quick', [4, 5, 6].map(s => run({dagId: 'quick', state: 'success', startDate: iso(NOW - 100 * MIN), endDate: iso(NOW - 100 * MIN + s * 1000)}))]]),
		});
		assert.equal(describeItem(items[0]!, NOW).detail, '40m 0s, median 5s  q9');
	});

	it('a latest failure is called older than the window only when the window’s failures were read', () => {
		const unread = triageItems({...base, latestFailed: new Map([['etl', undefined]])});
		assert.equal(describeItem(unread[0]!, NOW).detail, 'its latest run failed');
		const read = triageItems({...base, failedRuns: [], latestFailed: new Map([['etl', undefined]])});
		assert.equal(describeItem(read[0]!, NOW).detail, 'its latest run failed (before the window)');
	});

	it('a healthy component whose heartbeat is past the critical threshold is listed', () => {
		const items = triageItems({...base, health: {...HEALTHY, triggerer: healthy(iso(NOW - 10 * MIN))}});
		assert.equal(items.length, 1);
		assert.equal(items[0]!.kind, 'component');
		assert.match(describeItem(items[0]!, NOW).detail, /heartbeat 600s ago/);
	});

	it('newest failure first; a failure that ended before the window is left out', () => {
		const items = triageItems({
			...base,
			failedRuns: [run({runId: 'old', endDate: iso(NOW - 2 * 24 * 60 * MIN)}), run({runId: 'a', endDate: iso(NOW - 30 * MIN)}), run({runId: 'b', endDate: iso(NOW - 5 * MIN)})],
		});
		assert.deepEqual(
			items.map(item => (item.kind === 'failed-run' ? item.run.runId : '')),
			['b', 'a'],
		);
		// latest states unknown yet: every failure counts as current
		assert.ok(items.every(item => item.rank === 1));
	});

	it('median, long running and stuck queued', () => {
		const finished = (minutes: number[]) => minutes.map(m => run({state: 'success', startDate: iso(NOW - 500 * MIN), endDate: iso(NOW - (500 - m) * MIN)}));
		assert.equal(medianDurationMs(finished([1, 2])), undefined, 'too few samples');
		assert.equal(medianDurationMs(finished([5, 1, 3])), 3 * MIN);
		assert.equal(medianDurationMs(finished([1, 2, 3, 10])), 2.5 * MIN);
		assert.equal(medianDurationMs([...finished([1, 2, 3]), run({state: 'failed'})]), 2 * MIN, 'only successful runs count');
		const running = (minutes: number) => run({state: 'running', startDate: iso(NOW - minutes * MIN), endDate: null});
		assert.equal(longRunningBy(running(20), 5 * MIN, NOW), 20 * MIN);
		assert.equal(longRunningBy(running(12), 5 * MIN, NOW), undefined, 'under 3x the median');
		assert.equal(longRunningBy(running(4), 1 * MIN, NOW), undefined, '4x, but not 10 minutes more than the median');
		assert.equal(longRunningBy(running(60), undefined, NOW), undefined, 'no median, no verdict');
		const queued = (minutes: number, field: 'queuedAt' | 'runAfter', runType = 'scheduled') =>
			run({state: 'queued', runType, startDate: null, endDate: null, queuedAt: null, runAfter: null, [field]: iso(NOW - minutes * MIN)});
		assert.equal(stuckQueuedFor(queued(16, 'queuedAt'), NOW), 16 * MIN);
		assert.equal(stuckQueuedFor(queued(14, 'queuedAt'), NOW), undefined);
		assert.equal(stuckQueuedFor(queued(16, 'queuedAt', 'manual'), NOW), 16 * MIN, 'with queued_at (3.x), any run');
		assert.equal(stuckQueuedFor(queued(20, 'runAfter'), NOW), 20 * MIN, '2.x: no queued_at, a scheduled run counts from its logical date');
		assert.equal(stuckQueuedFor(queued(8500, 'runAfter', 'manual'), NOW), undefined, "2.x: a manual run's logical date is any day asked for: its wait is unknown");
		assert.equal(stuckQueuedFor(queued(-60, 'runAfter'), NOW), undefined, 'due in the future is not stuck');
		assert.equal(DEFAULT_RULES.queuedMs, 15 * MIN);
	});

	it('2.x: the latest run of each DAG from one newest-first list', () => {
		const latest = latestFailedFromRuns([
			run({dagId: 'a', runId: 'a2', state: 'failed'}),
			run({dagId: 'b', runId: 'b2', state: 'success'}),
			run({dagId: 'a', runId: 'a1', state: 'success'}),
			run({dagId: 'b', runId: 'b1', state: 'failed'}),
		]);
		assert.deepEqual([...latest.keys()], ['a']);
		assert.equal(latest.get('a')?.runId, 'a2');
	});

	it('the window cycles 1h, 6h, 24h, 7d and back', () => {
		const labels = [DEFAULT_WINDOW.label];
		let window = DEFAULT_WINDOW;
		for (let i = 0; i < 4; i++) labels.push((window = nextWindow(window)).label);
		assert.deepEqual(labels, ['24h', '7d', '1h', '6h', '24h']);
	});
});

describe('the header badge', () => {
	const ranked = (...ranks: number[]) => ranks.map(rank => ({rank}) as TriageItem);
	it('counts components, failures still failing and import errors as alarms; stuck and long runs as warnings; recovered failures as neither', () => {
		assert.deepEqual(badgeCounts(ranked(0, 1, 2, 3, 4, 5, 6)), {alarms: 4, warnings: 2});
		assert.deepEqual(badgeCounts(ranked(4, 5, 5)), {alarms: 0, warnings: 3});
		assert.deepEqual(badgeCounts(ranked(6, 6)), {alarms: 0, warnings: 0});
		assert.deepEqual(badgeCounts([]), {alarms: 0, warnings: 0});
	});
});
