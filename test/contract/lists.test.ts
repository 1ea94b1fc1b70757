// The console's list filters against both real servers: the Runs state, window and text, and
// the DAGs failed-only filter and sort, each proved to be done by the server (or, where the
// API cannot, by the rule docs/triage.md states). The runs are this file's own: two runs of
// ws_many_097 (an unscheduled filler DAG no other test reads) with unique ids, marked
// failed and success; the DAG is left with a successful latest run, as it was.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {before, describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import {fetchDagPage} from '../../source/ui/dag-page.js';
import {runListQuery} from '../../source/ui/run-list-filter.js';
import {adminClient, testLines, testServer} from '../support/test-servers.js';

const DAG = 'ws_many_097';

for (const line of testLines()) {
	describe(`list filters on Airflow ${line}.x`, () => {
		let client: AirflowClient;
		const nonce = `lists-${randomUUID().slice(0, 8)}`;
		const failed = `${nonce}-failed`;
		const succeeded = `${nonce}-success`;

		before(async () => {
			client = await adminClient(testServer(line));
			const now = Date.now();
			// distinct logical dates (2.x refuses two runs at one), the successful one the latest
			await client.trigger(DAG, {runId: failed, logicalDate: new Date(now - 120_000).toISOString(), note: 'lists contract'});
			await client.trigger(DAG, {runId: succeeded, logicalDate: new Date(now - 60_000).toISOString(), note: 'lists contract'});
			await client.setRunState(DAG, failed, 'failed');
			await client.setRunState(DAG, succeeded, 'success');
		});

		const settings = {dagId: undefined, window: 'all', filter: ''} as const;

		it('state=failed across every DAG returns failed runs only, fewer than all runs', async () => {
			const failedPage = await client.listRuns(runListQuery({...settings, state: 'failed'}, {offset: 0, limit: 100}));
			const allPage = await client.listRuns(runListQuery({...settings, state: 'all'}, {offset: 0, limit: 1}));
			assert.ok(failedPage.items.length > 0);
			assert.deepEqual([...new Set(failedPage.items.map(run => run.state))], ['failed']);
			assert.ok(failedPage.total < allPage.total, `${failedPage.total} failed of ${allPage.total}: the server filtered`);
			const success = await client.listRuns(runListQuery({...settings, dagId: DAG, state: 'success'}, {offset: 0, limit: 100}));
			assert.ok(success.items.some(run => run.runId === succeeded) && !success.items.some(run => run.runId === failed));
		});

		it('the window goes to the server: runs changed in the last 24h hold ours; a window that starts tomorrow holds none', async () => {
			const recent = await client.listRuns(runListQuery({...settings, dagId: DAG, state: 'failed', window: '24h'}, {offset: 0, limit: 100}));
			assert.ok(recent.items.some(run => run.runId === failed));
			const tomorrow = Date.now() + 2 * 86_400_000;
			const none = await client.listRuns(runListQuery({...settings, window: '24h', state: 'all'}, {offset: 0, limit: 5}, tomorrow));
			assert.equal(none.total, 0);
		});

		it('/ with a run id and dag: words finds our failed run only; said when windsock matched it', async () => {
			const page = await client.listRuns(runListQuery({dagId: undefined, state: 'all', window: '24h', filter: `dag:${DAG} ${nonce}`}, {offset: 0, limit: 20}));
			assert.deepEqual(page.items.map(run => run.runId).sort(), [failed, succeeded].sort());
			assert.equal(page.total, 2);
			// 3.3 matches on the server; 2.x cannot, and the page says how far windsock looked
			assert.equal(page.matchedAmong === undefined, line === 3);
			const onlyFailed = await client.listRuns(runListQuery({dagId: DAG, state: 'failed', window: 'all', filter: nonce}, {offset: 0, limit: 20}));
			assert.deepEqual(
				onlyFailed.items.map(run => run.runId),
				[failed],
			);
		});

		it('failed only: a DAG whose latest run failed is listed, and leaves once its latest run succeeds', async () => {
			const probe = `${nonce}-probe`;
			await client.trigger(DAG, {runId: probe, logicalDate: new Date().toISOString(), note: 'lists contract'});
			await client.setRunState(DAG, probe, 'failed');
			const ids = async () => (await fetchDagPage(client, {pattern: 'ws_many_09'}, {sort: 'id', failedOnly: true}, {offset: 0, limit: 50})).items.map(dag => dag.dagId);
			try {
				assert.ok((await ids()).includes(DAG), 'listed while its latest run failed');
			} finally {
				await client.setRunState(DAG, probe, 'success'); // as it was: not failing
			}
			assert.ok(!(await ids()).includes(DAG), 'gone once its latest run succeeded');
		});

		if (line === 3) {
			it('failing first: every DAG once, those whose latest run failed first, those that never ran last', async () => {
				const order: string[] = [];
				let total = Infinity;
				for (let offset = 0; offset < total; offset += 40) {
					const page = await fetchDagPage(client, {}, {sort: 'failing-first', failedOnly: false}, {offset, limit: 40});
					total = page.total;
					order.push(...page.items.map(dag => dag.dagId));
				}
				assert.equal(new Set(order).size, total, 'each DAG once');
				assert.equal(order.length, total);
				const failing = (await client.listDags({lastRunState: 'failed', limit: 100})).items.map(dag => dag.dagId);
				assert.ok(failing.length > 0, 'ws_fail (or our run) leaves a failing DAG');
				assert.deepEqual(order.slice(0, failing.length).sort(), [...failing].sort(), 'the failing DAGs come first');
				const withRun = (await client.listDags({latestRunStates: ['failed', 'queued', 'running', 'success'], limit: 1})).total;
				const ran = new Set((await client.listDags({latestRunStates: ['failed', 'queued', 'running', 'success'], limit: 100})).items.map(dag => dag.dagId));
				assert.ok(
					order.slice(withRun).every(id => !ran.has(id)),
					'the DAGs that never ran are last',
				);
			});
		} else {
			it('2.x: a sort other than by id is refused before anything is sent', async () => {
				await assert.rejects(client.listDags({orderBy: ['-last_run_start_date']}), /sorts DAGs by dag_id only/);
			});
		}
	});
}
