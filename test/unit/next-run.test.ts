// "next run" is when the scheduler will create the run, not its logical date: a DAG every
// 30 minutes showed 16:30 at 16:37 (its next logical date), which looks overdue.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import type {Json} from '../../source/airflow/fields.js';
import {v1} from '../../source/airflow/v1.js';
import {v2} from '../../source/airflow/v2.js';
import {PACKAGE_ROOT} from '../../source/version.js';
import {runCli} from '../support/run-cli.js';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';

const recorded = (generation: 'v1' | 'v2') => (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'test', 'fixtures', generation, 'dags-page.json'), 'utf8')) as {body: {dags: Json[]}}).body.dags[0]!;

let server: FakeServer;
after(async () => server?.close());

describe('next run', () => {
	it('2.x: next_dagrun_create_after, the logical date kept apart', () => {
		const dag = v1.dag(recorded('v1'));
		assert.equal(dag.nextRunAfter, '2026-11-25T00:00:00+00:00');
		assert.equal(dag.nextRunLogicalDate, '2026-11-24T00:00:00+00:00');
	});

	it('3.x: next_dagrun_run_after, the logical date kept apart', () => {
		const dag = v2.dag({...recorded('v2'), next_dagrun_logical_date: '2026-11-25T16:00:00Z', next_dagrun_run_after: '2026-11-25T16:30:00Z'});
		assert.equal(dag.nextRunAfter, '2026-11-25T16:30:00Z');
		assert.equal(dag.nextRunLogicalDate, '2026-11-25T16:00:00Z');
	});

	it('windsock dags shows when the run will be created', async () => {
		server = await fakeServer(asAirflow2(request => (request.url.startsWith('/api/v1/dags') ? {body: {dags: [recorded('v1')], total_entries: 1}} : {status: 404, body: {}})));
		const result = await runCli(['dags'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /2026-11-25 00:00/);
		assert.doesNotMatch(result.stdout, /2026-11-24/);
	});
});
