// The fault matrix (#11) in front of the real test servers: the same 16 faults of the
// project's proxy (test/support/fault-proxy.ts), now between windsock and real Airflow 3.x and
// 2.x, so real logins (3.x: POST /auth/token, faulted too), real bodies and real paging pass
// through it. The fake upstream (fault-matrix.test.ts) keeps the columns a real server cannot
// serve on demand.
// Matrix: commands (health, dags, runs, variables list, logs) x 16 faults x 2 servers = 160
// cells, + 2 console panes (DAGs, Runs) x 16 faults on 3.x = 32 cells: 192 cells. Each: no
// crash, and the fault named in one line (a command: exit 1, health 3) or the answer read as
// the server gave it. Recovery is asserted where there is state to recover (the console: the
// same pane shows its data again once the fault stops); a command is a new process, and its
// answer through the proxy without a fault is each column's baseline.
// Compressed: --request-timeout 1 under a fault, six commands and both consoles at once.
// Skipped, with the reason, when no real servers are given (WINDSOCK_TEST_SERVERS).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import {FaultConsole} from '../support/fault-console.js';
import {FAULTS, faultProxy, type FaultProxy} from '../support/fault-proxy.js';
import {assertNamedInOneLine, limiter, SAYS, STACK} from '../support/fault-says.js';
import {runCli, type CliResult} from '../support/run-cli.js';
import {adminClient, testLines, testServer, type TestServer} from '../support/test-servers.js';

const SKIP = process.env['WINDSOCK_TEST_SERVERS'] ? false : 'no real test servers: WINDSOCK_TEST_SERVERS is not set (npm test starts them)';

/** Names of this file's own things on the shared servers. */
const TAG = `ws_matrix_real_${process.pid}`;
const RUN_ID = `${TAG}_run`;
const VARIABLE = `${TAG}_var`;

const slot = limiter(6);
const proxies: FaultProxy[] = [];
after(async () => {
	await Promise.all(proxies.map(proxy => proxy.close()));
});

async function proxyTo(server: TestServer): Promise<FaultProxy> {
	const proxy = await faultProxy(server.url);
	proxies.push(proxy);
	return proxy;
}

/** The admin's settings through the proxy: the password in the environment, never in argv. */
const envFor = (server: TestServer, url: string) => ({WINDSOCK_URL: url, WINDSOCK_USERNAME: server.admin.username, WINDSOCK_PASSWORD: server.admin.password});

/** --request-timeout under a fault: what a black hole waits, and enough for a busy real 2.x to answer the version probe the proxy lets through */
const FAULT_TIMEOUT = 5;

/** data: what stdout shows without a fault */
type CommandColumn = {name: string; args: string[]; failCode: number; data?: RegExp};

const COMMANDS: CommandColumn[] = [
	{name: 'health', args: ['health'], failCode: 3, data: /^AIRFLOW (OK|WARNING|CRITICAL)/},
	{name: 'dags', args: ['dags', '--pattern', 'ws_'], failCode: 1, data: /ws_succeed/},
	{name: 'runs', args: ['runs', 'ws_succeed'], failCode: 1, data: new RegExp(RUN_ID)},
	{name: 'variables list', args: ['variables', 'list'], failCode: 1, data: new RegExp(`${VARIABLE}\\s+matrix-value`)},
	// this file's run, marked failed as soon as it is made, so its task never runs and its log
	// answer stays the same all through the file (left queued, another test's unpause ran it
	// between the baseline and a cell, and the exit changed under them): the unfaulted exit is the data
	{name: 'logs', args: ['logs', 'ws_succeed', RUN_ID, 'hello'], failCode: 1},
];

describe('fault matrix on the real servers', {skip: SKIP, concurrency: true}, () => {
	for (const line of testLines()) {
		describe(`fault matrix on real Airflow ${line}.x: the commands`, {concurrency: true}, () => {
			let server: TestServer;
			let client: AirflowClient;
			/** each command's answer without a fault, through the proxy: what a usable fault must give */
			const baseline = new Map<string, CliResult>();
			before(async () => {
				server = testServer(line);
				client = await adminClient(server);
				// a run and a Variable of this file's own (ws_succeed is left paused or not, as found)
				await client.trigger('ws_succeed', {runId: RUN_ID, note: 'fault matrix'});
				await client.setRunState('ws_succeed', RUN_ID, 'failed');
				await client.createVariable({key: VARIABLE, value: 'matrix-value', description: null});
				await Promise.all(
					COMMANDS.map(command =>
						slot(async () => {
							const proxy = await proxyTo(server);
							baseline.set(command.name, await runCli([...command.args, '--request-timeout', '20'], envFor(server, proxy.url)));
						}),
					),
				);
			});
			after(async () => {
				await client?.deleteVariable(VARIABLE).catch(() => undefined);
			});

			for (const command of COMMANDS) {
				for (const fault of FAULTS) {
					it(`${command.name} under ${fault}`, () =>
						slot(async () => {
							const proxy = await proxyTo(server);
							const env = envFor(server, proxy.url);
							const usual = baseline.get(command.name)!;
							// without a fault, each column shows its own thing, by name
							if (command.data) assert.match(usual.stdout, command.data, `without a fault:\n${usual.stdout}${usual.stderr}`);
							proxy.set(fault);
							const says = SAYS[fault];
							// a usable answer is read in full, however long a busy server takes
							const result = await runCli([...command.args, '--request-timeout', says ? String(FAULT_TIMEOUT) : '20'], env);
							const output = `${result.stdout}${result.stderr}`;
							assert.doesNotMatch(output, STACK, output);
							assert.ok(proxy.injected > 0, `the fault was never met:\n${output}`);
							if (says) {
								assertNamedInOneLine(command, result, says);
							} else {
								// read as without the fault: the same exit, and the column's own data
								assert.equal(result.code, usual.code, `under ${fault}:\n${output}\nwithout:\n${usual.stdout}${usual.stderr}`);
								if (command.data) assert.match(result.stdout, command.data);
							}
						}));
				}
			}
		});
	}

	// ---- the console, on real 3.x ----

	/** The console's --request-timeout under a fault: short, and enough for a busy real server. */
	const CONSOLE_TIMEOUT = 3;

	const PANES = [
		{name: 'real-dags', open: '3', data: /ws_escape\s/},
		{name: 'real-runs', open: '4', data: /\bws_(succeed|fail|params|escape|many_\d+)\s/},
	];

	// on 3.x only: skipped in test/run.ts's 2.x lane, run in its 3.x lane
	describe('fault matrix on real Airflow 3.x: the console', {concurrency: true, skip: !testLines().includes(3) && 'no 3.x server in this lane'}, () => {
		for (const pane of PANES) {
			it(`${pane.name}: every fault is named on screen, survived, and recovered from`, async () => {
				const server = testServer(3);
				const proxy = await proxyTo(server);
				const screen = new FaultConsole(pane.name, envFor(server, proxy.url), CONSOLE_TIMEOUT);
				try {
					await screen.until('the console', text => /1 Triage/.test(text), 60);
					screen.keys(pane.open);
					await screen.until(`${pane.name}'s data`, text => pane.data.test(text), 60);
					for (const fault of FAULTS) {
						const says = SAYS[fault];
						proxy.set(fault);
						const before = proxy.injected;
						screen.keys('r');
						if (says) {
							const faulted = await screen.until(`${fault} named`, text => proxy.injected > before && says.test(text));
							assert.match(faulted, pane.data, `${pane.name} lost its rows under ${fault}`);
						} else {
							await screen.until(`${fault} read`, text => proxy.injected > before && pane.data.test(text), 40);
						}
						proxy.set(undefined);
						screen.keys('r');
						await screen.until(`recovery after ${fault}`, text => pane.data.test(text) && !(says ?? /$^/).test(text) && !/\? no answer/.test(text), 40);
					}
				} finally {
					screen.close();
				}
			});
		}
	});
});
