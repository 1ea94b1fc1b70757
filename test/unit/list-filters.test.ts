// The list filters' rules without Ink: the filter typed and applied after a pause (the list
// reducer), the Runs state/window cycles and the query they build, each generation's
// parameters, the API's pattern rule where windsock matches by itself, and the DAG sort's
// plan ("the DAGs with the value first, then the others"). Each fails when its rule changes.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {AirflowClient, RUN_SCAN_LIMIT} from '../../source/airflow/client.js';
import {matchesPattern} from '../../source/airflow/pattern.js';
import {v1} from '../../source/airflow/v1.js';
import {v2} from '../../source/airflow/v2.js';
import {UnsupportedQuery} from '../../source/airflow/wire.js';
import {INITIAL_LIST, listReducer, pendingDraft, type ListEvent, type ListState} from '../../source/ui/components/list-state.js';
import {DAG_SORTS, dagSortPlan, slicesFor} from '../../source/ui/dag-page.js';
import {describeRunFilters, nextInCycle, parseRunFilter, RUN_STATE_FILTERS, RUN_WINDOWS, runListQuery} from '../../source/ui/run-list-filter.js';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';
import {press} from '../support/keys.js';

const typed = (text: string): ListEvent[] => [...text].map(input => ({type: 'filter-key', input, key: press()}));
const run = (events: ListEvent[], start: ListState = INITIAL_LIST) => events.reduce((state, event) => listReducer(state, event, {total: 50}), start);

describe('the filter applies as it is typed', () => {
	it('a pause applies the draft typed so far and starts at the top, with the line still open', () => {
		const typing = run([{type: 'move', delta: 7}, {type: 'filter-open'}, ...typed('etl')]);
		assert.equal(pendingDraft(typing), 'etl', 'the list schedules a settle for it');
		const settled = run([{type: 'filter-settle', draft: 'etl'}], typing);
		assert.deepEqual({selected: settled.selected, filter: settled.filter, draft: settled.draft}, {selected: 0, filter: 'etl', draft: 'etl'});
		assert.equal(pendingDraft(settled), undefined, 'nothing more to apply');
	});

	it('a settle for an older draft changes nothing: the keys typed after it win', () => {
		const typing = run([{type: 'filter-open'}, ...typed('et')]);
		const later = run([...typed('l'), {type: 'filter-settle', draft: 'et'}], typing);
		assert.equal(later.filter, '');
		assert.equal(later.draft, 'etl');
	});

	it('Esc restores the filter from before `/`, even after a pause applied the draft', () => {
		const start: ListState = {selected: 3, filter: 'old', draft: undefined};
		const state = run([{type: 'filter-open'}, ...typed('x'), {type: 'filter-settle', draft: 'oldx'}, {type: 'filter-key', input: '', key: press({escape: true})}], start);
		assert.equal(state.filter, 'old');
		assert.equal(state.draft, undefined);
	});

	it('Enter applies at once (no wait), trimmed; a settle after the line closed does nothing', () => {
		const state = run([{type: 'filter-open'}, ...typed(' etl '), {type: 'filter-key', input: '', key: press({return: true})}, {type: 'filter-settle', draft: ' etl '}]);
		assert.deepEqual(state, {selected: 0, filter: 'etl', draft: undefined});
	});

	it('a draft that only adds spaces is not a new query', () => {
		const state = run([{type: 'filter-open'}, ...typed(' ')], {selected: 4, filter: '', draft: undefined});
		assert.equal(pendingDraft(state), undefined);
	});
});

describe('Runs: state, window and text on the server', () => {
	const now = Date.parse('2026-11-25T12:00:00Z');

	it('s cycles all, failed, running, queued, success; w cycles all, 24h, 7d, 30d', () => {
		const states = [RUN_STATE_FILTERS[0]!];
		for (let i = 0; i < 5; i++) states.push(nextInCycle(RUN_STATE_FILTERS, states.at(-1)!));
		assert.deepEqual(states, ['all', 'failed', 'running', 'queued', 'success', 'all']);
		assert.deepEqual([nextInCycle(RUN_WINDOWS, 'all'), nextInCycle(RUN_WINDOWS, '24h'), nextInCycle(RUN_WINDOWS, '7d'), nextInCycle(RUN_WINDOWS, '30d')], ['24h', '7d', '30d', 'all']);
		assert.deepEqual([nextInCycle(DAG_SORTS, 'id'), nextInCycle(DAG_SORTS, 'failing-first')], ['last-run', 'id']);
	});

	it('builds one query: the state, the window start from now, the run id and dag: words', () => {
		const query = runListQuery({dagId: undefined, state: 'failed', window: '24h', filter: 'dag:etl dag:load manual'}, {offset: 40, limit: 20}, now);
		assert.deepEqual(query, {dagId: undefined, limit: 20, offset: 40, states: ['failed'], updatedAfter: '2026-11-24T12:00:00.000Z', runIdPattern: 'manual', dagIdPattern: 'etl|load'});
		assert.deepEqual(runListQuery({dagId: 'etl', state: 'all', window: 'all', filter: 'dag:x'}, {offset: 0, limit: 5}, now), {dagId: 'etl', limit: 5, offset: 0, runIdPattern: undefined});
		assert.deepEqual(parseRunFilter('  '), {});
	});

	it('says the state and window in words for the note line', () => {
		assert.equal(describeRunFilters('failed', '7d'), 'failed runs changed in the last 7d');
		assert.equal(describeRunFilters('all', 'all'), 'all runs, any time');
	});

	it('3.2+ sends the patterns; 2.x and older 3.x never do', () => {
		const params = v2.runListParams({states: ['failed'], updatedAfter: 'T', runIdPattern: 'manual', dagIdPattern: 'etl'});
		assert.deepEqual([params['state'], params['updated_at_gte'], params['run_id_pattern'], params['dag_id_pattern']], [['failed'], 'T', 'manual', 'etl']);
		assert.deepEqual([v2.matchesRunPatterns('3.3.2'), v2.matchesRunPatterns('3.2.0'), v2.matchesRunPatterns('3.1.9'), v2.matchesRunPatterns('4.0.0')], [true, true, false, true]);
		assert.equal(v1.matchesRunPatterns('2.11.2'), false);
		const old = v1.runListParams({states: ['failed'], updatedAfter: 'T', runIdPattern: 'manual'});
		assert.deepEqual([old['state'], old['updated_at_gte'], 'run_id_pattern' in old], [['failed'], 'T', false]);
	});
});

describe('the API pattern rule, where windsock matches by itself', () => {
	it('substring, any case; % any text, _ one character, | or, ~ everything; the rest literal', () => {
		assert.ok(matchesPattern('MANUAL', 'manual__2026-11-25'));
		assert.ok(matchesPattern('man%25', 'manual__2026-11-25'));
		assert.ok(matchesPattern('2026_11', '2026-11-25'));
		assert.ok(!matchesPattern('2026__11', '2026-11-25'));
		assert.ok(matchesPattern('zzz|scheduled', 'scheduled__x'));
		assert.ok(matchesPattern('~', 'anything'));
		assert.ok(!matchesPattern('a.c', 'abc'), 'a dot is a dot, not a regex');
		// run ids are full of punctuation: each is itself (a '-' once made an invalid expression)
		assert.ok(matchesPattern('lists-a1+b(2)[x]{3}/$^*?\\', 'run lists-a1+b(2)[x]{3}/$^*?\\ end'));
		assert.ok(!matchesPattern('etl', 'load'));
	});
});

describe('DAGs: sort and failed-only per generation', () => {
	it('2.x refuses to send what it would ignore: another order, a latest-run filter', () => {
		assert.throws(() => v1.dagListParams({orderBy: ['-last_run_start_date', 'dag_id']}), UnsupportedQuery);
		assert.throws(() => v1.dagListParams({lastRunState: 'failed'}), UnsupportedQuery);
		assert.equal(v1.dagListParams({})['order_by'], 'dag_id');
	});

	it('3.x sends the order (repeated) and the latest-run filters', () => {
		const params = v2.dagListParams({orderBy: ['last_run_state', 'dag_id'], lastRunState: 'failed', latestRunStates: ['failed', 'success'], latestRunStartedAfter: 'T'});
		assert.deepEqual(
			[params['order_by'], params['last_dag_run_state'], params['dag_run_state'], params['dag_run_start_date_gte']],
			[['last_run_state', 'dag_id'], 'failed', ['failed', 'success'], 'T'],
		);
	});

	it('failing first is the latest run state order over DAGs that have one; last run over those that started', () => {
		assert.deepEqual(dagSortPlan('failing-first'), {orderBy: ['last_run_state', 'dag_id'], present: {latestRunStates: ['failed', 'queued', 'running', 'success']}});
		assert.deepEqual(dagSortPlan('last-run').orderBy, ['-last_run_start_date', 'dag_id']);
		assert.ok(dagSortPlan('last-run').present?.latestRunStartedAfter);
		assert.deepEqual(dagSortPlan('id'), {orderBy: ['dag_id']});
	});

	it('a page past the DAGs with the value reads the others where the database put them', () => {
		// 8 with a run, 5 never ran; a page of 4 from row 6
		const counts = {present: 8, total: 13};
		assert.deepEqual(slicesFor({offset: 6, limit: 4}, counts, true), [
			{from: 'present', offset: 6, limit: 2},
			{from: 'all', offset: 0, limit: 2},
		]);
		assert.deepEqual(slicesFor({offset: 6, limit: 4}, counts, false), [
			{from: 'present', offset: 6, limit: 2},
			{from: 'all', offset: 8, limit: 2},
		]);
		assert.deepEqual(slicesFor({offset: 10, limit: 4}, counts, true), [{from: 'all', offset: 2, limit: 3}]);
		assert.deepEqual(slicesFor({offset: 0, limit: 4}, counts, true), [{from: 'present', offset: 0, limit: 4}]);
		assert.deepEqual(slicesFor({offset: 0, limit: 4}, {present: 0, total: 3}, true), [{from: 'all', offset: 0, limit: 3}]);
	});
});

describe('2.x: run ids matched by windsock among the newest runs, and said', () => {
	let server: FakeServer;
	const runs = Array.from({length: 1000}, (_, i) => ({dag_id: i % 2 ? 'etl' : 'load', dag_run_id: `${i % 3 ? 'scheduled' : 'manual'}__${String(i).padStart(4, '0')}`, state: 'failed'}));
	before(async () => {
		server = await fakeServer(
			asAirflow2(request => {
				const url = new URL(request.url, 'http://x');
				if (url.pathname !== '/api/v1/dags/~/dagRuns') return {status: 404, body: {}};
				const offset = Number(url.searchParams.get('offset'));
				const limit = Math.min(100, Number(url.searchParams.get('limit')));
				return {body: {dag_runs: runs.slice(offset, offset + limit), total_entries: runs.length}};
			}),
		);
	});
	after(() => server.close());

	it(`reads at most ${RUN_SCAN_LIMIT} runs, matches there, pages the matches, and never sends a pattern`, async () => {
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't'});
		assert.equal(client.matchesRunPatterns, false);
		const page = await client.listRuns({runIdPattern: 'manual', dagIdPattern: 'load', states: ['failed'], offset: 10, limit: 5});
		assert.equal(page.matchedAmong, RUN_SCAN_LIMIT);
		// among runs 0..299: manual (i % 3 == 0) of DAG load (even i) -> i % 6 == 0: 50 runs
		assert.equal(page.total, 50);
		assert.deepEqual(
			page.items.map(r => r.runId),
			['manual__0060', 'manual__0066', 'manual__0072', 'manual__0078', 'manual__0084'],
		);
		const lists = server.seen.filter(r => r.url.includes('/dagRuns')).map(r => new URL(r.url, 'http://x'));
		assert.equal(lists.length, 3, 'three pages of 100');
		assert.ok(lists.every(u => !u.searchParams.has('run_id_pattern') && u.searchParams.getAll('state').join() === 'failed'));
	});
});
