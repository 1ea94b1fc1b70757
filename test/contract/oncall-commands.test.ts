// The on-call commands (failures, runs --all, tasks, clear, mark) against both real servers,
// as a script runs them: no terminal, exit codes and output asserted. Everything that changes
// something does so only on a ws_fail run this file triggered itself, and leaves it failed.
import assert from 'node:assert/strict';
import {setTimeout as sleep} from 'node:timers/promises';
import {before, describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import {adminEnv, runCli} from '../support/run-cli.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';

async function waitForState(client: AirflowClient, runId: string, state: string): Promise<void> {
	for (let i = 0; i < 240; i++) {
		if ((await client.getRun('ws_fail', runId)).state === state) return;
		await sleep(1000);
	}
	assert.fail(`ws_fail ${runId} never became ${state}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const line of testLines()) {
	describe(`on-call commands on Airflow ${line}.x`, () => {
		let server: TestServer;
		let client: AirflowClient;
		let env: Record<string, string>;
		let runId: string;
		const taskState = async (taskId: string) => (await client.getTaskInstance('ws_fail', runId, taskId)).state;

		before(async () => {
			server = testServer(line);
			client = await adminClient(server);
			env = adminEnv(server);
			await client.setPaused('ws_fail', false);
			runId = (await client.trigger('ws_fail', {note: 'oncall contract'})).runId;
			await waitForState(client, runId, 'failed');
		});

		it('failures exits 1 and lists ws_fail with its failed task and the import error', async () => {
			const result = await runCli(['failures', '--since', '2h'], env);
			assert.equal(result.code, 1, result.stderr);
			assert.match(result.stdout, /^dag_id\s+run_id\s+ended \(UTC\)\s+failed tasks$/m);
			assert.match(result.stdout, new RegExp(`^ws_fail\\s+${escapeRegExp(runId)}\\s+\\S+ \\S+\\s+boom$`, 'm'));
			assert.match(result.stderr, /failed runs? in the last 2h; \d+ import errors?/);
			const json = JSON.parse((await runCli(['failures', '--json'], env)).stdout);
			assert.equal(json.exitCode, 1);
			const mine = json.failedRuns.find((run: {runId: string}) => run.runId === runId);
			assert.equal(mine.dagId, 'ws_fail');
			assert.deepEqual(
				mine.failedTasks.map((task: {taskId: string; state: string}) => [task.taskId, task.state]),
				[['boom', 'failed']],
			);
			assert.ok(json.importErrors.files.some((file: string) => file.endsWith('ws_broken.py')));
			assert.equal((await runCli(['failures', '--since', 'a while'], env)).code, 2);
		});

		it('runs --all --state failed lists it, with its DAG', async () => {
			const result = await runCli(['runs', '--all', '--state', 'failed', '--since', '2h'], env);
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, new RegExp(`✖ failed\\s+ws_fail\\s+${escapeRegExp(runId)}`));
			const runs = JSON.parse((await runCli(['runs', '--all', '--state', 'failed', '--limit', '100', '--json'], env)).stdout) as {dagId: string; runId: string; state: string}[];
			assert.ok(runs.some(run => run.dagId === 'ws_fail' && run.runId === runId));
			assert.ok(runs.every(run => run.state === 'failed'));
			// a window that ends before the run failed does not hold it
			const none = JSON.parse((await runCli(['runs', '--all', '--state', 'success', '--since', '1', '--json'], env)).stdout) as {runId: string}[];
			assert.ok(!none.some(run => run.runId === runId));
		});

		it('tasks shows the failed task, of the run or of the latest run', async () => {
			const result = await runCli(['tasks', 'ws_fail', runId], env);
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, /^state\s+task\s+try\s+duration\s+operator/);
			assert.match(result.stdout, /^✖ failed\s+boom\s+1\s+\d+\.\ds\s+BashOperator/m);
			assert.match(result.stdout, /^● success\s+ok\s+1/m);
			const latest = await runCli(['tasks', 'ws_fail', 'latest'], env);
			assert.equal(latest.code, 0, latest.stderr);
			assert.match(latest.stdout, /\sboom\s/);
			// another test file may have triggered ws_fail since; when ours is the latest, it failed
			if (latest.stderr.includes(`latest run: ${runId}`)) assert.match(latest.stdout, /✖ failed\s+boom/);
		});

		it('clear --only-failed --dry-run lists the failed task and changes nothing', async () => {
			const result = await runCli(['clear', 'ws_fail', runId, '--only-failed', '--dry-run'], env);
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, /^boom\s+failed\s/m);
			assert.doesNotMatch(result.stdout, /^ok\s/m);
			assert.match(result.stderr, /1 task instance of ws_fail .* would be cleared/);
			assert.match(result.stderr, new RegExp(`POST /api/v${line === 3 ? 2 : 1}/dags/ws_fail/clearTaskInstances {2}\\{"dry_run": false, "only_failed": true`));
			assert.equal((await client.getRun('ws_fail', runId)).state, 'failed');
			assert.equal(await taskState('boom'), 'failed');
		});

		it('mark and clear refuse in read-only mode, and without a terminal unless --yes', async () => {
			for (const args of [
				['mark', 'ws_fail', runId, 'success'],
				['mark', 'ws_fail', runId, 'success', '--task', 'boom'],
				['clear', 'ws_fail', runId, '--only-failed'],
			]) {
				const readOnly = await runCli([...args, '--yes', '--read-only'], env);
				assert.equal(readOnly.code, 1, `${args.join(' ')}: ${readOnly.stderr}`);
				assert.match(readOnly.stderr, /read-only mode: .* was not sent/);
				const noTerminal = await runCli(args, env);
				assert.equal(noTerminal.code, 2, `${args.join(' ')}: ${noTerminal.stderr}`);
				assert.match(noTerminal.stderr, /There is no terminal to ask on: pass --yes/);
			}
			assert.equal((await client.getRun('ws_fail', runId)).state, 'failed');
			assert.equal(await taskState('boom'), 'failed');
		});

		it('with --yes, marks a task and the run, and a cleared task runs (and fails) again', async () => {
			const task = await runCli(['mark', 'ws_fail', runId, 'success', '--task', 'boom', '--yes'], env);
			assert.equal(task.code, 0, task.stderr);
			assert.match(task.stdout, /boom in \S+: success/);
			assert.equal(await taskState('boom'), 'success');

			const succeeded = await runCli(['mark', 'ws_fail', runId, 'success', '--yes'], env);
			assert.equal(succeeded.code, 0, succeeded.stderr);
			assert.equal((await client.getRun('ws_fail', runId)).state, 'success');
			const failed = await runCli(['mark', 'ws_fail', runId, 'failed', '--yes', '--json'], env);
			assert.equal(failed.code, 0, failed.stderr);
			assert.equal(JSON.parse(failed.stdout).run.state, 'failed');

			const cleared = await runCli(['clear', 'ws_fail', runId, '--task', 'boom', '--yes'], env);
			assert.equal(cleared.code, 0, cleared.stderr);
			assert.match(cleared.stdout, new RegExp(`cleared 1 task instance of ws_fail ${escapeRegExp(runId)}: boom`));
			await waitForState(client, runId, 'failed');
			const boom = await client.getTaskInstance('ws_fail', runId, 'boom');
			assert.equal(boom.state, 'failed');
			assert.equal(boom.tryNumber, 2);
		});
	});
}
