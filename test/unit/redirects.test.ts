// A redirect never carries a credential or a body anywhere: the login body, a Basic header
// and a trigger's conf stay with the origin the user gave, and the error says where the
// server tried to send them.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError, describeError} from '../../source/airflow/errors.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

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

describe('redirects', () => {
	for (const status of [302, 307, 308]) {
		it(`a ${status} on the 3.x login sends the password nowhere else`, async () => {
			const elsewhere = await serve(() => ({body: {access_token: 'stolen'}}));
			const server = await serve(asAirflow3(request => (request.url.startsWith('/auth/token') ? {status, headers: {location: `${elsewhere.url}/collect?x=1`}} : {body: {dags: [], total_entries: 0}})));
			const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'hunter2-secret'});
			const error = await failure(client.listDags());
			assert.equal(elsewhere.seen.length, 0, 'the other origin received a request');
			assert.equal(error.status, status);
			const shown = describeError(error);
			assert.match(shown, new RegExp(`redirected POST /auth/token to ${elsewhere.url.replace(/\./g, '\\.')}/collect`));
			assert.doesNotMatch(shown, /hunter2|x=1/);
		});
	}

	it('a 2.x request with Basic auth does not follow a redirect', async () => {
		const elsewhere = await serve(() => ({body: {dags: [], total_entries: 0}}));
		const server = await serve(asAirflow2(() => ({status: 301, headers: {location: `${elsewhere.url}/api/v1/dags`}})));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'pw'});
		const error = await failure(client.listDags());
		assert.equal(error.status, 301);
		assert.equal(elsewhere.seen.length, 0);
	});

	it('a trigger answered with a redirect is sent once and its conf goes nowhere else', async () => {
		const elsewhere = await serve(() => ({body: {}}));
		const server = await serve(asAirflow3(() => ({status: 307, headers: {location: `${elsewhere.url}/x`}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		await failure(client.trigger('etl', {conf: {secret: 1}}));
		assert.equal(server.seen.filter(r => r.method === 'POST').length, 1);
		assert.equal(elsewhere.seen.length, 0);
	});
});
