// The fault matrix (#11): one table, faults x (the console's panes and the main commands),
// driven through a fault-injecting proxy of the project's own (test/support/fault-proxy.ts)
// in front of the project's fake Airflow 3.x (test/support/fault-upstream.ts). Each cell
// asserts what the user sees:
// - the console (the real binary in tmux, 80x24): it stays alive, the screen names the
//   failure in a readable line (never a stack trace), the last rows stay, and once the fault
//   stops the pane shows its data again without the error;
// - a command: the documented exit code (health 3 UNKNOWN, the others 1) and one readable
//   line on stderr; a huge body is read and the command succeeds.
// Compressed: --request-timeout 1 and --refresh 1, every pane in its own tmux session and
// proxy, all at once; the commands a few at a time.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {fakeServer, type FakeServer} from '../support/fake-server.js';
import {FAULTS, faultProxy, type Fault, type FaultProxy} from '../support/fault-proxy.js';
import {faultUpstream} from '../support/fault-upstream.js';
import {FaultConsole} from '../support/fault-console.js';
import {assertNamedInOneLine, limiter, SAYS, STACK} from '../support/fault-says.js';
import {runCli} from '../support/run-cli.js';

const upstreams: FakeServer[] = [];
const proxies: FaultProxy[] = [];
after(async () => {
	await Promise.all(proxies.map(proxy => proxy.close()));
	await Promise.all(upstreams.map(upstream => upstream.close()));
});

async function chain(): Promise<FaultProxy> {
	const upstream = await fakeServer(faultUpstream());
	upstreams.push(upstream);
	const proxy = await faultProxy(upstream.url);
	proxies.push(proxy);
	return proxy;
}

// ---- the console ----

const slot = limiter(6);
const consoles = limiter(3);

/** The console's --request-timeout: short, but long enough for a busy two-core machine. */
const TIMEOUT_SECONDS = 2;
type PaneColumn = {
	name: string;
	/** keys that show the pane from the console's start */
	open: string[];
	/** the pane's own data, from the fake upstream */
	data: RegExp;
	/** how the pane asks again: r (every poll on screen), or leave and open again (a finished log) */
	again: 'r' | 'reopen';
};

// Each pane's data as only that pane draws it: the header says "scheduler ● healthy" and
// Triage lists etl_0004 too, so looser patterns matched the screen before the pane was shown
// (the dags column then set its fault before the DAGs' first page had come)
const PANES: PaneColumn[] = [
	{name: 'triage', open: ['1'], data: /✖ failed\s+etl_0001/, again: 'r'},
	{name: 'health', open: ['2'], data: /\n {2}scheduler {2,}● healthy/, again: 'r'},
	{name: 'dags', open: ['3'], data: /etl_0004 +▶ on/, again: 'r'},
	{name: 'runs', open: ['4'], data: /✖ failed\s+etl_0001\s+r0/, again: 'r'},
	{name: 'variables', open: ['5'], data: /matrix_region\s+eu-west-1/, again: 'r'},
	{name: 'log', open: ['1', 'Enter'], data: /matrix-log-line/, again: 'reopen'},
];

describe('fault matrix: the console', {concurrency: true}, () => {
	for (const pane of PANES) {
		it(`${pane.name}: every fault is named on screen, survived, and recovered from`, () =>
			consoles(async () => {
				const proxy = await chain();
				const screen = new FaultConsole(pane.name, {WINDSOCK_URL: proxy.url, WINDSOCK_TOKEN: 't'}, TIMEOUT_SECONDS);
				try {
					await screen.until('the console', text => /1 Triage/.test(text), 60);
					screen.keys(...pane.open);
					await screen.until(`${pane.name}'s data`, text => pane.data.test(text), 60);
					for (const fault of FAULTS) {
						const says = SAYS[fault];
						proxy.set(fault);
						const before = proxy.injected;
						if (pane.again === 'r') screen.keys('r');
						else {
							// Esc leads back to the run's task list; Enter opens the log again
							screen.keys('Escape');
							await screen.until("the run's tasks", text => /›\s+✖ failed\s+extract/.test(text));
							screen.keys('Enter');
						}
						if (says) {
							const faulted = await screen.until(`${fault} named`, text => proxy.injected > before && says.test(text));
							// a list keeps its last rows while its request fails
							if (pane.again === 'r' && pane.name !== 'health') assert.match(faulted, pane.data, `${pane.name} lost its rows under ${fault}`);
						} else {
							await screen.until(`${fault} read`, text => proxy.injected > before && pane.data.test(text));
						}
						proxy.set(undefined);
						if (pane.again === 'r') screen.keys('r');
						else {
							// Esc leads back to the run's task list; Enter opens the log again
							screen.keys('Escape');
							await screen.until("the run's tasks", text => /›\s+✖ failed\s+extract/.test(text));
							screen.keys('Enter');
						}
						await screen.until(`recovery after ${fault}`, text => pane.data.test(text) && !(says ?? /$^/).test(text) && !/\? no answer/.test(text));
					}
				} finally {
					screen.close();
				}
			}));
	}
});

// ---- the commands ----

type CommandColumn = {name: string; args: string[] /** exit code under a fault */; failCode: number /** stdout when it works */; data: RegExp};

const COMMANDS: CommandColumn[] = [
	{name: 'health', args: ['health'], failCode: 3, data: /^AIRFLOW OK/},
	{name: 'dags', args: ['dags'], failCode: 1, data: /etl_0004/},
	{name: 'runs', args: ['runs', 'etl_0001'], failCode: 1, data: /r0/},
	{name: 'variables list', args: ['variables', 'list'], failCode: 1, data: /matrix_region\s+eu-west-1/},
	{name: 'logs', args: ['logs', 'etl_0001', 'r0', 'extract'], failCode: 1, data: /matrix-log-line/},
];

describe('fault matrix: the commands', {concurrency: true}, () => {
	for (const command of COMMANDS) {
		for (const fault of FAULTS) {
			it(`${command.name} under ${fault}`, () =>
				slot(async () => {
					const proxy = await chain();
					const env = {WINDSOCK_URL: proxy.url, WINDSOCK_TOKEN: 't'};
					proxy.set(fault);
					// 10 MB must be read, not timed out, on a busy two-core machine
					const timeout = fault === 'huge body' ? '20' : '1';
					const result = await runCli([...command.args, '--request-timeout', timeout], env);
					const says = SAYS[fault];
					const output = `${result.stdout}${result.stderr}`;
					assert.doesNotMatch(output, STACK, output);
					assert.ok(proxy.injected > 0, `the fault was never met:\n${output}`);
					if (says) {
						assertNamedInOneLine(command, result, says);
					} else {
						assert.equal(result.code, 0, output);
						assert.match(result.stdout, command.data);
					}
					// and once the fault stops, the same command works
					proxy.set(undefined);
					const recovered = await runCli([...command.args, '--request-timeout', '5'], env);
					assert.equal(recovered.code, 0, recovered.stderr);
					assert.match(recovered.stdout, command.data);
				}));
		}
	}
});

// ---- a write under a fault: sent once, never again ----

/** The faults after which a write may have happened: a retry could apply it twice. */
const WRITE_FAULTS: Fault[] = ['500', '502 html', '503', 'black hole', 'reset', 'slow drip', 'garbage json', 'truncated json'];

describe('fault matrix: a write', {concurrency: true}, () => {
	for (const fault of WRITE_FAULTS) {
		it(`variables set under ${fault} is sent once and reported`, () =>
			slot(async () => {
				const proxy = await chain();
				proxy.set(fault, {writesOnly: true});
				const result = await runCli(['variables', 'set', 'matrix_region', 'us-east-1', '--request-timeout', '1'], {WINDSOCK_URL: proxy.url, WINDSOCK_TOKEN: 't'});
				const output = `${result.stdout}${result.stderr}`;
				assert.doesNotMatch(output, STACK, output);
				assert.equal(proxy.writes, 1, `the write was sent ${proxy.writes} times:\n${output}`);
				// an answer that cannot be read after a write that may have happened is still a failure to report
				assert.equal(result.code, 1, output);
				assert.equal(result.stderr.trim().split('\n').length, 1, `one line:\n${result.stderr}`);
			}));
	}
});
