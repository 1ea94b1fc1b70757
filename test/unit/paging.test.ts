// Walking every page of a list (#11 item 9): stop at the first page's total, or at a page that
// brings nothing new, whichever comes first. Reads after the second page go concurrently
// (#12), in order; a bulk pause walks one page at a time. A server that reports a huge total and ignores
// `offset` made `windsock dags` ask for ever; these tests time out instead of hanging if it
// comes back.
import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {allPages} from '../../source/airflow/paging.js';
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

/**
 * A DAG list of `count` DAGs (claiming `total`) that answers each page after a short delay,
 * later offsets sooner, so answers arrive out of order; it records the most requests it
 * held at once.
 */
async function slowDagServer(count: number, total = count) {
	let inFlight = 0;
	let most = 0;
	const offsetsSeen: number[] = [];
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const send = (status: number, body: unknown) => {
			res.writeHead(status, {'content-type': 'application/json'});
			res.end(JSON.stringify(body));
		};
		if (url.pathname === '/api/v2/version') return send(200, {version: '3.3.2', git_version: null});
		if (url.pathname !== '/api/v2/dags') return send(404, {detail: 'Not Found'});
		const offset = Number(url.searchParams.get('offset') ?? 0);
		const limit = Number(url.searchParams.get('limit') ?? 50);
		offsetsSeen.push(offset);
		inFlight++;
		most = Math.max(most, inFlight);
		setTimeout(
			() => {
				inFlight--;
				const dags = Array.from({length: Math.max(0, Math.min(limit, count - offset))}, (_, i) => dag(offset + i));
				send(200, {dags, total_entries: total});
			},
			40 - ((offset / 100) % 4) * 10,
		);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	servers.push({
		url: '',
		seen: [],
		maxInFlight: 0,
		inFlight: 0,
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	});
	const client = await AirflowClient.connect({baseUrl: `http://127.0.0.1:${port}`, token: 't'});
	return {client, offsets: offsetsSeen, maxInFlight: () => most};
}

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

	it('asks the pages after the second concurrently and keeps them complete and in order', async () => {
		const server = await slowDagServer(1000);
		const dags = await server.client.listAllDags();
		assert.deepEqual(
			dags.map(d => d.dagId),
			Array.from({length: 1000}, (_, i) => dag(i).dag_id),
		);
		assert.ok(server.maxInFlight() > 1, `at most ${server.maxInFlight()} page request(s) were in flight at once`);
		assert.ok(server.maxInFlight() <= 4, `${server.maxInFlight()} page requests in flight: the concurrency is meant to be small and fixed`);
		assert.deepEqual(
			[...server.offsets].sort((a, b) => a - b),
			Array.from({length: 10}, (_, i) => i * 100),
			'each page asked once',
		);
	});

	it('a concurrent walk stops at a short page and keeps only what came before it', async () => {
		// 1000 claimed, 450 there: the page at 400 is short, later pages are empty
		const asked: number[] = [];
		const items = await allPages(
			async offset => {
				asked.push(offset);
				await new Promise(resolve => setImmediate(resolve));
				return {items: Array.from({length: Math.max(0, Math.min(100, 450 - offset))}, (_, i) => offset + i), total: 1000};
			},
			String,
			4,
		);
		assert.deepEqual(
			items,
			Array.from({length: 450}, (_, i) => i),
		);
		// 0 and 100 alone, then 200-500 at once, 600 and 700 as 200 and 300 came back; 400 was short
		assert.deepEqual(asked, [0, 100, 200, 300, 400, 500, 600, 700]);
	});

	it('a concurrent walk stops at a page that repeats an earlier one (offset honoured for two pages, then ignored)', async () => {
		const all = Array.from({length: 300}, (_, i) => dag(i));
		const {client, server} = await dagServer(offset => ({dags: all.slice(Math.min(offset, 100), Math.min(offset, 100) + 100), total_entries: 1_000_000}));
		const dags = await client.listAllDags();
		assert.deepEqual(
			dags.map(d => d.dagId),
			all.slice(0, 200).map(d => d.dag_id),
		);
		assert.ok(listCalls(server).length <= 2 + 4, `${listCalls(server).length} requests: the walk ended at the first repeat`);
	});

	it('a bulk pause on a server that ignores offset stops too', async () => {
		const server = await fakeServer(asAirflow3(() => ({body: {dags: [dag(0)], total_entries: 1_000_000}})));
		servers.push(server);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		assert.equal((await client.setPausedByPattern('etl', true)).length, 1);
		assert.equal(server.seen.filter(request => request.method === 'PATCH').length, 2);
	});

	it('a bulk pause walks its pages one at a time: they are changes', async () => {
		const server = await slowDagServer(450);
		assert.equal((await server.client.setPausedByPattern('bench', true)).length, 450);
		assert.deepEqual(server.offsets, [0, 100, 200, 300, 400]);
		assert.equal(server.maxInFlight(), 1);
	});
});
