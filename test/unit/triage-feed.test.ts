// Triage's requests: a first look asks every group at once, and is shown after their first
// round trip (the failures do not wait for the medians of the DAGs running now, a second
// one); a group that fails keeps its facts as last fetched.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fetchGroup, sweepGroups, type TriageFacts} from '../../source/live/triage-feed.js';
import {heldClient, run, turn} from '../support/held-client.js';

describe('Triage requests', () => {
	it('a first look sends every group’s first requests before any answer', async () => {
		const {client, calls, answer} = heldClient();
		const sweep = sweepGroups(client, '2026-01-01T12:00:00Z');
		await turn();
		assert.deepEqual(calls.map(call => call.name).sort(), ['active runs', 'failed runs', 'failed tasks', 'import errors', 'latest failed']);
		answer('failed runs', {items: [run('etl', 'failed')]});
		answer('failed tasks', {items: []});
		answer('import errors', []);
		answer('latest failed', {items: [{dagId: 'etl'}]});
		answer('active runs', {items: [run('load', 'running'), run('load', 'running'), run('wait', 'queued')]});
		// in after one round trip: the medians of the DAGs running now are asked, not waited for
		const facts = (await sweep.first)({errors: {}});
		assert.equal(facts.recentRuns, undefined);
		await turn();
		assert.deepEqual(calls.at(-1)?.name, 'recent runs');
		assert.deepEqual(calls.at(-1)?.args[0], ['load'], 'each DAG running now once; a queued one has no run to time');
		const medians = new Map([['load', [run('load', 'success')]]]);
		answer('recent runs', medians);
		const update = await sweep.medians;
		assert.equal(update?.({errors: {}}).recentRuns, medians);
		assert.deepEqual(
			facts.failedRuns?.map(r => r.dagId),
			['etl'],
		);
		assert.deepEqual([...(facts.latestFailed?.keys() ?? [])], ['etl']);
		assert.deepEqual(
			facts.activeRuns?.map(r => r.dagId),
			['load', 'load', 'wait'],
		);
		assert.deepEqual(facts.errors, {});
	});

	it('a group that fails keeps its facts as last fetched and says why; the others are new', async () => {
		const {client, answer, fail} = heldClient();
		const before: TriageFacts = {failedRuns: [run('old', 'failed')], failedTasks: [], importErrors: [], errors: {activity: 'timed out'}};
		const sweep = sweepGroups(client, '2026-01-01T12:00:00Z');
		await turn();
		fail('failed runs', new Error('500 Internal Server Error'));
		answer('failed tasks', {items: []});
		answer('import errors', [{id: 1, filename: 'broken.py', stackTrace: 'x', timestamp: null}]);
		answer('latest failed', {items: []});
		answer('active runs', {items: []});
		const facts = (await sweep.first)(before);
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

	it('medians that fail keep the active runs and the medians had, and say why under activity', async () => {
		const {client, answer, fail} = heldClient();
		const had = new Map([['load', [run('load', 'success')]]]);
		const sweep = sweepGroups(client, '2026-01-01T12:00:00Z');
		await turn();
		answer('failed runs', {items: []});
		answer('failed tasks', {items: []});
		answer('import errors', []);
		answer('latest failed', {items: []});
		answer('active runs', {items: [run('load', 'running')]});
		const facts = (await sweep.first)({errors: {}, recentRuns: had});
		assert.equal(facts.recentRuns, had, 'the medians had stay till new ones come');
		await turn();
		fail('recent runs', new Error('503 Service Unavailable'));
		const after = (await sweep.medians)!(facts);
		assert.equal(after.activeRuns?.length, 1);
		assert.equal(after.recentRuns, had);
		assert.match(after.errors.activity ?? '', /503/);
	});

	it('nothing running: no medians to ask, and no change to judge again', async () => {
		const {client, calls, answer} = heldClient();
		const sweep = sweepGroups(client, '2026-01-01T12:00:00Z');
		await turn();
		for (const name of ['failed runs', 'failed tasks', 'latest failed']) answer(name, {items: []});
		answer('import errors', []);
		answer('active runs', {items: [run('wait', 'queued')]});
		assert.equal(await sweep.medians, undefined);
		assert.deepEqual(calls, [], 'no medians request');
	});

	it('what a fetch brings goes into the facts as they are when it lands, not as they were when it was sent', async () => {
		const {client, answer} = heldClient();
		const tick = fetchGroup(client, 'failures', '2026-01-01T12:00:00Z');
		await turn();
		// the medians of an earlier sweep land while the tick is out
		const withMedians: TriageFacts = {errors: {}, recentRuns: new Map([['load', []]])};
		answer('failed runs', {items: [run('etl', 'failed')]});
		answer('failed tasks', {items: []});
		const facts = (await tick)(withMedians);
		assert.equal(facts.recentRuns, withMedians.recentRuns);
		assert.equal(facts.failedRuns?.length, 1);
	});

	it('one group at a time asks only that group', async () => {
		const {client, calls, answer} = heldClient();
		const one = fetchGroup(client, 'standing', '2026-01-01T12:00:00Z');
		await turn();
		assert.deepEqual(calls.map(call => call.name).sort(), ['import errors', 'latest failed']);
		answer('import errors', []);
		answer('latest failed', {items: []});
		assert.deepEqual((await one)({errors: {}}).importErrors, []);
	});
});
