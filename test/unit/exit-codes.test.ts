// Exit codes keep "you typed it wrong" (2) apart from "the server has nothing" (1).
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {runCli} from '../support/run-cli.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

let server: FakeServer;
after(async () => server?.close());

describe('exit codes', () => {
	it('logs DAG latest TASK on a DAG with no runs exits 1, with a message', async () => {
		server = await fakeServer(
			asAirflow3(request => {
				if (/^\/api\/v2\/dags\/quiet\/dagRuns(\?|$)/.test(request.url)) return {body: {dag_runs: [], total_entries: 0}};
				return {status: 404, body: {detail: 'Not Found'}};
			}),
		);
		const env = {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'};
		const result = await runCli(['logs', 'quiet', 'latest', 'task'], env);
		assert.equal(result.code, 1, result.stderr);
		assert.match(result.stderr, /quiet has no runs/);
		// a missing argument is still a usage error
		assert.equal((await runCli(['logs', 'quiet', 'latest'], env)).code, 2);
		// so is a malformed flag
		assert.equal((await runCli(['logs', 'quiet', 'latest', 'task', '--try', 'x'], env)).code, 2);
		// a task the server does not know: the server has nothing
		assert.equal((await runCli(['logs', 'quiet', 'r1', 'task'], env)).code, 1);
	});
});
