// The Triage pane and the log view in the real binary, in tmux at 80x24, against both real
// servers: a ws_fail failure is listed within one refresh, Enter lands on the failed task's
// log with the failure in view, `/` finds a word and `n` moves on, `[` opens the earlier try.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {AirflowClient} from '../../source/airflow/client.js';
import type {DagRun} from '../../source/airflow/model.js';
import {Screen} from '../support/screen.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';

async function until<T>(what: string, read: () => Promise<T | undefined>, seconds = 180): Promise<T> {
	for (let i = 0; i < seconds; i++) {
		const value = await read();
		if (value !== undefined) return value;
		await sleep(1000);
	}
	assert.fail(`${what} never happened`);
}

/** A failed ws_fail run whose task boom failed twice: try 2 is the latest, try 1 the earlier. */
async function failedTwice(client: AirflowClient): Promise<DagRun> {
	await client.setPaused('ws_fail', false);
	const run = await client.trigger('ws_fail', {note: 'e2e triage'});
	await until('the first failure', async () => ((await client.getRun('ws_fail', run.runId)).state === 'failed' ? true : undefined));
	await client.clearTasks('ws_fail', {runId: run.runId, taskIds: ['boom'], dryRun: false, onlyFailed: false});
	await until('the second try', async () => {
		const boom = await client.getTaskInstance('ws_fail', run.runId, 'boom');
		return boom.state === 'failed' && boom.tryNumber >= 2 ? true : undefined;
	});
	return until('the run failing again', async () => {
		const again = await client.getRun('ws_fail', run.runId);
		return again.state === 'failed' ? again : undefined;
	});
}

for (const line of testLines()) {
	describe(`triage on Airflow ${line}.x`, () => {
		let server: TestServer;
		let run: DagRun;
		let screen: Screen | undefined;
		before(async () => {
			server = testServer(line);
			run = await failedTwice(await adminClient(server));
		});
		after(() => screen?.close());

		it('at 80x24: lists the failure, Enter to its log, search, n, the earlier try', async () => {
			screen = Screen.open(server, 80, 24, [], 'triage');
			// one refresh (--refresh 2): the first look already lists it
			let text = await screen.waitFor(/✖ failed\s+ws_fail/, 15);
			assert.match(text, / 1 Triage \d+ /);
			assert.match(text, /windsock url ✖\d+ /, 'the header badge');
			assert.ok(text.split('\n').every(row => row.length <= 80));
			// this test's run, whatever else failed meanwhile
			screen.keys('/');
			await sleep(200);
			screen.keys('-l', run.runId);
			screen.keys('Enter');
			text = await screen.waitFor(/rows 1-1 of 1[\s\S]*›\s+✖ failed\s+ws_fail\s+.*boom/);
			screen.keys('Enter');
			// opened at the first error line; at 80 columns the marker may wrap after "mark"
			text = await screen.waitFor(/windsock-failure-mark|exit code 3|Bash command failed/);
			assert.match(text, /ws_fail › .* › boom try 2/);
			assert.match(text, /try 2\/2/);
			assert.ok(text.split('\n').every(row => row.length <= 80));

			screen.keys('/');
			await sleep(200);
			screen.keys('-l', 'fail');
			screen.keys('Enter');
			text = await screen.waitFor(/\/fail 1\/\d+/);
			const count = Number(/\/fail 1\/(\d+)/.exec(text)![1]);
			assert.ok(count >= 2, `several matches of "fail": ${count}`);
			screen.keys('n');
			await screen.waitFor(/\/fail 2\/\d+/);

			screen.keys('[');
			text = await screen.waitFor(/boom try 1 [\s\S]*try 1\/2/);
			await screen.waitFor(/windsock-failure-mark|exit code 3|Bash command failed/);
			screen.keys('q');
		});
	});
}
