// `windsock health` against a scheduler that stopped beating: the scheduler's processes are
// frozen with SIGSTOP for a few seconds, then resumed. It runs last of all (zz-, and e2e/ is
// the last folder): a scheduler frozen while it holds SQLite's write lock, and the broken
// sessions that leaves in the other components, made later writes fail with 500 "Database
// error" in CI when this ran in the middle of the suite.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {adminEnv, runCli, schedulerPids} from '../support/run-cli.js';
import {testServer} from '../support/test-servers.js';

for (const line of [3, 2] as const) {
	describe(`windsock health with the scheduler stopped, Airflow ${line}.x`, () => {
		it('exits 2 when the heartbeat is older than --crit, 1 between the thresholds', async () => {
			const server = testServer(line);
			const env = adminEnv(server);
			assert.equal((await runCli(['health'], env)).code, 0, 'healthy before');
			const pids = schedulerPids(server);
			assert.ok(pids.length > 0, 'the scheduler process is found');
			try {
				for (const pid of pids) process.kill(pid, 'SIGSTOP');
				await sleep(9000);
				const critical = await runCli(['health', '--warn', '2', '--crit', '6'], env);
				assert.equal(critical.code, 2, critical.stdout + critical.stderr);
				assert.match(critical.stdout, /^AIRFLOW CRITICAL - scheduler heartbeat \d+s ago \(critical at 6s\)/);
				const warning = await runCli(['health', '--warn', '2', '--crit', '600', '--json'], env);
				assert.equal(warning.code, 1);
				assert.equal(JSON.parse(warning.stdout).status, 'warning');
			} finally {
				for (const pid of pids) process.kill(pid, 'SIGCONT');
			}
		});
	});
}
