// The shared client under the faults a real server will not produce on demand.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {PasswordJwtAuth} from '../../source/airflow/auth.js';
import {AirflowError} from '../../source/airflow/errors.js';
import {Http} from '../../source/airflow/http.js';
import {VERSION} from '../../source/version.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

const servers: FakeServer[] = [];
async function serve(...args: Parameters<typeof fakeServer>) {
	const server = await fakeServer(...args);
	servers.push(server);
	return server;
}
after(async () => Promise.all(servers.map(s => s.close())));

async function failure(promise: Promise<unknown>): Promise<AirflowError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	assert.ok(error instanceof AirflowError, `expected an AirflowError, got ${String(error)}`);
	return error;
}

const DAGS = {dags: [], total_entries: 0};

describe('retries', () => {
	it('retries a GET after 503s and succeeds', async () => {
		let calls = 0;
		const server = await serve(asAirflow3(() => (++calls <= 2 ? {status: 503, body: {detail: 'busy'}} : {body: DAGS})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const page = await client.listDags();
		assert.equal(page.total, 0);
		assert.equal(server.seen.filter(r => r.url.startsWith('/api/v2/dags')).length, 3);
	});

	it('never retries a trigger POST', async () => {
		const server = await serve(asAirflow3(() => ({status: 503, body: {detail: 'busy'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const error = await failure(client.trigger('etl', {conf: {a: 1}}));
		assert.equal(error.status, 503);
		assert.match(error.hint ?? '', /api-server/);
		assert.equal(server.seen.filter(r => r.method === 'POST').length, 1);
	});

	it('never retries a PATCH', async () => {
		const server = await serve(asAirflow3(() => ({status: 502, body: 'Bad Gateway'})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await failure(client.setPaused('etl', true));
		assert.equal(server.seen.filter(r => r.method === 'PATCH').length, 1);
	});
});

describe('bodies that are not what the API promises', () => {
	it('turns garbage JSON into a parse error with a hint', async () => {
		const server = await serve(asAirflow3(() => ({body: '{"dags": [1, 2'})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const error = await failure(client.listDags());
		assert.equal(error.kind, 'parse');
		assert.match(error.detail ?? '', /not valid JSON/);
	});

	it('recognises an HTML page from a proxy', async () => {
		const server = await serve(asAirflow3(() => ({body: '<html><body>Sign in</body></html>', headers: {'content-type': 'text/html'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const error = await failure(client.listVariables());
		assert.equal(error.kind, 'parse');
		assert.match(error.detail ?? '', /HTML/);
		assert.match(error.hint ?? '', /path prefix/);
	});

	it('turns valid JSON of the wrong shape into a parse error', async () => {
		const server = await serve(asAirflow3(() => ({body: {dags: 'nope'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const error = await failure(client.listDags());
		assert.equal(error.kind, 'parse');
		assert.match(error.detail ?? '', /no "dags" list/);
	});

	it('maps missing and mistyped fields to nulls instead of crashing', async () => {
		const server = await serve(asAirflow3(() => ({body: {dags: [{dag_id: 'x', is_paused: 'yes', tags: [null, {name: 7}, {name: 't'}]}], total_entries: 'many'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const page = await client.listDags();
		assert.equal(page.total, 1);
		assert.deepEqual(page.items[0]?.tags, ['t']);
		assert.equal(page.items[0]?.isPaused, false);
		assert.equal(page.items[0]?.description, null);
	});
});

describe('transport failures', () => {
	it('times out with a message naming the host and the limit', async () => {
		const server = await serve(asAirflow3(() => ({hang: true})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't', requestTimeoutMs: 300, retries: 0});
		const error = await failure(client.listDags());
		assert.equal(error.kind, 'timeout');
		assert.match(error.message, /No answer from 127\.0\.0\.1:\d+ within 0\.3s/);
	});

	it('explains a refused connection without showing credentials from the URL', async () => {
		const server = await serve(() => ({}));
		const port = new URL(server.url).port;
		await server.close();
		const error = await failure(AirflowClient.connect({baseUrl: `http://alice:hunter2@127.0.0.1:${port}/airflow`, retries: 0}));
		assert.equal(error.kind, 'network');
		assert.match(error.message, /connection refused/);
		assert.ok(!`${error.message} ${error.hint} ${error.path}`.includes('hunter2'));
	});

	it('cancels on an AbortSignal', async () => {
		const server = await serve(asAirflow3(() => ({hang: true})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		const controller = new AbortController();
		const pending = client.listDags({}, controller.signal);
		setTimeout(() => controller.abort(), 50);
		const error = await failure(pending);
		assert.equal(error.kind, 'aborted');
	});
});

describe('requests', () => {
	it('keeps a path prefix, sends the User-Agent, and explodes list parameters', async () => {
		const server = await serve(request => {
			if (request.url === '/airflow/api/v2/version') return {body: {version: '3.3.2'}};
			return {body: DAGS};
		});
		const client = await AirflowClient.connect({baseUrl: `${server.url}/airflow`, token: 't'});
		await client.listDags({tags: ['a', 'b'], pattern: 'etl', paused: false});
		const request = server.seen.at(-1)!;
		assert.equal(request.headers['user-agent'], `windsock/${VERSION}`);
		const url = new URL(request.url, server.url);
		assert.equal(url.pathname, '/airflow/api/v2/dags');
		assert.deepEqual(url.searchParams.getAll('tags'), ['a', 'b']);
		assert.equal(url.searchParams.get('dag_id_pattern'), 'etl');
		assert.equal(url.searchParams.get('paused'), 'false');
	});

	it('detects Airflow 2.x when /api/v2 is not there', async () => {
		const server = await serve(request => {
			if (request.url.startsWith('/api/v2/')) return {status: 404, body: {detail: 'nope'}};
			if (request.url === '/api/v1/version') return {body: {version: '2.11.2', git_version: ''}};
			return {body: DAGS};
		});
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'u', password: 'p'});
		assert.deepEqual(client.server, {version: '2.11.2', gitVersion: null, generation: 'v1'});
		await client.listDags();
		assert.equal(server.seen.at(-1)?.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
	});
});

describe('3.x tokens', () => {
	it('logs in once, and again once after a 401, replaying the request', async () => {
		let issued = 0;
		let expired = false;
		const server = await serve(
			asAirflow3(request => {
				if (request.url === '/auth/token') return {status: 201, body: {access_token: `token-${++issued}`}};
				return expired && request.headers.authorization === 'Bearer token-1' ? {status: 401, body: {detail: 'Token Expired'}} : {body: DAGS};
			}),
		);
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'pw'});
		await client.listDags();
		await client.listDags();
		assert.equal(issued, 1, 'one login serves many requests');
		expired = true;
		await client.listDags();
		assert.equal(issued, 2, 'a new token after the 401');
		assert.deepEqual(
			server.seen.filter(r => r.url.startsWith('/api/v2/dags')).map(r => r.headers.authorization),
			['Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-2'],
		);
		const login = server.seen.find(r => r.url === '/auth/token')!;
		assert.deepEqual(JSON.parse(login.body), {username: 'admin', password: 'pw'});
	});

	it('does not loop when the fresh token is refused too', async () => {
		const server = await serve(asAirflow3(request => (request.url === '/auth/token' ? {status: 201, body: {access_token: 'x'}} : {status: 401, body: {detail: 'Token Expired'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'pw'});
		const error = await failure(client.listDags());
		assert.equal(error.status, 401);
		assert.equal(server.seen.filter(r => r.url.startsWith('/api/v2/dags')).length, 2, 'one replay, no loop');
	});

	it('shares one login among concurrent requests', async () => {
		let issued = 0;
		const server = await serve(asAirflow3(request => (request.url === '/auth/token' ? {status: 201, body: {access_token: `t${++issued}`}} : {body: DAGS})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'pw'});
		await Promise.all([client.listDags(), client.listVariables().catch(() => {}), client.listPools().catch(() => {})]);
		assert.equal(issued, 1);
	});

	it('reports a wrong password from /auth/token without the password', async () => {
		const server = await serve(asAirflow3(request => (request.url === '/auth/token' ? {status: 401, body: {detail: 'Invalid credentials'}} : {body: DAGS})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'hunter2'});
		const error = await failure(client.listDags());
		assert.equal(error.status, 401);
		assert.equal(error.detail, 'Invalid credentials');
		assert.match(error.hint ?? '', /username and password/);
		assert.ok(!JSON.stringify({...error, message: error.message}).includes('hunter2'));
	});
});

describe('read-only', () => {
	it('refuses mutating requests before they leave the process, but allows logging in', async () => {
		const server = await serve(asAirflow3(request => (request.url === '/auth/token' ? {status: 201, body: {access_token: 't'}} : {body: DAGS})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'a', password: 'b', readOnly: true});
		await client.listDags();
		const before = server.seen.length;
		const error = await failure(client.deleteVariable('k'));
		assert.equal(error.kind, 'read-only');
		assert.equal(server.seen.length, before);
		assert.ok(new Http({baseUrl: server.url, readOnly: true}).readOnly);
	});
});

describe('auth object', () => {
	it('forgets a failed login so the next request tries again', async () => {
		let attempts = 0;
		const auth = new PasswordJwtAuth(async () => {
			attempts++;
			if (attempts === 1) throw new Error('down');
			return 'ok';
		});
		await assert.rejects(auth.header(), /down/);
		assert.equal(await auth.header(), 'Bearer ok');
	});
});
