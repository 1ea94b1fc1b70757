// A real Airflow compresses its answers. When a proxy or the network cuts a compressed answer
// short, the server DID answer: windsock must say the answer was bad, not "Cannot reach ...
// Is Airflow running there" (found by the fault matrix in front of the real servers, #11).
import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError} from '../../source/airflow/errors.js';

const DAGS = gzipSync(JSON.stringify({dags: [{dag_id: 'etl', is_paused: false}], total_entries: 1}));

/** Airflow 3.x whose DAG list is gzip: whole, cut in half, or not gzip at all though it says so. */
function server(body: 'whole' | 'cut' | 'corrupt'): Promise<http.Server> {
	const answer = body === 'whole' ? DAGS : body === 'cut' ? DAGS.subarray(0, Math.floor(DAGS.length / 2)) : Buffer.from('this is not gzip at all');
	const listening = http.createServer((req, res) => {
		if (req.url?.startsWith('/api/v2/version')) {
			res.writeHead(200, {'content-type': 'application/json'});
			return res.end(JSON.stringify({version: '3.3.2'}));
		}
		res.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(answer.length)});
		res.end(answer);
	});
	return new Promise(resolve => listening.listen(0, '127.0.0.1', () => resolve(listening)));
}

const servers: http.Server[] = [];
after(() => {
	for (const each of servers) each.close();
});

async function listDags(body: 'whole' | 'cut' | 'corrupt') {
	const running = await server(body);
	servers.push(running);
	const client = await AirflowClient.connect({baseUrl: `http://127.0.0.1:${(running.address() as AddressInfo).port}`, token: 't', retries: 0});
	return client.listDags({limit: 10});
}

describe('a compressed answer', () => {
	it('whole, is read', async () => {
		assert.deepEqual(
			(await listDags('whole')).items.map(dag => dag.dagId),
			['etl'],
		);
	});

	for (const body of ['cut', 'corrupt'] as const) {
		it(`${body}, is a bad answer from a server that answered, never "Cannot reach"`, async () => {
			const error = await listDags(body).then(
				() => assert.fail('a bad body was read as a good one'),
				(failure: unknown) => failure,
			);
			assert.ok(error instanceof AirflowError, String(error));
			assert.equal(error.kind, 'parse', error.message);
			assert.match(error.message, /Unexpected answer from the server/);
			assert.doesNotMatch(error.message, /Cannot reach|Is Airflow running/);
		});
	}
});
