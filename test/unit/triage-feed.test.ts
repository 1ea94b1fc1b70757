// Triage's requests: a first look asks every group at once (the screen is whole after the
// slowest group, not after the three in turn), a group that fails keeps its facts as last
// fetched, and the reads sent while the console loads are taken once, by their own client.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import type {DagRun, Health} from '../../source/airflow/model.js';
import {startEarlyReads, takeEarlyHealth, takeEarlyTriage} from '../../source/live/early-start.js';
import {fetchAllGroups, fetchGroup, type TriageFacts} from '../../source/live/triage-feed.js';

const run = (dagId: string, state: string): DagRun => ({
	dagId,
	runId: `${dagId}-1`,
	state,
	runType: 'scheduled',
	logicalDate: null,
	runAfter: '2026-01-02T11:00:00Z',
	startDate: '2026-01-02T11:00:00Z',
	endDate: null,
	queuedAt: null,
	conf: {},
	note: null,
});

const healthy = {status: 'healthy', latestHeartbeat: '2026-01-02T12:00:00Z'};
const HEALTH = {metadatabase: {status: 'healthy'}, scheduler: healthy, triggerer: healthy, dagProcessor: healthy} as unknown as Health;

type Call = {name: string; answer: (value: unknown) => void; fail: (error: Error) => void};

/** A client whose every request waits until the test answers it, by name, in the order it likes. */
function heldClient() {
	const calls: Call[] = [];
	const held =
		(name: string) =>
		(..._args: unknown[]) =>
			new Promise((resolve, reject) => calls.push({name, answer: resolve, fail: reject}));
	const client = {
		listRuns: (query: {states?: string[]}, ...rest: unknown[]) => held(query.states?.includes('failed') ? 'failed runs' : 'active runs')(query, ...rest),
		listTaskInstancesAcrossRuns: held('failed tasks'),
		listImportErrors: held('import errors'),
		listDagsByLatestRunState: held('latest failed'),
		recentRunsOf: held('recent runs'),
		health: held('health'),
	} as unknown as AirflowClient;
	const answer = (name: string, value: unknown) => {
		const call = calls.find(candidate => candidate.name === name);
		assert.ok(call, `no request for ${name}; sent: ${calls.map(c => c.name).join(', ')}`);
		calls.splice(calls.indexOf(call), 1);
		call.answer(value);
	};
	const fail = (name: string, error: Error) => {
		const call = calls.find(candidate => candidate.name === name)!;
		calls.splice(calls.indexOf(call), 1);
		call.fail(error);
	};
	return {client, calls, answer, fail};
}

const turn = () => new Promise(resolve => setImmediate(resolve));

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

describe('reads sent while the console loads', () => {
	it('are taken once, by the client they were sent with, with the health Triage is judged by', async () => {
		const {client, answer} = heldClient();
		const other = heldClient().client;
		startEarlyReads(client, new AbortController().signal);
		await turn();
		answer('health', HEALTH);
		for (const name of ['failed runs', 'failed tasks', 'import errors', 'latest failed']) answer(name, name === 'import errors' ? [] : {items: []});
		answer('active runs', {items: []});
		assert.equal(takeEarlyHealth(other), undefined);
		assert.equal(takeEarlyTriage(other), undefined);
		assert.equal(await takeEarlyHealth(client), HEALTH);
		assert.equal(takeEarlyHealth(client), undefined);
		const triage = await takeEarlyTriage(client);
		assert.equal(triage?.health, HEALTH);
		assert.equal(triage?.facts.windowLabel, '24h');
		assert.deepEqual(triage?.facts.failedRuns, []);
		assert.equal(takeEarlyTriage(client), undefined);
	});

	it('a health read that fails still hands Triage its facts', async () => {
		const {client, answer, fail} = heldClient();
		startEarlyReads(client, new AbortController().signal);
		await turn();
		fail('health', new Error('timed out'));
		for (const name of ['failed runs', 'failed tasks', 'latest failed', 'active runs']) answer(name, {items: []});
		answer('import errors', []);
		await assert.rejects(takeEarlyHealth(client)!, /timed out/);
		const triage = await takeEarlyTriage(client);
		assert.equal(triage?.health, undefined);
		assert.deepEqual(triage?.facts.activeRuns, []);
	});
});
