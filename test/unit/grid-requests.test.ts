// The grid's requests on a fake server: every task instance of the runs shown comes from the
// batch list (a POST that reads) in pages of 100, never one request per run, and a read-only
// console still sends it.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(() => Promise.all(servers.map(server => server.close())));

// 30 runs × 7 tasks = 210 task instances: three pages of 100
const RUNS = Array.from({length: 30}, (_, i) => `run_${i}`);
const ALL = RUNS.flatMap(runId => Array.from({length: 7}, (_, t) => ({dag_id: 'etl', dag_run_id: runId, task_id: `task_${t}`, map_index: -1, state: 'success', try_number: 1})));

for (const generation of ['v1', 'v2'] as const) {
	describe(`grid requests (${generation})`, () => {
		it('fetches the task instances of 30 runs in three batch requests, read-only or not', async () => {
			const server = await fakeServer(
				(generation === 'v1' ? asAirflow2 : asAirflow3)(request => {
					if (!request.url.endsWith('/dags/~/dagRuns/~/taskInstances/list')) return {status: 404, body: {detail: 'Not Found'}};
					const body = JSON.parse(request.body) as {dag_run_ids: string[]; page_limit: number; page_offset: number};
					const matching = ALL.filter(ti => body.dag_run_ids.includes(ti.dag_run_id));
					return {body: {task_instances: matching.slice(body.page_offset, body.page_offset + body.page_limit), total_entries: matching.length}};
				}),
			);
			servers.push(server);
			const client = await AirflowClient.connect({baseUrl: server.url, token: 't', retries: 0, readOnly: true});
			const before = server.seen.length;
			const instances = await client.listTaskInstancesOfRuns('etl', RUNS);
			const sent = server.seen.slice(before);
			assert.equal(instances.length, 210);
			assert.equal(new Set(instances.map(ti => ti.runId)).size, 30);
			assert.equal(sent.length, 3, 'three pages, not thirty requests');
			for (const [page, request] of sent.entries()) {
				assert.equal(request.method, 'POST');
				assert.equal(request.url, `/api/${generation}/dags/~/dagRuns/~/taskInstances/list`);
				assert.deepEqual(JSON.parse(request.body), {dag_ids: ['etl'], dag_run_ids: RUNS, page_limit: 100, page_offset: page * 100});
			}
		});
	});
}
