// Keys that arrive together (fast typing, a paste, tmux send-keys, a slow SSH link) act as
// if typed one by one: each reaches what the keys before it put on screen.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {airflow, open, waitFor} from '../support/console-harness.js';

describe('keys in one chunk', () => {
	it('"3t" from Runs triggers the DAG under the cursor in DAGs', async () => {
		const {view} = await open(airflow(3));
		view.stdin.write('4');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('all DAGs'),
		);
		await sleep(50);
		view.stdin.write('3t');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /Trigger etl_0000/.test(f) || /open a DAG first/.test(f),
		);
		assert.match(frame, /Trigger etl_0000/);
		view.unmount();
	});

	it('"jjG" then Enter in one chunk opens the last DAG', async () => {
		const {view} = await open(airflow(40));
		view.stdin.write('jjG\r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('(Esc: back)'),
		);
		assert.match(frame, /etl_0039 {2}\(Esc: back\)/);
		view.unmount();
	});
});
