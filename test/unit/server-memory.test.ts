// What windsock remembers of each server (source/airflow/server-memory.ts), and how a
// connection uses it: the first read goes out with the version probe when the server is
// known, and counts only when the probe agrees (AirflowClient.connectAhead).
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {AirflowClient} from '../../source/airflow/client.js';
import type {ServerInfo} from '../../source/airflow/model.js';
import {fileServerMemory, MAX_SERVERS, parseEntries, serverKey, stateDir, withServer, type ServerMemory} from '../../source/airflow/server-memory.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer, type Handler} from '../support/fake-server.js';

const V3: ServerInfo = {generation: 'v2', version: '3.3.2', gitVersion: null};
const V2: ServerInfo = {generation: 'v1', version: '2.11.2', gitVersion: null};

const dirs: string[] = [];
const servers: FakeServer[] = [];
after(async () => {
	await Promise.all(servers.map(server => server.close()));
	for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});
function temporaryFile(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'windsock-memory-'));
	dirs.push(dir);
	return path.join(dir, 'state', 'servers.json');
}
async function serve(handler: Handler): Promise<FakeServer> {
	const server = await fakeServer(handler);
	servers.push(server);
	return server;
}

describe('the memory itself', () => {
	it('knows a server by scheme, host, port and path: never a user, a password or a query', () => {
		assert.equal(serverKey(new URL('https://ops:s3cret@air.example:8443/airflow/?x=1#f')), 'https://air.example:8443/airflow/');
		assert.equal(serverKey(new URL('http://127.0.0.1:8080/')), 'http://127.0.0.1:8080/');
	});

	it('reads what it can of a file and drops the rest', () => {
		assert.deepEqual(parseEntries('not json'), {});
		assert.deepEqual(parseEntries('[1]'), {});
		assert.deepEqual(parseEntries(JSON.stringify({a: V3, b: {generation: 'v9', version: '1'}, c: {generation: 'v1'}, d: {...V2, extra: 'x'}})), {a: V3, d: V2});
	});

	it('puts the server just seen first, keeps at most MAX_SERVERS, and changes nothing for a server as remembered', () => {
		let entries = {};
		for (let index = 0; index < MAX_SERVERS + 5; index++) entries = withServer(entries, `http://h${index}/`, V3);
		const keys = Object.keys(entries);
		assert.equal(keys.length, MAX_SERVERS);
		assert.equal(keys[0], `http://h${MAX_SERVERS + 4}/`);
		assert.ok(!keys.includes('http://h0/'), 'the oldest went');
		const again = withServer(entries, keys[0]!, V3);
		assert.equal(again, entries, 'nothing to write');
		const upgraded = withServer(entries, keys[5]!, {...V3, version: '3.4.0'});
		assert.equal(Object.keys(upgraded)[0], keys[5]);
		assert.equal(upgraded[keys[5]!]!.version, '3.4.0');
	});

	it('keeps its file owner-only, in a directory of its own', () => {
		const file = temporaryFile();
		const memory = fileServerMemory(file);
		const url = new URL('http://127.0.0.1:1/');
		assert.equal(memory.recall(url), undefined);
		memory.remember(url, V2);
		assert.deepEqual(fileServerMemory(file).recall(url), V2);
		assert.equal(statSync(file).mode & 0o777, 0o600);
		assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
		assert.deepEqual(readdirSync(path.dirname(file)), ['servers.json'], 'no temporary file left');
		writeFileSync(file, '{broken');
		assert.equal(memory.recall(url), undefined, 'a broken file is no memory');
	});

	it('a file it cannot write is no memory, not a failure, and leaves nothing behind', () => {
		const url = new URL('http://127.0.0.1:1/');
		// where the directory should be there is a file
		const blocked = temporaryFile();
		mkdirSync(path.dirname(path.dirname(blocked)), {recursive: true});
		writeFileSync(path.dirname(blocked), 'not a directory');
		const nowhere = fileServerMemory(blocked);
		nowhere.remember(url, V3);
		assert.equal(nowhere.recall(url), undefined);
		// where the file should be there is a directory: the rename fails
		const taken = temporaryFile();
		mkdirSync(taken, {recursive: true});
		const refused = fileServerMemory(taken);
		refused.remember(url, V3);
		assert.equal(refused.recall(url), undefined);
		assert.deepEqual(readdirSync(path.dirname(taken)), ['servers.json'], 'no temporary file left');
	});

	it('lives in WINDSOCK_STATE_DIR, else XDG_STATE_HOME, else ~/.local/state', () => {
		assert.equal(stateDir({WINDSOCK_STATE_DIR: '/s', XDG_STATE_HOME: '/x'}), '/s');
		assert.equal(stateDir({XDG_STATE_HOME: '/x'}), '/x/windsock');
		assert.match(stateDir({}), /\.local\/state\/windsock$/);
	});
});

const HEALTH = {metadatabase: {status: 'healthy'}, scheduler: {status: 'healthy', latest_scheduler_heartbeat: new Date().toISOString()}};
/** health on either generation; the version answer held back, so what goes out before it shows */
const slowVersion =
	(inner: (rest: Handler) => Handler): Handler =>
	request => {
		const answer = inner(request => (/\/health$/.test(request.url) ? {body: HEALTH} : {status: 404, body: {detail: 'Not Found'}}))(request);
		return /\/version$/.test(request.url) && answer.status === undefined ? {...answer, delayMs: 300} : answer;
	};
const urls = (server: FakeServer) => server.seen.map(request => request.url);

describe('a connection and its first read', () => {
	it('a server never seen: probe, then read, and it is remembered', async () => {
		const server = await serve(slowVersion(asAirflow3));
		const memory = fileServerMemory(temporaryFile());
		const {client, value} = await AirflowClient.connectAndRead({baseUrl: server.url, memory}, (client, signal) => client.health(signal));
		assert.deepEqual(urls(server), ['/api/v2/version', '/api/v2/monitor/health']);
		assert.equal(value.metadatabase.status, 'healthy');
		assert.deepEqual(memory.recall(client.http.baseUrl), V3);
	});

	it('a server seen before: the read goes out with the probe, one round trip in all, and counts', async () => {
		const server = await serve(slowVersion(asAirflow3));
		const memory = fileServerMemory(temporaryFile());
		memory.remember(new URL(server.url), V3);
		const {client, value} = await AirflowClient.connectAndRead({baseUrl: server.url, memory}, (client, signal) => client.health(signal));
		assert.equal(server.maxInFlight, 2, 'the health read was out while the version probe was');
		assert.deepEqual(urls(server).sort(), ['/api/v2/monitor/health', '/api/v2/version'], 'nothing asked twice');
		assert.equal(client.server.generation, 'v2');
		assert.equal(value.scheduler.status, 'healthy');
	});

	it('a 2.x server seen before is asked /api/v1/version first: one probe, not two', async () => {
		const server = await serve(slowVersion(asAirflow2));
		const memory = fileServerMemory(temporaryFile());
		memory.remember(new URL(server.url), V2);
		await AirflowClient.connectAndRead({baseUrl: server.url, memory}, (client, signal) => client.health(signal));
		assert.deepEqual(urls(server).sort(), ['/api/v1/health', '/api/v1/version']);
	});

	it('a server that changed since (2.x upgraded to 3.x): the read ahead is dropped, read again, and the memory corrected', async () => {
		const server = await serve(slowVersion(asAirflow3));
		const memory = fileServerMemory(temporaryFile());
		memory.remember(new URL(server.url), V2);
		const {client, value} = await AirflowClient.connectAndRead({baseUrl: server.url, memory}, (client, signal) => client.health(signal));
		assert.equal(client.server.generation, 'v2');
		assert.ok(urls(server).includes('/api/v1/health'), 'the read ahead went out as remembered');
		assert.equal(urls(server).at(-1), '/api/v2/monitor/health', 'and was asked again on the server as it is');
		assert.equal(value.scheduler.status, 'healthy');
		assert.deepEqual(memory.recall(client.http.baseUrl), V3);
	});

	it('a read ahead that will not count is given up: a failed probe leaves no request out to hold the process', async () => {
		// no version anywhere (not Airflow, or a wrong path prefix), and a health read that hangs
		const server = await serve(request => (/\/version$/.test(request.url) ? {status: 404, body: {detail: 'Not Found'}} : {hang: true}));
		const memory = fileServerMemory(temporaryFile());
		memory.remember(new URL(server.url), V3);
		await assert.rejects(
			AirflowClient.connectAndRead({baseUrl: server.url, memory}, (client, signal) => client.health(signal)),
			/No Airflow API/,
		);
		await sleep(100);
		assert.ok(urls(server).includes('/api/v2/monitor/health'), 'the read went ahead');
		assert.equal(server.inFlight, 0, 'and was given up with the probe');
	});

	it('settings refused before any request (a proxy windsock cannot use) come back through the promise, not thrown', async () => {
		const connecting = AirflowClient.connectAhead({baseUrl: 'http://127.0.0.1:9/', env: {HTTP_PROXY: 'socks5://127.0.0.1:1080'}, memory: fileServerMemory(temporaryFile())});
		assert.equal(connecting.ahead, undefined);
		await assert.rejects(connecting.connected, /proxy/i);
	});

	it('the console’s early reads: `connected` is the very client they were sent with only when the probe agrees', async () => {
		const server = await serve(slowVersion(asAirflow3));
		const memory: ServerMemory = fileServerMemory(temporaryFile());
		memory.remember(new URL(server.url), V3);
		const same = AirflowClient.connectAhead({baseUrl: server.url, memory});
		assert.ok(same.ahead);
		assert.equal(await same.connected, same.ahead);
		memory.remember(new URL(server.url), {...V3, version: '3.2.0'});
		const changed = AirflowClient.connectAhead({baseUrl: server.url, memory});
		assert.ok(changed.ahead);
		const client = await changed.connected;
		assert.notEqual(client, changed.ahead);
		assert.equal(client.server.version, '3.3.2');
	});
});
