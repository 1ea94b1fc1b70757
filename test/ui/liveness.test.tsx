// A server that stops answering is said so within seconds, the last rows stay, and the
// scheduler is not blamed for the stall.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {airflow, open, waitFor} from '../support/console-harness.js';

describe('a server that stops answering', () => {
	it('says "waiting N s for the server", keeps the rows, and shows the scheduler as no answer', async () => {
		let hung = false;
		const answers = airflow(5);
		const {view} = await open(request => (hung ? {hang: true} : answers(request)));
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('etl_0004') && /scheduler ● healthy/.test(f),
		);
		hung = true;
		view.stdin.write('r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /waiting \d+ s for the server/.test(f) && /\? no answer/.test(f),
			8000,
		);
		assert.match(frame, /etl_0004/, 'the last rows stay on screen');
		assert.doesNotMatch(frame, /scheduler ▲/, 'a stall is not the scheduler');
		view.unmount();
	});
});
