// The rule behind `windsock failures`' exit code, and the small parsers the on-call commands
// share. These fail when the rule changes: change them only together with the rule.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DagRun} from '../../source/airflow/model.js';
import {countsAsFailed, failuresVerdict} from '../../source/live/failures-verdict.js';
import {taskStateAfterRunMark} from '../../source/commands/mark.js';
import {describeWindow, parseSince, sinceIso} from '../../source/commands/since.js';

const WINDOW_START = '2026-01-02T00:00:00.000Z';

function run(overrides: Partial<DagRun> = {}): DagRun {
	return {
		dagId: 'etl',
		runId: 'r1',
		state: 'failed',
		runType: 'manual',
		logicalDate: null,
		runAfter: '2026-01-02T10:00:00Z',
		startDate: '2026-01-02T10:00:01Z',
		endDate: '2026-01-02T10:05:00Z',
		queuedAt: null,
		conf: {},
		note: null,
		...overrides,
	};
}

describe('failures verdict', () => {
	it('exits 0 when nothing failed and no DAG file is broken', () => {
		const verdict = failuresVerdict({runs: [], total: 0, importErrors: 0, windowStart: WINDOW_START});
		assert.equal(verdict.exitCode, 0);
		assert.deepEqual(verdict.reasons, []);
		assert.equal(verdict.failedTotal, 0);
	});

	it('exits 1 for one failed run in the window', () => {
		const verdict = failuresVerdict({runs: [run()], total: 1, importErrors: 0, windowStart: WINDOW_START});
		assert.equal(verdict.exitCode, 1);
		assert.deepEqual(verdict.reasons, ['1 failed run']);
		assert.deepEqual(
			verdict.failed.map(r => r.runId),
			['r1'],
		);
	});

	it('exits 1 for import errors alone, whatever their age: a broken file has no runs to fail', () => {
		const verdict = failuresVerdict({runs: [], total: 0, importErrors: 2, windowStart: WINDOW_START});
		assert.equal(verdict.exitCode, 1);
		assert.deepEqual(verdict.reasons, ['2 import errors']);
	});

	it('counts a run that started before the window but failed inside it', () => {
		assert.equal(countsAsFailed(run({startDate: '2025-12-30T00:00:00Z', endDate: '2026-01-02T01:00:00Z'}), Date.parse(WINDOW_START)), true);
	});

	it('does not count a run that ended before the window, even when the server lists it', () => {
		const old = run({runId: 'old', endDate: '2026-01-01T23:59:59Z'});
		const verdict = failuresVerdict({runs: [old], total: 1, importErrors: 0, windowStart: WINDOW_START});
		assert.equal(verdict.exitCode, 0);
		assert.equal(verdict.failedTotal, 0);
	});

	it('does not count a run in another state', () => {
		for (const state of ['success', 'running', 'queued']) assert.equal(countsAsFailed(run({state}), Date.parse(WINDOW_START)), false, state);
	});

	it('takes the server at its word for a failed run without an end date', () => {
		assert.equal(countsAsFailed(run({endDate: null}), Date.parse(WINDOW_START)), true);
	});

	it('counts the runs past the listed page by the server total', () => {
		const verdict = failuresVerdict({runs: [run(), run({runId: 'r2'})], total: 120, importErrors: 1, windowStart: WINDOW_START});
		assert.equal(verdict.failedTotal, 120);
		assert.deepEqual(verdict.reasons, ['120 failed runs', '1 import error']);
	});
});

describe('--since', () => {
	it('takes 30m, 24h, 7d, seconds', () => {
		assert.equal(parseSince('30m'), 1800);
		assert.equal(parseSince('24h'), 86_400);
		assert.equal(parseSince('7d'), 604_800);
		assert.equal(parseSince('90'), 90);
		assert.equal(parseSince('45s'), 45);
	});

	it('refuses anything else as a usage mistake', () => {
		for (const bad of ['', '0', '-5', '1w', '24 h', 'h', 'yesterday', '1e3']) assert.throws(() => parseSince(bad), {name: 'ConfigError'}, bad);
	});

	it('gives the window start as an ISO time and says the window back', () => {
		assert.equal(sinceIso(3600, Date.parse('2026-01-02T01:00:00Z')), '2026-01-02T00:00:00.000Z');
		assert.equal(describeWindow('24h'), '24h');
		assert.equal(describeWindow('90'), '90s');
	});
});

describe('mark run: what Airflow does to its task instances', () => {
	it('success: every one not yet successful', () => {
		assert.equal(taskStateAfterRunMark('failed', 'success'), 'success');
		assert.equal(taskStateAfterRunMark(null, 'success'), 'success');
		assert.equal(taskStateAfterRunMark('success', 'success'), null);
	});

	it('failed: running ones fail, unstarted ones are skipped, finished ones stay', () => {
		assert.equal(taskStateAfterRunMark('running', 'failed'), 'failed');
		assert.equal(taskStateAfterRunMark('queued', 'failed'), 'skipped');
		assert.equal(taskStateAfterRunMark(null, 'failed'), 'skipped');
		assert.equal(taskStateAfterRunMark('success', 'failed'), null);
		assert.equal(taskStateAfterRunMark('upstream_failed', 'failed'), null);
	});
});
