// The real binary in tmux against the real Airflow servers, driven by keys, read off the
// screen, at 80x24 and 160x48. CI sets CI=true, which makes Ink print only the last frame:
// the child gets CI=false.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {AirflowClient} from '../../source/airflow/client.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';
import {Screen} from '../support/screen.js';

async function failedRunOf(client: AirflowClient): Promise<void> {
	await client.setPaused('ws_fail', false);
	const run = await client.trigger('ws_fail', {note: 'e2e'});
	for (let i = 0; i < 180; i++) {
		if ((await client.getRun('ws_fail', run.runId)).state === 'failed') return;
		await sleep(1000);
	}
	assert.fail('ws_fail never failed');
}

for (const line of testLines()) {
	describe(`console on Airflow ${line}.x`, () => {
		let server: TestServer;
		const screens: Screen[] = [];
		before(async () => {
			server = testServer(line);
			await failedRunOf(await adminClient(server));
		});
		after(() => {
			for (const screen of screens) screen.close();
		});

		it('at 80x24: finds the failed DAG, its failing task log, variables, config, import errors, health', async () => {
			const screen = Screen.open(server, 80, 24);
			screens.push(screen);
			// Triage opens first; DAGs is pane 3
			await screen.waitFor(/1 Triage/);
			screen.keys('3');
			let text = await screen.waitFor(/of 124/);
			assert.match(text, new RegExp(`Airflow ${server.version.replace(/\./g, '\\.')} \\(v${line === 3 ? 2 : 1}\\)`));
			assert.ok(text.split('\n').every(row => row.length <= 80));

			screen.keys(':', 'ws_fail', 'Enter');
			await screen.waitFor(/ws_fail {2}\(Esc: back\)[\s\S]*✖ failed/);
			screen.keys('Enter');
			await screen.waitFor(/boom/);
			screen.keys('/', 'boom', 'Enter');
			await screen.waitFor(/›\s+✖ failed\s+boom/);
			screen.keys('Enter');
			// a failed task's log opens at its first error (where the story of the failure starts),
			// as from Triage; G goes to its end
			text = await screen.waitFor(/ERROR - Task failed with/);
			assert.match(text, /complete|f: follow|following/);
			screen.keys('G');
			await screen.waitFor(/Bash command failed/);

			screen.keys('5');
			await screen.waitFor(/Variables set by environment variables/);
			screen.keys('9');
			text = await screen.waitFor(line === 3 ? /section\s+key\s+value/ : /not exposed on this server/);
			if (line === 2) assert.match(text, /\[webserver\] expose_config/);
			screen.keys('8');
			await screen.waitFor(/ws_broken\.py/);
			screen.keys('7');
			await screen.waitFor(/default_pool\s+128/);
			screen.keys('2');
			text = await screen.waitFor(/scheduler\s+● healthy\s+\d+s ago/);
			assert.match(text, line === 3 ? /dag_processor\s+● healthy/ : /dag_processor\s+\? inside the scheduler/);
			screen.keys('q');
			await screen.waitFor(/^\s*$/);
		});

		it('at 160x48: more columns, the escape DAG shown inert', async () => {
			const screen = Screen.open(server, 160, 48);
			screens.push(screen);
			await screen.waitFor(/1 Triage/);
			screen.keys('3');
			const text = await screen.waitFor(/of 124/);
			assert.match(text, /DAG\s+state\s+schedule\s+last runs\s+next run \(UTC\)\s+owner\s+tags/);
			assert.match(text, /ws_fail\s+▶ on\s+none\s+[●✖ ]*✖/, 'the failed run in the last-runs grid');
			assert.match(text, /rows 1-3\d of 124/, 'a taller screen shows more rows');
			screen.keys('/', 'ws_escape', 'Enter');
			const filtered = await screen.waitFor(/› ws_escape\s+/);
			assert.match(filtered, /escape windsock|windsock escape/);
			screen.keys('?');
			await screen.waitFor(/this help/);
			screen.keys('x', 'q');
			await screen.waitFor(/^\s*$/);
			assert.notEqual(screen.title().trim(), 'pwned', 'no escape sequence reached the terminal');
		});
	});
}
