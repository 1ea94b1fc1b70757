// Walking every page of a list (#11 item 9): stop at the first page's total, or at a page that
// brings nothing new, whichever comes first. A server that reports a huge total and ignores
// `offset` made `windsock dags` ask for ever; these tests time out instead of hanging if it
// comes back.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {asAirflow3, fakeServer, type FakeServer, type SeenRequest} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map(server => server.close())));

const dag = (i: number) => ({dag_id: `etl_${String(i).padStart(4, '0')}`, is_paused: false});

/** A DAG list answered by `page(offset, limit, call)`; returns the client and the server. */
async function dagServer(page: (offset: number, limit: number, call: number) => {dags: unknown[]; total_entries: number}) {
	let call = 0;
	const server = await fakeServer(
		asAirflow3(request => {
			const url = new URL(request.url, 'http://x');
			if (url.pathname !== '/api/v2/dags') return {status: 404, body: {detail: 'Not Found'}};
			return {body: page(Number(url.searchParams.get('offset') ?? 0), Number(url.searchParams.get('limit') ?? 50), call++)};
		}),
	);
	servers.push(server);
	const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
	return {client, server};
}

const listCalls = (server: FakeServer) => server.seen.filter((request: SeenRequest) => request.url.startsWith('/api/v2/dags'));
const offsets = (server: FakeServer) => listCalls(server).map(request => Number(new URL(request.url, 'http://x').searchParams.get('offset')));

describe('paging over every page', {timeout: 10_000}, () => {
	it('stops at a page with nothing new when the server ignores offset and claims a huge total', async () => {
		const {client, server} = await dagServer(() => ({dags: [dag(0), dag(1)], total_entries: 1_000_000}));
		const dags = await client.listAllDags();
		assert.deepEqual(
			dags.map(d => d.dagId),
			['etl_0000', 'etl_0001'],
		);
		assert.equal(listCalls(server).length, 2, 'the second page repeated the first: no third request');
	});

	it("stops at the first page's total even when later pages claim more", async () => {
		const all = Array.from({length: 1000}, (_, i) => dag(i));
		const {client, server} = await dagServer((offset, limit, call) => ({dags: all.slice(offset, offset + limit), total_entries: call === 0 ? 150 : 1000}));
		const dags = await client.listAllDags();
		assert.deepEqual(offsets(server), [0, 100]);
		assert.equal(dags.length, 200);
	});

	it('advances by what came back when the server caps limit silently', async () => {
		const all = Array.from({length: 25}, (_, i) => dag(i));
		const {client, server} = await dagServer(offset => ({dags: all.slice(offset, offset + 10), total_entries: all.length}));
		const dags = await client.listAllDags();
		assert.deepEqual(offsets(server), [0, 10, 20]);
		assert.deepEqual(
			dags.map(d => d.dagId),
			all.map(d => d.dag_id),
		);
	});

	it('stops at an empty page before the total', async () => {
		const {client, server} = await dagServer(offset => ({dags: offset === 0 ? [dag(0)] : [], total_entries: 500}));
		assert.equal((await client.listAllDags()).length, 1);
		assert.equal(listCalls(server).length, 2);
	});

	it('keeps each item once when pages overlap (a DAG added between two pages)', async () => {
		const {client} = await dagServer(offset => ({dags: offset === 0 ? [dag(0), dag(1)] : [dag(1), dag(2)], total_entries: 3}));
		assert.deepEqual(
			(await client.listAllDags()).map(d => d.dagId),
			['etl_0000', 'etl_0001', 'etl_0002'],
		);
	});

	it('a bulk pause on a server that ignores offset stops too', async () => {
		const server = await fakeServer(asAirflow3(() => ({body: {dags: [dag(0)], total_entries: 1_000_000}})));
		servers.push(server);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		assert.equal((await client.setPausedByPattern('etl', true)).length, 1);
		assert.equal(server.seen.filter(request => request.method === 'PATCH').length, 2);
	});
});
