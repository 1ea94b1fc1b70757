// Triage's requests: a first look asks every group at once (the screen is whole after the
// slowest group, not after the three in turn), and a group that fails keeps its facts as last
// fetched.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fetchAllGroups, fetchGroup, type TriageFacts} from '../../source/live/triage-feed.js';
import {heldClient, run, turn} from '../support/held-client.js';

describe('Triage requests', () => {
	it('a first look sends every group’s first requests before any answer', async () => {
		const {client, calls, answer} = heldClient();
		const sweep = fetchAllGroups(client, {errors: {}}, '2026-01-01T12:00:00Z');
		await turn();
		assert.deepEqual(calls.map(call => call.name).sort(), ['active runs', 'failed runs', 'failed tasks', 'import errors', 'latest failed']);
		answer('failed runs', {items: [run('etl', 'failed')]});
		answer('failed tasks', {items: []});
		answer('import errors', []);
		answer('latest failed', {items: [{dagId: 'etl'}]});
		answer('active runs', {items: [run('load', 'running')]});
		await turn();
		// the medians of the DAGs running now, once the active runs are known
		answer('recent runs', new Map([['load', []]]));
		const facts = await sweep;
		assert.deepEqual(
			facts.failedRuns?.map(r => r.dagId),
			['etl'],
		);
		assert.deepEqual([...(facts.latestFailed?.keys() ?? [])], ['etl']);
		assert.deepEqual(
			facts.activeRuns?.map(r => r.dagId),
			['load'],
		);
		assert.deepEqual(facts.errors, {});
	});

	it('a group that fails keeps its facts as last fetched and says why; the others are new', async () => {
		const {client, answer, fail} = heldClient();
		const before: TriageFacts = {failedRuns: [run('old', 'failed')], failedTasks: [], importErrors: [], errors: {activity: 'timed out'}};
		const sweep = fetchAllGroups(client, before, '2026-01-01T12:00:00Z');
		await turn();
		fail('failed runs', new Error('500 Internal Server Error'));
		answer('failed tasks', {items: []});
		answer('import errors', [{id: 1, filename: 'broken.py', stackTrace: 'x', timestamp: null}]);
		answer('latest failed', {items: []});
		answer('active runs', {items: []});
		const facts = await sweep;
		assert.deepEqual(
			facts.failedRuns?.map(r => r.dagId),
			['old'],
		);
		assert.equal(facts.importErrors?.length, 1);
		assert.match(facts.errors.failures ?? '', /500/);
		// activity answered this time: its old error is gone
		assert.equal(facts.errors.activity, undefined);
		// the facts given are not changed in place
		assert.equal(before.importErrors?.length, 0);
	});

	it('one group at a time asks only that group', async () => {
		const {client, calls, answer} = heldClient();
		const one = fetchGroup(client, 'standing', {errors: {}}, '2026-01-01T12:00:00Z');
		await turn();
		assert.deepEqual(calls.map(call => call.name).sort(), ['import errors', 'latest failed']);
		answer('import errors', []);
		answer('latest failed', {items: []});
		assert.deepEqual((await one).importErrors, []);
	});
});
