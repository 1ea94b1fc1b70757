// The monitoring verdict, as a table: what a cron job or Nagios check sees for each state of
// Airflow's health answer. The policy: the metadatabase and the scheduler are critical; the
// triggerer and a separate dag-processor only ever warn; the scheduler's heartbeat lag is
// judged by --warn/--crit (>= the threshold counts).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ComponentHealth, Health} from '../../source/airflow/model.js';
import {EXIT_CODES, healthVerdict, worst, type Level} from '../../source/live/health-verdict.js';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const healthy = (seconds: number | null = 2): ComponentHealth => ({status: 'healthy', latestHeartbeat: seconds === null ? null : ago(seconds)});
const unhealthy = (seconds: number | null = 2): ComponentHealth => ({status: 'unhealthy', latestHeartbeat: seconds === null ? null : ago(seconds)});

function health(parts: Partial<Health> = {}): Health {
	return {metadatabase: {status: 'healthy', latestHeartbeat: null}, scheduler: healthy(), triggerer: healthy(), dagProcessor: healthy(), ...parts};
}

const DEFAULTS = {warnSeconds: 30, critSeconds: 120};

type Row = {name: string; health: Health; thresholds?: {warnSeconds: number; critSeconds: number}; level: Level; reason?: RegExp};

const TABLE: Row[] = [
	{name: 'every component healthy and fresh', health: health(), level: 'ok'},
	{name: 'metadatabase unhealthy', health: health({metadatabase: {status: 'unhealthy', latestHeartbeat: null}}), level: 'critical', reason: /^metadatabase unhealthy$/},
	{name: 'scheduler unhealthy, heartbeat fresh', health: health({scheduler: unhealthy(1)}), level: 'critical', reason: /^scheduler unhealthy$/},
	{name: 'scheduler unhealthy and late', health: health({scheduler: unhealthy(600)}), level: 'critical', reason: /scheduler/},
	{name: 'triggerer unhealthy: only a warning', health: health({triggerer: unhealthy()}), level: 'warning', reason: /^triggerer unhealthy$/},
	{name: 'dag-processor unhealthy: only a warning', health: health({dagProcessor: unhealthy()}), level: 'warning', reason: /^dag_processor unhealthy$/},
	{name: 'triggerer unhealthy and far past --crit: still only a warning', health: health({triggerer: unhealthy(3600)}), level: 'warning', reason: /triggerer/},
	{name: 'triggerer healthy but late past --crit: a warning', health: health({triggerer: healthy(600)}), level: 'warning', reason: /^triggerer heartbeat 600s ago/},
	{name: 'dag-processor healthy but late past --crit: a warning', health: health({dagProcessor: healthy(600)}), level: 'warning', reason: /^dag_processor heartbeat 600s ago/},
	{name: 'triggerer late past --warn only: a warning', health: health({triggerer: healthy(45)}), level: 'warning', reason: /triggerer heartbeat 45s ago \(warning at 30s\)/},
	{name: 'scheduler heartbeat 29s ago, --warn 30: ok', health: health({scheduler: healthy(29)}), level: 'ok'},
	{name: 'scheduler heartbeat 30s ago, --warn 30: warning', health: health({scheduler: healthy(30)}), level: 'warning', reason: /^scheduler heartbeat 30s ago \(warning at 30s\)$/},
	{name: 'scheduler heartbeat 119s ago, --crit 120: warning', health: health({scheduler: healthy(119)}), level: 'warning', reason: /warning at 30s/},
	{name: 'scheduler heartbeat 120s ago, --crit 120: critical', health: health({scheduler: healthy(120)}), level: 'critical', reason: /^scheduler heartbeat 120s ago \(critical at 120s\)$/},
	{name: 'scheduler late by --warn 10 --crit 20: 15s warns', health: health({scheduler: healthy(15)}), thresholds: {warnSeconds: 10, critSeconds: 20}, level: 'warning', reason: /warning at 10s/},
	{
		name: 'scheduler late by --warn 10 --crit 20: 25s is critical',
		health: health({scheduler: healthy(25)}),
		thresholds: {warnSeconds: 10, critSeconds: 20},
		level: 'critical',
		reason: /critical at 20s/,
	},
	{name: 'scheduler 200s ago with --warn 300 --crit 600: ok', health: health({scheduler: healthy(200)}), thresholds: {warnSeconds: 300, critSeconds: 600}, level: 'ok'},
	{name: 'a heartbeat in the future (clock skew) counts as fresh', health: health({scheduler: healthy(-30)}), level: 'ok'},
	// unknowns: Airflow 2.x reports a dag-processor that is not separate as status null, no heartbeat
	{name: 'dag-processor status null, no heartbeat (2.x default): ok', health: health({dagProcessor: {status: 'unknown', latestHeartbeat: null}}), level: 'ok'},
	{name: 'dag-processor not reported at all: ok', health: health({dagProcessor: {status: 'absent', latestHeartbeat: null}}), level: 'ok'},
	{name: 'a heartbeat that is not a time: no lag to judge', health: health({scheduler: {status: 'healthy', latestHeartbeat: 'yesterday-ish'}}), level: 'ok'},
	{name: "scheduler healthy without any heartbeat: ok on Airflow's word", health: health({scheduler: healthy(null)}), level: 'ok'},
];

describe('health verdict', () => {
	for (const row of TABLE) {
		it(`${row.name} -> ${row.level} (exit ${EXIT_CODES[row.level]})`, () => {
			const verdict = healthVerdict(row.health, row.thresholds ?? DEFAULTS, NOW);
			assert.equal(verdict.level, row.level, JSON.stringify(verdict.reasons));
			if (row.reason) {
				assert.equal(verdict.reasons.length, 1, JSON.stringify(verdict.reasons));
				assert.match(verdict.reasons[0]!, row.reason);
			} else assert.deepEqual(verdict.reasons, []);
		});
	}

	it('takes the worst component, and gives every reason', () => {
		const verdict = healthVerdict(health({triggerer: healthy(600), scheduler: unhealthy(), dagProcessor: unhealthy()}), DEFAULTS, NOW);
		assert.equal(verdict.level, 'critical');
		assert.deepEqual(
			verdict.reasons.map(reason => reason.split(' ')[0]),
			['scheduler', 'triggerer', 'dag_processor'],
		);
		assert.deepEqual(
			verdict.components.map(c => [c.name, c.level]),
			[
				['metadatabase', 'ok'],
				['scheduler', 'critical'],
				['triggerer', 'warning'],
				['dag_processor', 'warning'],
			],
		);
	});

	it('reports each component with its status and heartbeat age in seconds', () => {
		const verdict = healthVerdict(health({scheduler: healthy(42.4), dagProcessor: {status: 'absent', latestHeartbeat: null}}), DEFAULTS, NOW);
		const scheduler = verdict.components.find(c => c.name === 'scheduler')!;
		assert.equal(scheduler.heartbeatAgeSeconds, 42);
		assert.equal(scheduler.status, 'healthy');
		assert.equal(scheduler.latestHeartbeat, ago(42.4));
		assert.equal(verdict.components.find(c => c.name === 'dag_processor')!.heartbeatAgeSeconds, null);
		assert.equal(verdict.components.find(c => c.name === 'metadatabase')!.heartbeatAgeSeconds, null);
	});

	it('uses the monitoring-plugin exit codes and ranks unknown between ok and warning', () => {
		assert.deepEqual(EXIT_CODES, {ok: 0, warning: 1, critical: 2, unknown: 3});
		assert.equal(worst('ok', 'unknown'), 'unknown');
		assert.equal(worst('unknown', 'ok'), 'unknown');
		assert.equal(worst('unknown', 'warning'), 'warning');
		assert.equal(worst('critical', 'warning'), 'critical');
		assert.equal(worst('warning', 'critical'), 'critical');
	});
});
