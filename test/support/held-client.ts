// A fake AirflowClient for the Triage request tests: every request waits until the test
// answers it, by name, in the order the test likes; what was asked, and when, is the point.
import assert from 'node:assert/strict';
import type {AirflowClient} from '../../source/airflow/client.js';
import type {DagRun, Health} from '../../source/airflow/model.js';

export const run = (dagId: string, state: string): DagRun => ({
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
export const HEALTH = {metadatabase: {status: 'healthy'}, scheduler: healthy, triggerer: healthy, dagProcessor: healthy} as unknown as Health;

type Call = {name: string; args: unknown[]; answer: (value: unknown) => void; fail: (error: Error) => void};

/** A client whose every request waits until the test answers it, by name, in the order it likes. */
export function heldClient() {
	const calls: Call[] = [];
	const held =
		(name: string) =>
		(...args: unknown[]) =>
			new Promise((resolve, reject) => calls.push({name, args, answer: resolve, fail: reject}));
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

export const turn = () => new Promise(resolve => setImmediate(resolve));
