// y and L in the console on a fake Airflow: what reaches the terminal is one OSC 52 sequence
// holding exactly the id the key chose (a Variable's key, never its value), and L shows the
// address in the server generation's form. The terminal is a function that records writes.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import {AirflowClient} from '../../source/airflow/client.js';
import {App} from '../../source/ui/app.js';
import {HEALTH, dag, waitFor} from '../support/console-harness.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer, type Handler} from '../support/fake-server.js';

const servers: FakeServer[] = [];
const views: {unmount(): void}[] = [];
after(async () => {
	for (const view of views) view.unmount();
	await Promise.all(servers.map(server => server.close()));
});

const answers: Handler = request => {
	const url = new URL(request.url, 'http://x');
	if (url.pathname.endsWith('/health')) return {body: HEALTH};
	if (url.pathname.endsWith('/dags')) return {body: {dags: [{...dag(1), dag_id: 'etl/daily', is_active: true, schedule_interval: null}], total_entries: 1}};
	if (url.pathname.endsWith('/variables')) return {body: {variables: [{key: 'db_password', value: 'hunter2', description: null}], total_entries: 1}};
	return {status: 404, body: {detail: 'Not Found'}};
};

/** The clipboard text of each OSC 52 sequence written. */
const copied = (writes: string[]) =>
	writes.map(sequence => {
		const match = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(sequence);
		assert.ok(match, `one OSC 52 sequence, nothing else: ${JSON.stringify(sequence)}`);
		return Buffer.from(match[1]!, 'base64').toString('utf8');
	});

async function console(generation: 'v1' | 'v2', firstPane: string) {
	// Airflow behind a path prefix: the addresses must keep it
	const airflow = (generation === 'v1' ? asAirflow2 : asAirflow3)(answers);
	const server = await fakeServer(request => airflow({...request, url: request.url.replace(/^\/prefix/, '')}));
	servers.push(server);
	const client = await AirflowClient.connect({baseUrl: `${server.url}/prefix`, token: 't', retries: 0});
	const writes: string[] = [];
	const view = render(<App client={client} label="test" refreshMs={60_000} firstPane={firstPane} terminalControl={sequence => writes.push(sequence)} />);
	views.push(view);
	await waitFor(
		() => view.lastFrame() ?? '',
		frame => /rows 1-1/.test(frame),
	);
	await sleep(100);
	return {view, writes, server};
}

describe('copy and link', () => {
	it('Variables: y copies the key of a secret Variable, never its value, and says so in the footer', async () => {
		const {view, writes} = await console('v2', 'variables');
		view.stdin.write('y');
		const frame = await waitFor(
			() => view.lastFrame() ?? '',
			text => /copied Variable key/.test(text),
		);
		assert.deepEqual(copied(writes), ['db_password']);
		assert.doesNotMatch(writes.join(''), new RegExp(Buffer.from('hunter2').toString('base64')));
		assert.doesNotMatch(frame, /hunter2/);
	});

	it('DAGs on Airflow 2: L shows the grid address under the base path, encoded, and copies it', async () => {
		const {view, writes, server} = await console('v1', 'dags');
		view.stdin.write('L');
		const frame = await waitFor(
			() => view.lastFrame() ?? '',
			text => /web UI: dag/.test(text),
		);
		assert.deepEqual(copied(writes), [`${server.url}/prefix/dags/etl%2Fdaily/grid`]);
		assert.match(frame.replace(/[│\s]/g, ''), /prefix\/dags\/etl%2Fdaily\/grid/);
		assert.match(frame, /copied the address/);
	});

	it('DAGs on Airflow 3: y copies the dag id; L gives the 3.x path', async () => {
		const {view, writes, server} = await console('v2', 'dags');
		view.stdin.write('y');
		await waitFor(
			() => view.lastFrame() ?? '',
			text => /copied dag id/.test(text),
		);
		view.stdin.write('L');
		await waitFor(
			() => view.lastFrame() ?? '',
			text => /web UI: dag/.test(text),
		);
		assert.deepEqual(copied(writes), ['etl/daily', `${server.url}/prefix/dags/etl%2Fdaily`]);
	});
});
