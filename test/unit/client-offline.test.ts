// Checks that used to need a real Airflow, on the local fake server: what the client sends
// for a dry-run task mark, the shape of update_mask per API line, and paging over servers
// that cap the page size.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError} from '../../source/airflow/errors.js';
import type {ConnectionInput} from '../../source/airflow/model.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer, type Handler, type SeenRequest} from '../support/fake-server.js';

const servers: FakeServer[] = [];
async function serve(handler: Handler): Promise<FakeServer> {
	const server = await fakeServer(handler);
	servers.push(server);
	return server;
}
after(async () => Promise.all(servers.map(server => server.close())));

const writes = (server: FakeServer): SeenRequest[] => server.seen.filter(request => request.method !== 'GET');
const TASK = {task_id: 'load', dag_id: 'etl', dag_run_id: 'r1', state: 'failed', try_number: 1, map_index: -1};

describe('v2: marking a task', () => {
	const handler = asAirflow3(request => (request.method === 'PATCH' ? {body: {task_instances: [{...TASK, state: 'success'}], total_entries: 1}} : {status: 404, body: {detail: 'Not Found'}}));

	it('a dry run goes to the dry_run endpoint, even in read-only mode, and changes nothing', async () => {
		const server = await serve(handler);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't', readOnly: true});
		const refs = await client.setTaskState('etl', 'r1', 'load', 'success', {dryRun: true});
		assert.deepEqual(
			refs.map(ref => ref.taskId),
			['load'],
		);
		const sent = writes(server);
		assert.deepEqual(
			sent.map(request => `${request.method} ${request.url}`),
			['PATCH /api/v2/dags/etl/dagRuns/r1/taskInstances/load/dry_run'],
		);
		assert.deepEqual(JSON.parse(sent[0]!.body), {new_state: 'success'});
	});

	it('a dry run is the default', async () => {
		const server = await serve(handler);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await client.setTaskState('etl', 'r1', 'load', 'failed');
		assert.ok(writes(server)[0]!.url.endsWith('/taskInstances/load/dry_run'));
	});

	it('the real change goes to the task instance itself, and read-only mode refuses it unsent', async () => {
		const server = await serve(handler);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await client.setTaskState('etl', 'r1', 'load', 'success', {dryRun: false});
		assert.deepEqual(
			writes(server).map(request => request.url),
			['/api/v2/dags/etl/dagRuns/r1/taskInstances/load'],
		);
		const guarded = await serve(handler);
		const readOnly = await AirflowClient.connect({baseUrl: guarded.url, token: 't', readOnly: true});
		await assert.rejects(readOnly.setTaskState('etl', 'r1', 'load', 'success', {dryRun: false}), (error: unknown) => error instanceof AirflowError && /read-only/i.test(error.title));
		assert.deepEqual(writes(guarded), []);
	});
});

describe('update_mask', () => {
	const CONNECTION: ConnectionInput = {connectionId: 'warehouse', connType: 'postgres', description: null, host: 'db', login: 'etl', schema: 'dw', port: 5432, extra: null};
	const answer = {connection_id: 'warehouse', conn_type: 'postgres', host: 'db', login: 'etl', schema: 'dw', port: 5432};

	it('v2 repeats the parameter, one field each', async () => {
		const server = await serve(asAirflow3(() => ({body: answer})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await client.updateConnection(CONNECTION);
		const url = new URL(writes(server)[0]!.url, 'http://x');
		const mask = url.searchParams.getAll('update_mask');
		assert.ok(mask.length > 1, url.search);
		assert.ok(
			mask.every(field => !field.includes(',')),
			url.search,
		);
		assert.deepEqual([...mask].sort(), ['conn_type', 'description', 'extra', 'host', 'login', 'port', 'schema']);
		assert.ok(!mask.includes('password'), 'an untouched password is not in the mask');
	});

	it('v1 sends one comma-separated parameter', async () => {
		const server = await serve(asAirflow2(() => ({body: answer})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'admin'});
		await client.updateConnection({...CONNECTION, password: 'new'});
		const mask = new URL(writes(server)[0]!.url, 'http://x').searchParams.getAll('update_mask');
		assert.equal(mask.length, 1);
		assert.deepEqual(mask[0]!.split(',').sort(), ['conn_type', 'description', 'extra', 'host', 'login', 'password', 'port', 'schema']);
	});

	it('pausing sends update_mask=is_paused', async () => {
		const server = await serve(asAirflow3(() => ({body: {dag_id: 'etl', is_paused: true}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await client.setPaused('etl', true);
		assert.deepEqual(
			writes(server).map(request => `${request.method} ${request.url}`),
			['PATCH /api/v2/dags/etl?update_mask=is_paused'],
		);
	});
});

describe('paging', () => {
	/** A server with `count` variables that serves at most `cap` per page, whatever limit asks. */
	function capped(count: number, cap: number, total: (length: number) => number = length => length): Handler {
		const all = Array.from({length: count}, (_, i) => ({key: `v${i}`, value: String(i), description: null}));
		return asAirflow3(request => {
			const url = new URL(request.url, 'http://x');
			const offset = Number(url.searchParams.get('offset') ?? 0);
			const limit = Math.min(cap, Number(url.searchParams.get('limit') ?? cap));
			return {body: {variables: all.slice(offset, offset + limit), total_entries: total(all.length)}};
		});
	}
	const offsets = (server: FakeServer) => server.seen.filter(r => r.url.startsWith('/api/v2/variables')).map(r => Number(new URL(r.url, 'http://x').searchParams.get('offset')));

	it('walks every page, advancing by what came back when the server caps the limit', async () => {
		const server = await serve(capped(8, 3));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const variables = await client.listAllVariables();
		assert.deepEqual(
			variables.map(v => v.key),
			['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7'],
		);
		assert.deepEqual(offsets(server), [0, 3, 6]);
	});

	it('asks once when the first page holds everything, and for an empty list', async () => {
		for (const count of [0, 1, 100]) {
			const server = await serve(capped(count, 100));
			const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
			assert.equal((await client.listAllVariables()).length, count);
			assert.deepEqual(offsets(server), [0], `${count} variables`);
		}
	});

	it('asks for 100 a page, and walks past 100', async () => {
		const server = await serve(capped(250, 1000));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		assert.equal((await client.listAllVariables()).length, 250);
		assert.deepEqual(offsets(server), [0, 100, 200]);
		assert.equal(new URL(server.seen.find(r => r.url.startsWith('/api/v2/variables'))!.url, 'http://x').searchParams.get('limit'), '100');
	});

	it('stops on an empty page even when the total promises more (rows deleted meanwhile)', async () => {
		const server = await serve(capped(4, 2, () => 10));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		assert.equal((await client.listAllVariables()).length, 4);
		assert.deepEqual(offsets(server), [0, 2, 4]);
	});
});
