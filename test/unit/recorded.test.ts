// The adapters and the error mapping on answers recorded from real Airflow 2.11 and 3.3
// (test/fixtures, re-recorded by `npm run record-fixtures`).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {errorFromResponse, type Operation} from '../../source/airflow/errors.js';
import type {Json} from '../../source/airflow/fields.js';
import {v1} from '../../source/airflow/v1.js';
import {v2} from '../../source/airflow/v2.js';
import type {ApiGeneration} from '../../source/airflow/model.js';
import {PACKAGE_ROOT} from '../../source/version.js';

type Recording = {status: number; body: unknown};
const fixture = (generation: ApiGeneration, name: string): Recording => JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'test', 'fixtures', generation, `${name}.json`), 'utf8')) as Recording;
const body = (generation: ApiGeneration, name: string) => fixture(generation, name).body as Json;
const errorOf = (generation: ApiGeneration, name: string, operation: Operation) => {
	const {status, body} = fixture(generation, name);
	return errorFromResponse({status, body, method: 'POST', path: '/x', operation, generation});
};

for (const [generation, wire] of [
	['v1', v1],
	['v2', v2],
] as const) {
	describe(`${generation} adapter on recorded answers`, () => {
		it('maps a page of DAGs', () => {
			const dags = (body(generation, 'dags-page')['dags'] as Json[]).map(wire.dag);
			assert.deepEqual(
				dags.map(d => d.dagId),
				['ws_many_000', 'ws_many_001'],
			);
			assert.equal(body(generation, 'dags-page')['total_entries'], 10);
			const [even, odd] = dags;
			assert.equal(even?.schedule, generation === 'v2' ? '0 0 * * *' : '@daily');
			assert.equal(odd?.schedule, null);
			assert.ok(even?.nextRunLogicalDate, 'a scheduled DAG has a next run');
			assert.equal(even?.isActive, true);
			assert.deepEqual(even?.owners, ['filler']);
		});

		it('maps DAG details with params', () => {
			const dag = wire.dagDetails(body(generation, 'dag-details-params'));
			assert.deepEqual(Object.keys(dag.params).sort(), ['count', 'label', 'target']);
			assert.equal(dag.params['count']?.value, 3);
			assert.equal(dag.params['count']?.schema['minimum'], 1);
		});

		it('keeps escapes in the data (the UI sanitises)', () => {
			assert.match(wire.dagDetails(body(generation, 'dag-details-escape')).description ?? '', /\u001b\[31m/);
		});

		it('maps health', () => {
			const health = wire.health(body(generation, 'health'));
			assert.equal(health.scheduler.status, 'healthy');
			assert.ok(health.scheduler.latestHeartbeat);
			assert.equal(health.metadatabase.latestHeartbeat, null);
		});

		it('maps a new run', () => {
			const run = wire.run(body(generation, 'trigger-created'));
			assert.equal(run.dagId, 'ws_params');
			assert.equal(run.state, 'queued');
			assert.deepEqual(run.conf, {count: 2});
			assert.equal(Date.parse(run.logicalDate ?? ''), Date.parse('2024-06-01T00:00:00Z'));
		});

		it('explains a duplicate logical date', () => {
			const error = errorOf(generation, 'trigger-conflict', 'trigger');
			assert.equal(error.status, 409);
			assert.match(error.message, generation === 'v1' ? /already exists/ : /Unique constraint violation/);
			assert.match(error.hint ?? '', /logical date or run id exists already/);
		});

		it('explains a conf that is not an object, naming the field', () => {
			const error = errorOf(generation, 'trigger-conf-not-object', 'trigger');
			if (generation === 'v2') {
				assert.equal(error.status, 422);
				assert.deepEqual(error.fields, ['body.conf']);
				assert.equal(error.detail, 'body.conf: Input should be a valid dictionary');
				assert.equal(error.hint, 'Check conf.');
			} else {
				assert.equal(error.status, 400);
				assert.match(error.detail ?? '', /'x' is not of type 'object' - 'conf'/);
			}
		});

		it('carries the param the DAG rejected', () => {
			const error = errorOf(generation, 'trigger-bad-param', 'trigger');
			assert.equal(error.status, 400);
			assert.match(error.message, /Invalid input for param count/);
			assert.ok(!error.message.includes('\n'), 'one line');
			// the hint is about the params, not about import errors, which have nothing to do with it
			assert.equal(error.hint, "The DAG's params refuse this conf: fix the value named above.");
		});

		it('explains an unknown DAG', () => {
			const error = errorOf(generation, 'dag-not-found', 'dag');
			assert.equal(error.status, 404);
			assert.match(error.hint ?? '', /No DAG with that id/);
		});
	});
}

describe('recorded answers only one line gives', () => {
	it('v1: a wrong password is a 403 whose hint names auth_backends', () => {
		const error = errorOf('v1', 'wrong-password', 'dags');
		assert.equal(error.status, 403);
		assert.match(error.hint ?? '', /wrong username or password/);
		assert.match(error.hint ?? '', /auth_backends/);
	});

	it('v2: a wrong password at /auth/token', () => {
		const error = errorOf('v2', 'auth-token-wrong-password', 'auth');
		assert.equal(error.status, 401);
		assert.equal(error.detail, 'Invalid credentials');
		assert.equal(error.hint, 'Check the username and password.');
	});

	it('v2: a structured log becomes lines, complete when the token is null', () => {
		const chunk = v2.log(body('v2', 'log'), {dagId: 'ws_succeed', runId: 'r', taskId: 'hello', tryNumber: 1});
		assert.match(chunk.text, /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO - hello from windsock$/m);
		assert.equal(chunk.continuationToken, null);
	});

	it('v2: task instances, a clear dry run, pools, import errors, config, a masked password', () => {
		const tasks = (body('v2', 'task-instances')['task_instances'] as Json[]).map(v2.taskInstance);
		assert.deepEqual(tasks.map(t => [t.taskId, t.state, t.tryNumber]).sort(), [
			['done', 'success', 1],
			['hello', 'success', 1],
		]);
		assert.ok(tasks.every(t => typeof t.duration === 'number'));
		const refs = (body('v2', 'clear-dry-run')['task_instances'] as Json[]).map(v2.taskRef);
		assert.deepEqual(refs.map(r => r.taskId).sort(), ['done', 'hello']);
		const connection = v2.connection(body('v2', 'connection-created'));
		assert.equal(connection.password, '***');
		assert.equal(connection.port, 443);
		assert.ok(!JSON.stringify(fixture('v2', 'connection-created')).includes('recorded-secret'));
	});

	it('v2: a duplicate variable is a 409', () => {
		const error = errorOf('v2', 'variable-duplicate', 'variables');
		assert.equal(error.status, 409);
		assert.match(error.detail ?? '', /already exists/);
	});
});
