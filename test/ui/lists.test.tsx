// The list keys as a user presses them, on a fake 3.x server: what reaches the server and
// what the note line says. (test/contract/lists.test.ts proves the real servers filter.)
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {airflow, open, waitFor} from '../support/console-harness.js';
import type {SeenRequest} from '../support/fake-server.js';

const runsList = (request: SeenRequest) => request.url.startsWith('/api/v2/dags/~/dagRuns?');
const dagsList = (request: SeenRequest) => request.url.startsWith('/api/v2/dags?');
const params = (request: SeenRequest) => new URL(request.url, 'http://x').searchParams;

describe('list keys', () => {
	it('Runs: s and w cycle the state and window, sent to the server and said on the note line', async () => {
		const {server, view} = await open(airflow(3, request => (runsList(request) ? {body: {dag_runs: [], total_entries: 0}} : {})));
		view.stdin.write('4');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('all runs, any time') && f.includes('s state') && f.includes('w window'),
		);
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('no runs yet'),
		);
		view.stdin.write('ssw'); // failed, then running; the last 24h
		const filtered = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('running runs changed in the last 24h'),
		);
		// an empty filtered list says so, not that there are no runs at all
		assert.match(filtered, /no running runs changed in the last 24h \(s: state, w: window\)/);
		const sent = await waitFor(
			() => JSON.stringify(server.seen.filter(runsList).map(r => [params(r).getAll('state'), params(r).get('updated_at_gte')])),
			text => text.includes('[["running"],"20'),
		);
		const [, since] = (JSON.parse(sent) as [string[], string | null][]).find(([states, at]) => states[0] === 'running' && at)!;
		const hours = (Date.now() - Date.parse(since!)) / 3_600_000;
		assert.ok(hours > 23.9 && hours < 24.1, `the window starts 24 h back, not ${hours} h`);
		view.unmount();
	});

	it('DAGs: f asks for DAGs whose latest run failed; o sorts by last run on the server', async () => {
		const {server, view} = await open(airflow(3));
		view.stdin.write('f');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('latest run failed, by id'),
		);
		await waitFor(
			() => String(server.seen.filter(dagsList).some(r => params(r).get('last_dag_run_state') === 'failed')),
			ok => ok === 'true',
		);
		view.stdin.write('o');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('by last run, newest first'),
		);
		const sorted = await waitFor(
			() => JSON.stringify(server.seen.filter(dagsList).map(r => params(r).getAll('order_by'))),
			text => text.includes('["-last_run_start_date","dag_id"]'),
		);
		assert.ok(sorted);
		const started = server.seen.filter(dagsList).find(r => params(r).has('dag_run_start_date_gte'));
		assert.ok(started, 'the DAGs that ran are asked for first, so those that never ran come last');
		assert.equal(params(started).get('last_dag_run_state'), 'failed', 'the failed-only filter stays on');
		view.unmount();
	});
});
