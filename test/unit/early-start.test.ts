// The reads sent while the console loads (the header's health, Triage's first look): taken
// once, by the client they were sent with; a health read that fails or hangs never holds
// Triage's facts back.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {startEarlyReads, takeEarlyHealth, takeEarlyTriage} from '../../source/live/early-start.js';
import {HEALTH, heldClient, turn} from '../support/held-client.js';

const answerLists = (answer: (name: string, value: unknown) => void) => {
	for (const name of ['failed runs', 'failed tasks', 'latest failed', 'active runs']) answer(name, {items: []});
	answer('import errors', []);
};

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

	it('a health read that hangs does not hold Triage back', async () => {
		const {client, answer} = heldClient();
		startEarlyReads(client, new AbortController().signal);
		await turn();
		answerLists(answer);
		const triage = await takeEarlyTriage(client);
		assert.equal(triage?.health, undefined);
		assert.deepEqual(triage?.facts.failedRuns, []);
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
