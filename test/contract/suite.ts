// The client's contract with a real Airflow: every method, and the error paths a user meets.
// Defined once, run against 2.x and 3.x (one file each, so the two run in parallel).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError} from '../../source/airflow/errors.js';
import type {DagRun} from '../../source/airflow/model.js';
import type {AirflowLine} from '../../source/sandbox/versions.js';
import {adminClient, EXPECTED_DAG_COUNT, testLines, testServer, type TestServer} from '../support/test-servers.js';

const ESC = '\u001b';

async function rejectsWith(promise: Promise<unknown>, check: (error: AirflowError) => void): Promise<void> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof AirflowError, `expected an AirflowError, got ${String(error)}`);
		check(error);
		return;
	}
	assert.fail('expected the call to fail');
}

/** Polls a run until it reaches one of `states` (or the time runs out). */
async function waitForRun(client: AirflowClient, run: DagRun, states: string[], seconds = 180): Promise<DagRun> {
	const deadline = Date.now() + seconds * 1000;
	let current = run;
	while (Date.now() < deadline) {
		current = await client.getRun(run.dagId, run.runId);
		if (states.includes(current.state)) return current;
		await sleep(1000);
	}
	assert.fail(`${run.dagId} ${run.runId} still ${current.state} after ${seconds}s (wanted ${states.join('/')})`);
}

export function defineContract(line: AirflowLine): void {
	// a lane of test/run.ts without this line's server: nothing to run here
	if (!testLines().includes(line)) return;
	describe(`Airflow ${line}.x contract`, () => {
		let server: TestServer;
		let client: AirflowClient;
		const generation = line === 3 ? 'v2' : 'v1';

		before(async () => {
			server = testServer(line);
			client = await adminClient(server);
			// The runs below need these DAGs scheduled; new DAGs start paused.
			await client.setPaused('ws_succeed', false);
			await client.setPaused('ws_fail', false);
		});

		describe('server', () => {
			it('detects the API generation and version', () => {
				assert.equal(client.server.generation, generation);
				assert.equal(client.server.version, server.version);
			});

			it('reports health without credentials', async () => {
				const anonymous = await AirflowClient.connect({baseUrl: server.url});
				const health = await anonymous.health();
				assert.equal(health.metadatabase.status, 'healthy');
				assert.equal(health.scheduler.status, 'healthy');
				const age = Date.now() - Date.parse(health.scheduler.latestHeartbeat ?? '');
				assert.ok(age >= -5000 && age < 60_000, `scheduler heartbeat ${age} ms old`);
				// 2.x standalone runs the DAG processor inside the scheduler: status null -> unknown
				assert.equal(health.dagProcessor.status, line === 3 ? 'healthy' : 'unknown');
			});

			it('keeps a path prefix in the base URL', async () => {
				const prefixed = await AirflowClient.connect({baseUrl: `${server.url}/no-such-prefix`, ...server.admin}).catch(e => e);
				assert.ok(prefixed instanceof AirflowError);
				assert.match(prefixed.title, /No Airflow API at .*\/no-such-prefix\//);
			});
		});

		describe('auth', () => {
			it('explains a wrong password', async () => {
				const wrong = await AirflowClient.connect({baseUrl: server.url, username: 'admin', password: 'not-the-password'});
				await rejectsWith(wrong.listDags({limit: 1}), error => {
					// 3.x: 401 from /auth/token. 2.x with basic_auth,session backends: 403.
					assert.equal(error.status, line === 3 ? 401 : 403);
					assert.ok(error.hint && /password/i.test(error.hint), error.hint);
					assert.ok(!error.message.includes('not-the-password'));
					if (line === 2) assert.match(error.hint!, /auth_backends/);
				});
			});

			if (line === 3) {
				it('logs in again once its token expires, replaying the request', async () => {
					const fresh = await adminClient(server);
					await fresh.listDags({limit: 1});
					const sent = fresh.http.sent;
					await sleep((server.tokenSeconds! + 2) * 1000);
					assert.equal((await fresh.listDags({limit: 1})).total, EXPECTED_DAG_COUNT);
					// the refused request, the new login, the replay
					assert.equal(fresh.http.sent - sent, 3);
				});
			}

			it('reports a missing permission as such, not as a crash', async () => {
				const viewer = await AirflowClient.connect({baseUrl: server.url, ...server.viewer});
				assert.ok((await viewer.listDags({limit: 1})).total > 0, 'a viewer reads DAGs');
				await rejectsWith(viewer.listVariables(), error => {
					assert.equal(error.status, 403);
					assert.ok(error.hint);
					if (line === 3) assert.match(error.hint!, /op role/);
				});
			});
		});

		describe('DAGs', () => {
			it('pages through every DAG', async () => {
				const first = await client.listDags({limit: 50});
				assert.equal(first.total, EXPECTED_DAG_COUNT);
				assert.equal(first.items.length, 50);
				const second = await client.listDags({limit: 50, offset: 50});
				assert.notEqual(second.items[0]?.dagId, first.items[0]?.dagId);
				const all = await client.listAllDags();
				assert.equal(new Set(all.map(d => d.dagId)).size, EXPECTED_DAG_COUNT);
				assert.deepEqual(
					all.map(d => d.dagId),
					[...all.map(d => d.dagId)].sort(),
					'sorted by dag_id',
				);
			});

			it('filters by pattern, paused state and tag', async () => {
				const tens = await client.listDags({pattern: 'ws_many_01'});
				assert.deepEqual(
					tens.items.map(d => d.dagId),
					Array.from({length: 10}, (_, i) => `ws_many_01${i}`),
				);
				const active = await client.listAllDags({paused: false});
				assert.ok(active.some(d => d.dagId === 'ws_succeed'));
				assert.ok(active.every(d => !d.isPaused));
				const conf = await client.listDags({tags: ['conf']});
				assert.deepEqual(
					conf.items.map(d => d.dagId),
					['ws_params'],
				);
			});

			it('maps DAG fields the same way on both lines', async () => {
				const [dag] = (await client.listDags({pattern: 'ws_many_000'})).items;
				assert.ok(dag);
				assert.equal(dag.isActive, true);
				// each line's own words for the same schedule
				assert.equal(dag.schedule, line === 3 ? '0 0 * * *' : '@daily');
				assert.deepEqual(dag.owners, ['filler']);
				assert.deepEqual([...dag.tags].sort(), ['even', 'many', 'windsock']);
				assert.equal(dag.hasImportErrors, false);
			});

			it('returns server strings as data, escapes included', async () => {
				const dag = await client.getDag('ws_escape');
				assert.ok(dag.description?.includes(`${ESC}[31mRED`), 'the client does not alter data; the UI sanitises');
				assert.ok(dag.description?.includes('数据管道 🚀'));
			});

			it('reads a DAG with its params', async () => {
				const dag = await client.getDag('ws_params');
				assert.equal(dag.params['target']?.value, 'staging');
				assert.equal(dag.params['count']?.value, 3);
				assert.deepEqual(dag.params['target']?.schema['enum'], ['staging', 'production']);
			});

			it('explains an unknown DAG', async () => {
				await rejectsWith(client.getDag('ws_no_such_dag'), error => {
					assert.equal(error.status, 404);
					assert.match(error.hint ?? '', /No DAG with that id/);
				});
			});

			it('pauses and unpauses one DAG', async () => {
				assert.equal((await client.setPaused('ws_many_003', false)).isPaused, false);
				assert.equal((await client.getDag('ws_many_003')).isPaused, false);
				assert.equal((await client.setPaused('ws_many_003', true)).isPaused, true);
				assert.equal((await client.getDag('ws_many_003')).isPaused, true);
			});

			it('pauses by pattern across every page', async () => {
				// ws_many_101 sits beyond the first 100 matches: 2.x changes one page per call.
				await client.setPaused('ws_many_001', false);
				await client.setPaused('ws_many_101', false);
				const paused = await client.setPausedByPattern('ws_many_', true);
				assert.equal(new Set(paused.map(d => d.dagId)).size, 120);
				const after = await client.listAllDags({pattern: 'ws_many_'});
				assert.equal(after.length, 120);
				assert.deepEqual(
					after.filter(d => !d.isPaused).map(d => d.dagId),
					[],
				);
				// and back: odd numbers have no schedule, so unpausing them starts nothing
				const unpaused = await client.setPausedByPattern('ws_many_101', false);
				assert.deepEqual(
					unpaused.map(d => [d.dagId, d.isPaused]),
					[['ws_many_101', false]],
				);
				await client.setPaused('ws_many_101', true);
			});
		});

		describe('runs, tasks and logs', () => {
			it('triggers with conf and a note, and the run succeeds', async () => {
				const run = await client.trigger('ws_succeed', {conf: {source: 'contract test'}, note: 'from windsock'});
				assert.equal(run.dagId, 'ws_succeed');
				assert.ok(['queued', 'running'].includes(run.state), run.state);
				assert.deepEqual(run.conf, {source: 'contract test'});
				assert.equal(run.note, 'from windsock');
				const done = await waitForRun(client, run, ['success', 'failed']);
				assert.equal(done.state, 'success');
				assert.ok(done.startDate && done.endDate);

				const tasks = await client.listTaskInstances('ws_succeed', run.runId);
				assert.deepEqual(tasks.map(t => [t.taskId, t.state, t.tryNumber]).sort(), [
					['done', 'success', 1],
					['hello', 'success', 1],
				]);
				const log = await client.getLog({dagId: 'ws_succeed', runId: run.runId, taskId: 'hello', tryNumber: 1});
				assert.match(log.text, /hello from windsock/);

				const runs = await client.listRuns({dagId: 'ws_succeed'});
				assert.equal(runs.items[0]?.runId, run.runId, 'newest first');
				const everywhere = await client.listRuns({states: ['success']});
				assert.ok(everywhere.items.some(r => r.runId === run.runId));
				assert.ok(everywhere.items.every(r => r.state === 'success'));
			});

			it('follows a log with its continuation token', async () => {
				const [run] = (await client.listRuns({dagId: 'ws_succeed', states: ['success']})).items;
				assert.ok(run);
				const query = {dagId: 'ws_succeed', runId: run.runId, taskId: 'hello', tryNumber: 1};
				const first = await client.getLog(query);
				assert.ok(first.text.length > 0);
				if (line === 3) {
					assert.equal(first.continuationToken, null, '3.x: a finished log says it is complete');
				} else {
					// 2.x: our own offset token; a finished log has nothing more, no line comes twice
					const rest = await client.getLog({...query, continuationToken: first.continuationToken});
					assert.equal(rest.text, '');
					assert.equal(rest.continuationToken, first.continuationToken);
				}
			});

			it('shows the failing task, its log, and clears it with a dry run first', async () => {
				const run = await client.trigger('ws_fail');
				const done = await waitForRun(client, run, ['success', 'failed']);
				assert.equal(done.state, 'failed');
				const tasks = await client.listTaskInstances('ws_fail', run.runId);
				const boom = tasks.find(t => t.taskId === 'boom');
				assert.equal(boom?.state, 'failed');
				const log = await client.getLog({dagId: 'ws_fail', runId: run.runId, taskId: 'boom', tryNumber: boom!.tryNumber});
				assert.match(log.text, /windsock-failure-marker/);

				const preview = await client.clearRun('ws_fail', run.runId, {dryRun: true, onlyFailed: true});
				assert.deepEqual(
					preview.map(t => t.taskId),
					['boom'],
				);
				assert.equal((await client.getRun('ws_fail', run.runId)).state, 'failed', 'a dry run changes nothing');

				const dryMark = await client.setTaskState('ws_fail', run.runId, 'boom', 'success', {dryRun: true});
				assert.ok(dryMark.some(t => t.taskId === 'boom'));
				assert.equal((await client.listTaskInstances('ws_fail', run.runId)).find(t => t.taskId === 'boom')?.state, 'failed');

				const cleared = await client.clearRun('ws_fail', run.runId, {dryRun: false, onlyFailed: true});
				assert.deepEqual(
					cleared.map(t => t.taskId),
					['boom'],
				);
				const again = await waitForRun(client, run, ['success', 'failed']);
				assert.equal(again.state, 'failed');
				const rerun = (await client.listTaskInstances('ws_fail', run.runId)).find(t => t.taskId === 'boom');
				assert.equal(rerun?.tryNumber, 2, 'the cleared task ran again');
			});

			it('marks a task and a run', async () => {
				const [run] = (await client.listRuns({dagId: 'ws_fail', states: ['failed']})).items;
				assert.ok(run);
				const marked = await client.setTaskState('ws_fail', run.runId, 'boom', 'success', {dryRun: false});
				// 2.x's answer to a real change is an empty object (see client.setTaskState)
				if (line === 3) assert.ok(marked.some(t => t.taskId === 'boom'));
				assert.equal((await client.listTaskInstances('ws_fail', run.runId)).find(t => t.taskId === 'boom')?.state, 'success');
				const runMarked = await client.setRunState('ws_fail', run.runId, 'success');
				assert.equal(runMarked.state, 'success');
			});

			it('explains a duplicate logical date and keeps nothing half-done', async () => {
				// ws_params is paused: its runs stay queued and never execute.
				const logicalDate = line === 3 ? '2025-03-01T00:00:00Z' : '2025-03-01T00:00:00+00:00';
				const first = await client.trigger('ws_params', {logicalDate, conf: {target: 'staging', count: 1}});
				assert.equal(first.state, 'queued');
				assert.equal(Date.parse(first.logicalDate ?? ''), Date.parse(logicalDate));
				await rejectsWith(client.trigger('ws_params', {logicalDate}), error => {
					assert.equal(error.status, 409);
					assert.match(error.hint ?? '', /logical date/);
				});
				const marked = await client.setRunState('ws_params', first.runId, 'failed');
				assert.equal(marked.state, 'failed');
			});

			it('explains a conf the DAG rejects, and a conf that is not an object', async () => {
				await rejectsWith(client.trigger('ws_params', {conf: {count: 'abc'}}), error => {
					assert.equal(error.status, 400);
					assert.match(error.detail ?? '', /param count/);
				});
				await rejectsWith(client.trigger('ws_params', {conf: 'x' as unknown as Record<string, unknown>}), error => {
					assert.equal(error.status, line === 3 ? 422 : 400);
					assert.match(line === 3 ? (error.hint ?? '') : (error.detail ?? ''), /conf/);
				});
			});

			it('explains an unknown DAG on trigger', async () => {
				await rejectsWith(client.trigger('ws_no_such_dag'), error => assert.equal(error.status, 404));
			});
		});

		describe('variables, connections, pools, import errors', () => {
			it('creates, reads, updates, lists and deletes a variable', async () => {
				const key = `ws_contract_${line}`;
				await client.deleteVariable(key).catch(() => {});
				const created = await client.createVariable({key, value: '{"a": 1}', description: 'contract'});
				assert.equal(created.key, key);
				assert.equal((await client.getVariable(key)).value, '{"a": 1}');
				await client.updateVariable({key, value: 'two', description: 'changed'});
				const read = await client.getVariable(key);
				assert.deepEqual([read.value, read.description], ['two', 'changed']);
				assert.ok((await client.listAllVariables()).some(v => v.key === key));
				await client.deleteVariable(key);
				await rejectsWith(client.getVariable(key), error => assert.equal(error.status, 404));
			});

			it('creates, reads, updates and deletes a connection without showing its password', async () => {
				const connectionId = `ws_contract_conn_${line}`;
				await client.deleteConnection(connectionId).catch(() => {});
				const input = {connectionId, connType: 'http', description: null, host: 'example.invalid', login: 'me', schema: null, port: 8443, extra: '{"verify": false}', password: 'sekret-pw'};
				const created = await client.createConnection(input);
				assert.equal(created.host, 'example.invalid');
				assert.notEqual(created.password, 'sekret-pw');
				const read = await client.getConnection(connectionId);
				assert.equal(read.port, 8443);
				assert.equal(read.login, 'me');
				assert.notEqual(read.password, 'sekret-pw', line === 3 ? 'masked by 3.x' : 'never returned by 2.x');
				const {password: _unchanged, ...withoutPassword} = input;
				const updated = await client.updateConnection({...withoutPassword, host: 'other.invalid'});
				assert.equal(updated.host, 'other.invalid');
				assert.ok((await client.listAllConnections()).some(c => c.connectionId === connectionId));
				await client.deleteConnection(connectionId);
				await rejectsWith(client.getConnection(connectionId), error => assert.equal(error.status, 404));
			});

			it('lists pools', async () => {
				const pools = await client.listPools();
				const pool = pools.find(p => p.name === 'default_pool');
				assert.ok(pool);
				assert.equal(pool.slots, 128);
				assert.equal(pool.open + pool.occupied, pool.slots);
			});

			it('lists import errors', async () => {
				const errors = await client.listImportErrors();
				const broken = errors.find(e => e.filename.endsWith('ws_broken.py'));
				assert.ok(broken, JSON.stringify(errors.map(e => e.filename)));
				assert.match(broken.stackTrace, /windsock_module_that_does_not_exist/);
			});
		});

		describe('config', () => {
			if (line === 3) {
				it('reads the configuration where it is exposed', async () => {
					const sections = await client.getConfig();
					const core = sections.find(s => s.name === 'core');
					assert.ok(core, sections.map(s => s.name).join());
					assert.ok(core.options.some(o => o.key === 'dags_folder'));
					const only = await client.getConfig('api');
					assert.deepEqual(
						only.map(s => s.name),
						['api'],
					);
				});
			} else {
				it('names the setting that would expose a hidden configuration', async () => {
					await rejectsWith(client.getConfig(), error => {
						assert.equal(error.status, 403);
						assert.match(error.detail ?? '', /chose not to expose/);
						assert.match(error.hint ?? '', /\[webserver\] expose_config/);
					});
				});
			}
		});

		describe('read-only', () => {
			it('sends no mutating request, and still reads', async () => {
				const readOnly = await adminClient(server, {readOnly: true});
				const before = readOnly.http.sent;
				assert.ok((await readOnly.listDags({limit: 1})).total > 0);
				const afterRead = readOnly.http.sent;
				for (const attempt of [
					() => readOnly.trigger('ws_succeed'),
					() => readOnly.setPaused('ws_succeed', true),
					() => readOnly.setPausedByPattern('ws_many_', false),
					() => readOnly.createVariable({key: 'x', value: 'y', description: null}),
					() => readOnly.deleteConnection('x'),
					() => readOnly.clearRun('ws_fail', 'x', {dryRun: false}),
				]) {
					await rejectsWith(attempt(), error => assert.equal(error.kind, 'read-only'));
				}
				assert.equal(readOnly.http.sent, afterRead, 'no request left the process');
				assert.ok(afterRead > before);
			});
		});

		after(async () => {
			await client?.setPaused('ws_succeed', true).catch(() => {});
			await client?.setPaused('ws_fail', true).catch(() => {});
		});
	});
}
