// Acting from the keyboard on real Airflow 2.x and 3.x, in tmux: trigger with conf and see
// the run succeed, a duplicate logical date explained with the input kept, pause and unpause,
// a failed task cleared and run again, read-only refusing.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {AirflowClient} from '../../source/airflow/client.js';
import {Screen} from '../support/screen.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';

for (const line of testLines()) {
	describe(`console actions on Airflow ${line}.x`, () => {
		let server: TestServer;
		let client: AirflowClient;
		let screen: Screen;
		before(async () => {
			server = testServer(line);
			client = await adminClient(server);
			for (const dagId of ['ws_params', 'ws_fail']) await client.setPaused(dagId, false);
			screen = Screen.open(server, 100, 30, [], 'actions');
			await screen.waitFor(/rows 1-/);
		});
		after(() => screen.close());

		const filterTo = async (dagId: string) => {
			// DAGs is pane 3: Triage comes first
			screen.keys('3');
			await sleep(300);
			// the filter line opens with the current filter: Ctrl-U empties it
			screen.keys('/');
			await sleep(200);
			screen.keys('C-u');
			screen.keys('-l', dagId);
			screen.keys('Enter');
			await screen.waitFor(new RegExp(`matching "${dagId}"[\\s\\S]*› ${dagId}`));
			await sleep(300);
		};

		it('triggers with a typed conf and follows the run to success', async () => {
			await filterTo('ws_params');
			screen.keys('t');
			await screen.waitFor(/"target": "staging"/);
			screen.keys('C-u');
			await sleep(200);
			screen.keys('-l', '{"target": "production", "count": 2, "label": "e2e"}');
			await sleep(300);
			screen.keys('C-s');
			const preview = await screen.waitFor(/this will be sent/);
			assert.match(preview, new RegExp(`POST /api/v${line === 3 ? 2 : 1}/dags/ws_params/dagRuns`));
			assert.match(preview, /"target": "production"/);
			screen.keys('Enter');
			const followed = await screen.waitFor(/ws_params › manual__[\s\S]*run ● success/, 180);
			const runId = /ws_params › (manual__\S+)/.exec(followed)![1]!;
			const run = await client.getRun('ws_params', runId);
			assert.deepEqual(run.conf, {target: 'production', count: 2, label: 'e2e'});
			screen.keys('Escape');
			await sleep(300);
		});

		it('explains a duplicate logical date and keeps the input', async () => {
			const date = '2024-06-01T00:00:00Z';
			await client.trigger('ws_params', {logicalDate: date}).catch(() => undefined);
			await filterTo('ws_params');
			screen.keys('t');
			await screen.waitFor(/"target": "staging"/);
			screen.keys('Tab');
			await sleep(200);
			screen.keys('-l', date);
			await sleep(200);
			screen.keys('Enter');
			await screen.waitFor(/this will be sent/);
			screen.keys('Enter');
			const refused = await screen.waitFor(/! 409 /);
			assert.match(refused, /logical date\s+2024-06-01T00:00:00Z/);
			assert.match(refused, /Trigger ws_params/);
			screen.keys('Escape');
			await sleep(300);
		});

		it('pauses and unpauses, and the list shows it', async () => {
			await filterTo('ws_many_050');
			const before = (await client.getDag('ws_many_050')).isPaused;
			screen.keys('p');
			await screen.waitFor(new RegExp(`${before ? 'Unpause' : 'Pause'} ws_many_050\\?`));
			await sleep(200);
			screen.keys('y');
			await screen.waitFor(new RegExp(`› ws_many_050\\s+${before ? '▶ on' : '❚❚ off'}`));
			assert.equal((await client.getDag('ws_many_050')).isPaused, !before);
			screen.keys('Space');
			await screen.waitFor(/ws_many_050\?/);
			await sleep(200);
			screen.keys('Enter');
			await screen.waitFor(new RegExp(`› ws_many_050\\s+${before ? '❚❚ off' : '▶ on'}`));
			assert.equal((await client.getDag('ws_many_050')).isPaused, before);
		});

		it("clears a failed task, after Airflow's dry run, and it runs again", async () => {
			const run = await client.trigger('ws_fail', {note: 'to clear'});
			for (let i = 0; i < 180 && (await client.getRun('ws_fail', run.runId)).state !== 'failed'; i++) await sleep(1000);
			await filterTo('ws_fail');
			screen.keys('Enter');
			await screen.waitFor(new RegExp(`› ✖ failed\\s+${run.runId.slice(0, 12)}`));
			await sleep(300);
			screen.keys('Enter');
			await screen.waitFor(/✖ failed\s+boom/);
			await sleep(300);
			screen.keys('j');
			await sleep(300);
			screen.keys('c');
			const dry = await screen.waitFor(/Clear task boom\?/);
			assert.match(dry, /boom\s+failed/);
			screen.keys('y');
			await screen.waitFor(/boom\s+2\s/, 120);
			const boom = (await client.listTaskInstances('ws_fail', run.runId)).find(task => task.taskId === 'boom')!;
			assert.equal(boom.tryNumber, 2);
			screen.keys('Escape');
			await sleep(200);
			screen.keys('Escape');
		});

		it('read-only: every action explained, nothing changed', async () => {
			const readOnly = Screen.open(server, 100, 30, ['--read-only'], 'read-only');
			try {
				await readOnly.waitFor(/READ-ONLY[\s\S]*rows 1-/);
				readOnly.keys('3');
				await readOnly.waitFor(/of 124/);
				const paused = (await client.getDag('ws_many_000')).isPaused;
				readOnly.keys('p');
				await readOnly.waitFor(/read-only: (un)?pause is disabled/);
				readOnly.keys('t');
				await readOnly.waitFor(/read-only: trigger is disabled/);
				assert.equal((await client.getDag('ws_many_000')).isPaused, paused);
			} finally {
				readOnly.close();
			}
		});
	});
}
