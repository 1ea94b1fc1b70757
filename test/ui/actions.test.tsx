// The console's actions on a local fake Airflow: what is sent, what is previewed first, what
// stays on screen when the server says no, and what read-only mode refuses to send.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import type {SeenRequest} from '../support/fake-server.js';
import {airflow, open, waitFor} from '../support/console-harness.js';

const writes = (seen: SeenRequest[]) => seen.filter(r => r.method !== 'GET' && !r.url.endsWith('/dagRuns/list') && r.url !== '/auth/token');

/** ws_params-like details, runs, task instances, variables: enough for every action. */
function actionable(overrides: (request: SeenRequest) => {status?: number; body?: unknown} = () => ({})) {
	return airflow(3, request => {
		const special = overrides(request);
		if (special.status || special.body) return special;
		const url = new URL(request.url, 'http://x');
		if (url.pathname === '/api/v2/dags/etl_0000/details') {
			return {body: {dag_id: 'etl_0000', is_paused: true, params: {region: {value: 'eu', description: null, schema: {type: 'string'}}, days: {value: 7, description: null, schema: {}}}}};
		}
		if (request.method === 'POST' && url.pathname === '/api/v2/dags/etl_0000/dagRuns') {
			return {body: {dag_id: 'etl_0000', dag_run_id: 'manual_1', state: 'queued', run_type: 'manual', conf: JSON.parse(request.body).conf}};
		}
		if (url.pathname === '/api/v2/dags/etl_0000/dagRuns/manual_1') return {body: {dag_id: 'etl_0000', dag_run_id: 'manual_1', state: 'running', run_type: 'manual'}};
		if (url.pathname.endsWith('/taskInstances')) return {body: {task_instances: [], total_entries: 0}};
		if (request.method === 'PATCH' && url.pathname.startsWith('/api/v2/dags/')) {
			return {body: {dag_id: url.pathname.split('/')[4], is_paused: JSON.parse(request.body).is_paused}};
		}
		if (url.pathname === '/api/v2/variables') return {body: {variables: [{key: 'region', value: 'eu', description: null}], total_entries: 1}};
		if (url.pathname === '/api/v2/connections') return {body: {connections: [], total_entries: 0}};
		if (url.pathname === '/api/v2/dags/~/dagRuns') return {body: {dag_runs: [{dag_id: 'etl_0000', dag_run_id: 'r1', state: 'failed', run_type: 'manual'}], total_entries: 1}};
		return {};
	});
}

type View = Awaited<ReturnType<typeof open>>['view'];

/** Types `keys`, then waits for the frame `ok` accepts, and returns it. */
async function typeUntil(view: View, keys: string, ok: (frame: string) => boolean): Promise<string> {
	view.stdin.write(keys);
	return waitFor(() => view.lastFrame()!, ok);
}

/** Goes to the Variables pane (5) and waits for its rows and its keys. */
async function toVariables(view: View): Promise<void> {
	await typeUntil(view, '5', f => f.includes('region'));
	await sleep(100);
}

describe('console actions', () => {
	it('triggers with the conf from the params: preview, then the exact body, then the new run', async () => {
		const {server, view} = await open(actionable());
		view.stdin.write('t');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('"region": "eu"'),
		);
		assert.match(frame, /Trigger etl_0000/);
		assert.match(frame, /"days": 7/);
		view.stdin.write('\u0013'); // Ctrl-S
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('this will be sent'),
		);
		assert.match(frame, /POST \/api\/v2\/dags\/etl_0000\/dagRuns/);
		assert.match(frame, /"logical_date": null/);
		assert.match(frame, /etl_0000 is paused: the run will stay queued/);
		assert.match(frame, /u: unpause, then trigger/);
		assert.equal(writes(server.seen).length, 0, 'nothing is sent before the second key');
		view.stdin.write('u');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('etl_0000 › manual_1'),
		);
		assert.match(frame, /run ▶ running\s+following until it ends/);
		assert.match(frame, /triggered manual_1 \(and unpaused etl_0000\)/);
		const sent = writes(server.seen);
		assert.deepEqual(
			sent.map(r => `${r.method} ${r.url.split('?')[0]}`),
			['PATCH /api/v2/dags/etl_0000', 'POST /api/v2/dags/etl_0000/dagRuns'],
		);
		assert.deepEqual(JSON.parse(sent[1]!.body), {logical_date: null, conf: {region: 'eu', days: 7}});
		view.unmount();
	});

	it('points at the line of a conf mistake and will not send it', async () => {
		const {server, view} = await open(actionable());
		view.stdin.write('t');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('"region": "eu"'),
		);
		view.stdin.write(',');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('✖'),
		);
		assert.match(frame, /✖ unexpected "," at line 4, column 2/);
		view.stdin.write('\u0013');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('fix the marked field first'),
		);
		assert.equal(writes(server.seen).length, 0);
		view.unmount();
	});

	it('keeps everything typed when the server refuses the trigger, with its reason', async () => {
		const conflict = (request: SeenRequest) =>
			request.method === 'POST' && request.url.startsWith('/api/v2/dags/etl_0000/dagRuns') ? {status: 409, body: {detail: {reason: 'Unique constraint violation', message: 'Serious error'}}} : {};
		const {view} = await open(actionable(conflict));
		view.stdin.write('t');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('"region": "eu"'),
		);
		view.stdin.write('\t');
		await sleep(50);
		view.stdin.write('2024-01-01T00:00:00Z');
		await sleep(50);
		view.stdin.write('\r'); // Enter in a one-line field: the preview
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('this will be sent'),
		);
		view.stdin.write('\r');
		// not '409' alone: the fake server's port can hold those digits (127.0.0.1:40949 did)
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('409 Conflict'),
		);
		assert.match(frame, /! 409 Conflict: Unique constraint violation/);
		assert.match(frame, /logical date\s+2024-01-01T00:00:00Z/);
		assert.match(frame, /"region": "eu"/);
		view.unmount();
	});

	it('pauses after a confirmation, and Esc sends nothing', async () => {
		const {server, view} = await open(actionable());
		view.stdin.write('j'); // etl_0001 is active
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('› etl_0001'),
		);
		view.stdin.write('p');
		let frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Pause etl_0001?'),
		);
		assert.match(frame, /PATCH \/api\/v2\/dags\/etl_0001\?update_mask=is_paused\s+\{"is_paused": true\}/);
		view.stdin.write('\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => !f.includes('Pause etl_0001?'),
		);
		assert.equal(writes(server.seen).length, 0);
		view.stdin.write(' ');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Pause etl_0001?'),
		);
		view.stdin.write('y');
		frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('etl_0001 is paused'),
		);
		assert.deepEqual(
			writes(server.seen).map(r => JSON.parse(r.body)),
			[{is_paused: true}],
		);
		view.unmount();
	});

	it('acts at once where the profile turns confirmations off', async () => {
		const {server, view} = await open(actionable(), {safety: {readOnly: false, production: false, confirm: false}});
		view.stdin.write('p');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('etl_0000 is active'),
		);
		assert.equal(writes(server.seen).length, 1);
		view.unmount();
	});

	it('marks a production profile in the header and in every dialog', async () => {
		const {view} = await open(actionable(), {safety: {readOnly: false, production: true, confirm: true}});
		assert.match(view.lastFrame()!, / PRODUCTION test /);
		view.stdin.write('p');
		await waitFor(
			() => view.lastFrame()!,
			f => /PRODUCTION Unpause etl_0000\?/.test(f),
		);
		view.unmount();
	});

	it('in read-only mode explains every action and sends no change', async () => {
		const {server, view} = await open(actionable(), {readOnly: true});
		const refused = async (keys: string, what: RegExp) => {
			view.stdin.write(keys);
			await waitFor(
				() => view.lastFrame()!,
				f => what.test(f) && /read-only: .* is disabled/.test(f),
			);
		};
		await refused('t', /read-only: trigger/);
		await refused('p', /read-only: pause/);
		view.stdin.write('/etl\r'); // a filter is not an action: nothing to refuse, it just applies
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('matching "etl"'),
		);
		await sleep(100);
		await refused('P', /read-only: pause matching/);
		await refused('U', /read-only: unpause matching/);
		view.stdin.write('4');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('r1'),
		);
		await sleep(100);
		await refused('m', /read-only: mark/);
		await refused('c', /read-only: clear/);
		view.stdin.write('5');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('region'),
		);
		await sleep(100);
		await refused('n', /read-only: new/);
		await refused('e', /read-only: edit/);
		await refused('d', /read-only: delete/);
		assert.deepEqual(writes(server.seen), [], 'no request that could change something left the process');
		view.unmount();
	});

	it('a new form names no mistake before it is typed in; Ctrl-S names them all, and the nudge goes once the user types', async () => {
		const {server, view} = await open(actionable());
		await toVariables(view);
		let frame = await typeUntil(view, 'n', f => f.includes('New Variable'));
		assert.doesNotMatch(frame, /✖/, 'nothing typed yet, nothing wrong yet');
		frame = await typeUntil(view, '\u0013', f => f.includes('fix the marked field first'));
		assert.match(frame, /✖ a key is needed/);
		frame = await typeUntil(view, 'k', f => !f.includes('fix the marked field first'));
		assert.doesNotMatch(frame, /✖ a key is needed/);
		assert.deepEqual(writes(server.seen), []);
		view.unmount();
	});

	it('a secret field shows dots, and its text on Ctrl-R until Ctrl-R again', async () => {
		const {view} = await open(actionable());
		await typeUntil(view, '6', f => f.includes('rows') || f.includes('0 of 0'));
		await sleep(100);
		await typeUntil(view, 'n', f => f.includes('New Connection'));
		// conn id, type, host, port, login, then password
		for (let i = 0; i < 5; i++) view.stdin.write('\t');
		await sleep(100);
		let frame = await typeUntil(view, 's3cr3t', f => /password +••••••/.test(f));
		assert.doesNotMatch(frame, /s3cr3t/);
		assert.match(frame, /Ctrl-R: show secrets/);
		frame = await typeUntil(view, '\u0012', f => /password +s3cr3t/.test(f));
		assert.match(frame, /Ctrl-R: hide secrets/);
		await typeUntil(view, '\u0012', f => /password +••••••/.test(f));
		view.unmount();
	});

	it('keeps a Variable edit when the save fails', async () => {
		const refuse = (request: SeenRequest) => (request.method === 'PATCH' && request.url.startsWith('/api/v2/variables/region') ? {status: 500, body: {detail: 'database is locked'}} : {});
		const {view} = await open(actionable(refuse));
		await toVariables(view);
		view.stdin.write('e');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Edit Variable region'),
		);
		view.stdin.write('-west');
		await sleep(50);
		view.stdin.write('\u0013');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('this will be sent'),
		);
		view.stdin.write('y');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('database is locked'),
		);
		assert.match(frame, /! 500 Internal Server Error: database is locked/);
		assert.match(frame, /value\s+1 eu-west/);
		view.unmount();
	});
});
