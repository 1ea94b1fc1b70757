// A refusal names the operation the server refused: a Viewer's write is not described as a read.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError, describeError} from '../../source/airflow/errors.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

let server: FakeServer;
after(async () => server?.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	assert.ok(error instanceof AirflowError, `expected an AirflowError, got ${String(error)}`);
	assert.equal(error.status, 403);
	return describeError(error);
}

describe('403 on 3.x names what was refused', () => {
	it('read, create, change and delete of variables and connections', async () => {
		server = await fakeServer(asAirflow3(() => ({status: 403, body: {detail: 'Forbidden'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't', retries: 0});
		assert.match(await refusal(client.getVariable('k')), /may not read variables/);
		assert.match(await refusal(client.createVariable({key: 'k', value: 'v', description: null})), /may not create variables/);
		assert.match(await refusal(client.updateVariable({key: 'k', value: 'v', description: null})), /may not change variables/);
		assert.match(await refusal(client.deleteVariable('k')), /may not delete variables/);
		assert.match(await refusal(client.deleteConnection('c')), /may not delete connections/);
	});
});
