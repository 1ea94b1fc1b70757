// The pictures in the real binary, in tmux at 80x24, against both real servers: a finished
// ws_fail run (ok succeeds, boom fails) as a timeline and as a column of the DAG's grid. Enter
// on a bar or a cell lands on that task's log and Esc comes back; y and L reach tmux's paste
// buffer through OSC 52 (a tmux server of this test's own, with set-clipboard on). Other
// tests trigger ws_fail too: the test finds its own run's column.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {DagRun} from '../../source/airflow/model.js';
import {Screen} from '../support/screen.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';

async function finished(server: TestServer): Promise<DagRun> {
	const client = await adminClient(server);
	await client.setPaused('ws_fail', false);
	const run = await client.trigger('ws_fail', {note: 'e2e pictures'});
	for (let i = 0; i < 180; i++) {
		const now = await client.getRun('ws_fail', run.runId);
		if (now.state === 'failed') return now;
		await sleep(1000);
	}
	assert.fail('the ws_fail run never finished');
}

const wide = (text: string) => text.split('\n').filter(row => [...row].length > 80);

for (const line of testLines()) {
	describe(`pictures on Airflow ${line}.x`, () => {
		let server: TestServer;
		let run: DagRun;
		let screen: Screen | undefined;
		before(async () => {
			server = testServer(line);
			run = await finished(server);
		});
		after(() => screen?.close());

		it('at 80x24: the grid of ws_fail, Enter to a log, Esc back; the timeline of a run, Enter, Esc, y and L', async () => {
			screen = Screen.open(server, 80, 24, [], 'pictures', 'windsock-pictures');
			screen.tmux('set-option', '-s', 'set-clipboard', 'on');
			await screen.waitFor(/1 Triage/);
			screen.keys(':');
			await sleep(200);
			screen.keys('-l', 'ws_fail');
			screen.keys('Enter');
			await screen.waitFor(/ws_fail {2}\(Esc: back\)[\s\S]*rows 1-/);

			// the grid: one row per task, runs as columns, state symbols in the cells; this test's
			// run (ok succeeded, boom failed) is among them, wherever other runs put it
			screen.keys('H');
			let text = await screen.waitFor(/grid {2}\d+ latest runs?[\s\S]*\n. ok +[●✖▶◌◔·↻» ]+\n {2}boom +[●✖▶◌◔·↻» ]+\n/);
			assert.match(text, /\n. ok +[^\n]*●/, 'ok succeeded in a run');
			assert.match(text, /\n {2}boom +[^\n]*✖/, 'boom failed in a run');
			assert.deepEqual(wide(text), [], 'nothing wider than 80 columns');
			// the cursor starts on the newest run: h moves it to this test's run
			const client = await adminClient(server);
			const newer = (await client.listRuns({dagId: 'ws_fail', limit: 50})).items.findIndex(candidate => candidate.runId === run.runId);
			assert.ok(newer >= 0);
			for (let i = 0; i < newer; i++) screen.keys('h');
			await sleep(300);
			// Enter on its ok cell: that task's log in that run; Esc climbs to the run, then the grid
			screen.keys('Enter');
			text = await screen.waitFor(/ws_fail › \S+ › ok try 1/);
			assert.ok(text.includes(`ws_fail › ${run.runId} › ok try 1`), `the log of this run's ok:\n${text}`);
			await screen.waitFor(/\d+ lines/);
			screen.keys('Escape');
			await screen.waitFor(/run ✖ failed[\s\S]*T timeline/);

			// the same run as a timeline
			screen.keys('T');
			text = await screen.waitFor(/timeline {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d → \d\d:\d\d:\d\d UTC[\s\S]*› ok +░*█+[\s\S]*boom +░*█+/);
			assert.match(text, /task +\d\d:\d\d(?::\d\d)?/, 'a labelled time axis');
			assert.deepEqual(wide(text), []);
			// y: the task id reaches tmux's buffer through OSC 52
			screen.keys('y');
			await screen.waitFor(/copied task id/);
			assert.equal(screen.tmux('show-buffer'), 'ok');
			// Enter on a bar opens that task's log; Esc returns to the timeline
			screen.keys('j');
			await screen.waitFor(/› boom/);
			screen.keys('Enter');
			await screen.waitFor(/ws_fail › \S+ › boom try 1/);
			screen.keys('Escape');
			await screen.waitFor(/timeline {2}\d{4}/);
			// L: the web UI address, shown and copied
			screen.keys('L');
			await screen.waitFor(/web UI: task[\s\S]*copied the address/);
			const id = encodeURIComponent(run.runId);
			const expected = line === 3 ? `${server.url}/dags/ws_fail/runs/${id}/tasks/boom` : `${server.url}/dags/ws_fail/grid?dag_run_id=${id}&task_id=boom&tab=logs`;
			assert.equal(screen.tmux('show-buffer'), expected);
			// any key closes the address, Esc the timeline, Esc the run: the grid again. The first
			// two in one write, as a quick double press or a slow link delivers them (Ink reads
			// that as one Meta+Esc; the bundle splits it in two)
			screen.keys('Escape', 'Escape');
			await screen.waitFor(/state +task +try/);
			screen.keys('Escape');
			await screen.waitFor(/grid {2}\d+ latest run/);
		});
	});
}
