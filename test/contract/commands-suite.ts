// The scriptable commands against a real Airflow, as cron or a CI job runs them: no
// terminal, exit codes and stdout/stderr asserted. Defined once, run on 2.x and 3.x.
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {before, describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import type {AirflowLine} from '../../source/sandbox/versions.js';
import {adminEnv, runCli} from '../support/run-cli.js';
import {adminClient, EXPECTED_DAG_COUNT, testLines, testServer, type TestServer} from '../support/test-servers.js';

export function defineCommandContract(line: AirflowLine): void {
	// a lane of test/run.ts without this line's server: nothing to run here
	if (!testLines().includes(line)) return;
	describe(`windsock commands on Airflow ${line}.x`, () => {
		let server: TestServer;
		let client: AirflowClient;
		let env: Record<string, string>;
		const tmp = mkdtempSync(path.join(os.tmpdir(), `windsock-commands-${line}-`));

		before(async () => {
			server = testServer(line);
			client = await adminClient(server);
			env = adminEnv(server);
			// new DAGs start paused; a run of a paused DAG stays queued
			for (const dagId of ['ws_succeed', 'ws_fail', 'ws_params']) await client.setPaused(dagId, false);
		});

		describe('health', () => {
			it('exits 0 with one line per component, without credentials', async () => {
				const result = await runCli(['health'], {WINDSOCK_URL: server.url});
				assert.equal(result.code, 0, result.stdout + result.stderr);
				assert.match(result.stdout, /^AIRFLOW OK - every component healthy/);
				for (const name of ['metadatabase', 'scheduler', 'triggerer', 'dag_processor']) assert.match(result.stdout, new RegExp(`^${name}\\s`, 'm'));
				assert.match(result.stdout, /^scheduler\s+● healthy\s+\d+s ago\s+OK/m);
				// in the console's words: 2.x's scheduler parses the DAG files itself, which is not "unknown"
				assert.match(result.stdout, line === 3 ? /^dag_processor\s+● healthy/m : /^dag_processor\s+\? inside the scheduler\s+OK/m);
				const json = JSON.parse((await runCli(['health', '--json'], {WINDSOCK_URL: server.url})).stdout);
				assert.equal(json.status, 'ok');
				assert.equal(json.exitCode, 0);
				assert.equal(json.server.api, line === 3 ? 'v2' : 'v1');
				assert.equal(json.components.find((c: {name: string}) => c.name === 'scheduler').status, 'healthy');
			});

			it('exits 3 when the server cannot be reached', async () => {
				const result = await runCli(['health', '--request-timeout', '2'], {WINDSOCK_URL: 'http://127.0.0.1:9'});
				assert.equal(result.code, 3);
				assert.match(result.stdout, /^AIRFLOW UNKNOWN - Cannot reach 127\.0\.0\.1:9/);
			});
		});

		describe('dags, pause and unpause', () => {
			it('lists every DAG, and the active or paused ones', async () => {
				const all = JSON.parse((await runCli(['dags', '--json'], env)).stdout) as {dagId: string; isPaused: boolean}[];
				assert.equal(all.length, EXPECTED_DAG_COUNT);
				const active = JSON.parse((await runCli(['dags', '--active', '--json'], env)).stdout) as {dagId: string; isPaused: boolean}[];
				assert.ok(active.length > 0 && active.every(dag => !dag.isPaused));
				assert.ok(active.some(dag => dag.dagId === 'ws_succeed'));
				const table = await runCli(['dags', '--pattern', 'ws_many_01'], env);
				assert.match(table.stdout, /^dag_id\s+paused\s+schedule/);
				assert.equal(table.stdout.trim().split('\n').length, 11);
				assert.match(table.stderr, /10 DAGs/);
			});

			it('refuses to pause by pattern without --yes when there is no terminal', async () => {
				await client.setPausedByPattern('ws_many_11', false);
				const result = await runCli(['pause', '--pattern', 'ws_many_11'], env);
				assert.equal(result.code, 2);
				assert.match(result.stderr, /10 to pause: ws_many_110, ws_many_111/);
				assert.match(result.stderr, /pass --yes/);
				assert.equal((await client.listAllDags({pattern: 'ws_many_11', paused: false})).length, 10, 'nothing changed');
			});

			it('pauses and unpauses every DAG matching a pattern, with a count', async () => {
				// DAGs unpaused by the tests before run their scheduled tasks, and on 3.x each task
				// talks to the one API worker: on a busy two-core machine an answer can take over
				// the default 30 s (seen in CI: "No answer ... within 30s"). Patient here, as a user
				// on such a server would be.
				const patient = ['--request-timeout', '120'];
				const paused = await runCli(['pause', '--pattern', 'ws_many_11', '--yes', ...patient], env);
				assert.equal(paused.code, 0, paused.stderr);
				assert.match(paused.stdout, /paused 10 DAGs; 10 of 10 matching are now paused/);
				assert.equal((await client.listAllDags({pattern: 'ws_many_11', paused: true})).length, 10);
				const one = await runCli(['unpause', 'ws_many_112', '--yes', ...patient], env);
				assert.equal(one.stdout, 'ws_many_112: active\n');
				const missing = await runCli(['unpause', 'ws_nope', '--yes', ...patient], env);
				assert.equal(missing.code, 1);
				assert.match(missing.stderr, /ws_nope: 404/);
				await client.setPaused('ws_many_112', true);
			});

			it('sends nothing in read-only mode and says why', async () => {
				const result = await runCli(['unpause', 'ws_many_113', '--yes', '--read-only'], env);
				assert.equal(result.code, 1);
				assert.match(result.stderr, /read-only/i);
				assert.equal((await client.getDag('ws_many_113')).isPaused, true);
			});
		});

		describe('trigger, runs and logs', () => {
			it('triggers with conf (unpausing first), waits, and exits 0 when the run succeeds', async () => {
				await client.setPaused('ws_succeed', true);
				writeFileSync(path.join(tmp, 'conf.json'), JSON.stringify({source: 'windsock trigger --wait', n: 3}));
				const result = await runCli(['trigger', 'ws_succeed', '--conf', `@${path.join(tmp, 'conf.json')}`, '--note', 'from the CLI', '--unpause', '--wait', '--timeout', '240', '--poll', '1'], env);
				assert.equal(result.code, 0, result.stderr);
				const runId = result.stdout.trim();
				assert.match(result.stderr, /unpaused ws_succeed/);
				assert.match(result.stderr, /success/);
				const run = await client.getRun('ws_succeed', runId);
				assert.equal(run.state, 'success');
				assert.deepEqual(run.conf, {source: 'windsock trigger --wait', n: 3});
				const runs = JSON.parse((await runCli(['runs', 'ws_succeed', '--state', 'success', '--json'], env)).stdout) as {runId: string}[];
				assert.ok(runs.some(r => r.runId === runId));
				const log = await runCli(['logs', 'ws_succeed', runId, 'hello'], env);
				assert.equal(log.code, 0);
				assert.match(log.stdout, /hello from windsock/);
			});

			it('exits 1 when the run fails, naming the failed task; its log reads', async () => {
				const result = await runCli(['trigger', 'ws_fail', '--wait', '--timeout', '240', '--poll', '1'], env);
				assert.equal(result.code, 1, result.stderr);
				assert.match(result.stderr, /failed task: boom \(failed, try 1\)/);
				const log = await runCli(['logs', 'ws_fail', 'latest', 'boom'], env);
				assert.match(log.stdout, /windsock-failure-marker/);
			});

			it('exits 124 when the wait times out, and explains a bad conf before sending', async () => {
				const slow = await runCli(['trigger', 'ws_succeed', '--wait', '--timeout', '0.5'], env);
				assert.equal(slow.code, 124);
				assert.match(slow.stderr, /gave up waiting after 0.5s/);
				const bad = await runCli(['trigger', 'ws_succeed', '--conf', '{"a": 1,\n "b": }'], env);
				assert.equal(bad.code, 2);
				assert.match(bad.stderr, /--conf is not valid JSON: unexpected "}" at line 2, column 7/);
			});

			it('explains a conflict on a duplicate logical date in one line', async () => {
				const date = '2024-03-01T00:00:00Z';
				await runCli(['trigger', 'ws_params', '--logical-date', date], env);
				const again = await runCli(['trigger', 'ws_params', '--logical-date', date], env);
				assert.equal(again.code, 1);
				assert.match(again.stderr, /^windsock: 409 /);
				assert.equal(again.stderr.trim().split('\n').length, 1);
			});
		});

		describe('pools, providers and import errors', () => {
			it('lists the pools, default_pool with its slots, as a table and as JSON', async () => {
				const table = await runCli(['pools'], env);
				assert.equal(table.code, 0, table.stderr);
				assert.match(table.stdout, /^pool\s+slots\s+open\s+running\s+queued\s+description$/m);
				assert.match(table.stdout, /^default_pool\s+128\s+\d+\s+\d+\s+\d+/m);
				const pools = JSON.parse((await runCli(['pools', '--json'], env)).stdout) as {name: string; slots: number}[];
				assert.equal(pools.find(pool => pool.name === 'default_pool')?.slots, 128);
			});

			it('lists the provider packages with their versions', async () => {
				const providers = JSON.parse((await runCli(['providers', '--json'], env)).stdout) as {packageName: string; version: string}[];
				assert.ok(providers.length > 0);
				for (const provider of providers) assert.match(provider.version, /^\d+\.\d+/, provider.packageName);
				const table = await runCli(['providers'], env);
				assert.equal(table.code, 0, table.stderr);
				assert.match(table.stdout, new RegExp(`^${providers[0]!.packageName.replaceAll('.', '\\.')}\\s+${providers[0]!.version.replaceAll('.', '\\.')}`, 'm'));
			});

			it('names the broken DAG file with its error, and exits 1 while there is one', async () => {
				const table = await runCli(['import-errors'], env);
				assert.equal(table.code, 1, table.stderr);
				assert.match(table.stdout, /ws_broken\.py\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s+ModuleNotFoundError: No module named 'windsock_module_that_do/);
				const full = await runCli(['import-errors', '--full'], env);
				assert.match(full.stdout, /Traceback|File ".*ws_broken\.py"/, 'the whole trace');
				const errors = JSON.parse((await runCli(['import-errors', '--json'], env)).stdout) as {filename: string; stackTrace: string}[];
				assert.ok(errors.some(error => /ws_broken\.py$/.test(error.filename) && /ModuleNotFoundError/.test(error.stackTrace)));
			});
		});

		describe('config', () => {
			it(line === 3 ? 'prints the configuration' : 'explains the hidden configuration', async () => {
				const result = await runCli(['config', '--section', 'core', '--json'], env);
				if (line === 3) {
					assert.equal(result.code, 0, result.stderr);
					const sections = JSON.parse(result.stdout) as {name: string; options: {key: string}[]}[];
					assert.equal(sections[0]!.name, 'core');
					assert.ok(sections[0]!.options.some(option => option.key === 'dags_folder'));
				} else {
					assert.equal(result.code, 1);
					assert.match(result.stderr, /\[webserver\] expose_config/);
				}
			});
		});
	});
}
