// The rules behind the Environments pane, `status --all` and the console's opening while a
// server is down: the retry schedule, which profile is production, one environment's
// verdict, `:env NAME`, and the monitor's gentleness (a cap on probes in flight; one
// environment that hangs never holds the others up).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isProduction, looksLikeProduction} from '../../source/config/production.js';
import type {Profile} from '../../source/config/profiles.js';
import {environmentVerdict, overallLevel, type EnvironmentProbe} from '../../source/live/environment-verdict.js';
import {EnvironmentMonitor, type Probe} from '../../source/live/environment-monitor.js';
import {DEFAULT_THRESHOLDS} from '../../source/live/health-history.js';
import {retryDelaySeconds} from '../../source/live/retry-schedule.js';
import {commandTarget, completeCommand} from '../../source/ui/command-line.js';
import {retryWords, waitingWords} from '../../source/ui/frame/connecting.js';
import {PANES} from '../../source/ui/panes/registry.js';

describe('the retry schedule of an unreachable server', () => {
	it('doubles from 1 s and stays at 30 s', () => {
		assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20, 1000].map(retryDelaySeconds), [1, 2, 4, 8, 16, 30, 30, 30, 30]);
	});
	it('says when the next try is, and that it is happening once due', () => {
		assert.equal(retryWords(10_000 + 3_200, 10_000), 'retrying in 4s');
		assert.equal(retryWords(10_000, 10_000), 'retrying now');
		assert.equal(retryWords(undefined, 10_000), 'connecting…');
	});
	it('says how long a first try has hung, after a moment', () => {
		assert.equal(waitingWords(10_000, 12_900), '');
		assert.equal(waitingWords(10_000, 13_000), ' no answer for 3s');
		assert.equal(waitingWords(undefined, 13_000), '');
	});
});

describe('production', () => {
	it('is guessed from a word in the name', () => {
		for (const name of ['prod', 'Production', 'eu-prod', 'prod_us', 'prod2', 'team.prd']) assert.ok(looksLikeProduction(name), name);
		for (const name of ['dev', 'staging', 'product', 'preprod', 'reproduce', 'sandbox']) assert.ok(!looksLikeProduction(name), name);
	});
	it('is what the profile says when it says something', () => {
		assert.equal(isProduction('prod-replica', false), false);
		assert.equal(isProduction('dev', true), true);
		assert.equal(isProduction('prod', undefined), true);
		assert.equal(isProduction('dev', undefined), false);
	});
});

const healthy = {level: 'ok' as const, reasons: [], scheduler: 'healthy' as const, dagProcessor: 'healthy' as const};

function probe(overrides: Partial<EnvironmentProbe> = {}): EnvironmentProbe {
	return {name: 'dev', url: 'http://x', production: false, version: '3.3.2', generation: 'v2', health: healthy, failedRuns: 0, importErrors: 0, checkedAt: 0, ...overrides};
}

describe('one environment’s verdict', () => {
	it('is OK when healthy with no failures', () => {
		assert.deepEqual(environmentVerdict(probe()), {level: 'ok', reasons: []});
	});
	it('warns on failed runs or import errors, and says how many', () => {
		assert.deepEqual(environmentVerdict(probe({failedRuns: 3})), {level: 'warning', reasons: ['3 failed runs']});
		assert.deepEqual(environmentVerdict(probe({importErrors: 1})), {level: 'warning', reasons: ['1 import error']});
	});
	it('takes the health verdict’s level, and keeps a worse one over failures', () => {
		const critical = {...healthy, level: 'critical' as const, reasons: ['scheduler unhealthy'], scheduler: 'unhealthy' as const};
		assert.deepEqual(environmentVerdict(probe({health: critical, failedRuns: 2})), {level: 'critical', reasons: ['scheduler unhealthy', '2 failed runs']});
	});
	it('is UNKNOWN when unreachable or unusable, saying why', () => {
		assert.deepEqual(environmentVerdict(probe({unreachable: 'connection refused', health: undefined})), {level: 'unknown', reasons: ['unreachable: connection refused']});
		assert.equal(environmentVerdict(probe({configError: 'bad url'})).level, 'unknown');
	});
	it('does not call runs it could not read "no failures"', () => {
		const verdict = environmentVerdict(probe({failedRuns: undefined, importErrors: undefined, runsError: 'needs a password'}));
		assert.equal(verdict.level, 'unknown');
		assert.match(verdict.reasons.join(), /runs not read: needs a password/);
	});
	it('the worst row decides the whole, on health’s scale', () => {
		const ok = environmentVerdict(probe());
		const down = environmentVerdict(probe({unreachable: 'x'}));
		const failing = environmentVerdict(probe({failedRuns: 1}));
		assert.equal(overallLevel([ok, ok]), 'ok');
		assert.equal(overallLevel([ok, down]), 'unknown');
		assert.equal(overallLevel([down, failing]), 'warning');
		assert.equal(overallLevel([]), 'ok');
	});
});

describe(':env NAME', () => {
	it('switches environment; :env alone goes to the Environments pane', () => {
		assert.deepEqual(commandTarget('env prod-eu', PANES), {kind: 'env', name: 'prod-eu'});
		assert.deepEqual(commandTarget('ctx staging', PANES), {kind: 'env', name: 'staging'});
		assert.deepEqual(commandTarget('env', PANES), {kind: 'pane', id: 'environments'});
		assert.deepEqual(commandTarget('dags', PANES), {kind: 'pane', id: 'dags'});
	});
	it('Tab completes a profile name after env', () => {
		assert.equal(completeCommand('env st', PANES, ['dev', 'staging', 'prod-eu']), 'env staging');
		assert.equal(completeCommand('env prod', PANES, ['prod-eu', 'prod-us']), 'env prod-');
		assert.equal(completeCommand('env x', PANES, ['dev']), 'env x');
	});
});

function profile(name: string): Profile {
	return {name, url: `http://${name}`, readOnly: false, insecure: false, production: false, confirm: true};
}

describe('the environment monitor', () => {
	it('never has more probes in flight than its cap, and a hanging one holds no other back', async () => {
		const calls: string[] = [];
		let inFlight = 0;
		let most = 0;
		const probe: Probe = async (target, options) => {
			calls.push(target.name);
			inFlight++;
			most = Math.max(most, inFlight);
			try {
				if (target.name === 'hung') {
					await new Promise<void>(resolve => options.signal?.addEventListener('abort', () => resolve()));
					return {probe: {name: target.name, url: target.url, production: false, unreachable: 'no answer', checkedAt: Date.now()}};
				}
				await new Promise(resolve => setTimeout(resolve, 5));
				return {probe: {name: target.name, url: target.url, production: false, version: '3', health: healthy, failedRuns: 0, importErrors: 0, checkedAt: Date.now()}};
			} finally {
				inFlight--;
			}
		};
		const names = ['hung', 'a', 'b', 'c', 'd'];
		const monitor = new EnvironmentMonitor(names.map(profile), {thresholds: DEFAULT_THRESHOLDS, intervalMs: 20, timeoutMs: 1000, maxInFlight: 2, tickMs: 5, probe});
		monitor.setActive(true);
		const deadline = Date.now() + 5000;
		while (Date.now() < deadline && names.slice(1).some(name => calls.filter(call => call === name).length < 3)) await new Promise(resolve => setTimeout(resolve, 10));
		monitor.stop();
		assert.ok(most <= 2, `at most 2 probes at once, saw ${most}`);
		for (const name of names.slice(1)) assert.ok(calls.filter(call => call === name).length >= 3, `${name} polled again and again while hung hangs: ${calls.join(' ')}`);
		assert.equal(calls.filter(call => call === 'hung').length, 1, 'the hanging one is not asked again while its probe runs');
		const rows = monitor.rows();
		assert.deepEqual(
			rows.map(row => row.profile.name),
			names,
		);
		assert.equal(rows.find(row => row.profile.name === 'a')?.probe?.version, '3');
	});
	it('asks nothing while hidden', async () => {
		let calls = 0;
		const probe: Probe = async target => {
			calls++;
			return {probe: {name: target.name, url: target.url, production: false, checkedAt: Date.now()}};
		};
		const monitor = new EnvironmentMonitor([profile('a')], {thresholds: DEFAULT_THRESHOLDS, intervalMs: 1, timeoutMs: 1000, maxInFlight: 1, tickMs: 1, probe});
		monitor.tick();
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.equal(calls, 1, 'tick() runs a due probe');
		await new Promise(resolve => setTimeout(resolve, 30));
		assert.equal(calls, 1, 'no schedule runs while the pane is hidden');
		monitor.stop();
	});
});
