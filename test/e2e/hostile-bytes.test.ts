// Hostile strings in every field, judged on the raw bytes (#11). A fake Airflow 3.x
// (test/support/hostile-upstream.ts) puts escape sequences (CSI, OSC 0/2/8/52, DCS, APC, PM,
// SOS, 7- and 8-bit), raw C1, DEL, bidi, zero-width and line-separator characters, and
// 100,000-character strings into every string a pane or a command shows. The real binary runs
// under a pty (util-linux `script`) and every byte it writes is judged
// (test/support/terminal-bytes.ts): only windsock's own CSI sequences, no other escape, no
// forbidden character, no payload word.
// Matrix: 19 console views in one walk (11 panes, a DAG's runs, a run's tasks, its timeline,
// a task's log, the grid, the trigger dialog, the Variable and Connection editors) + 20
// command cells (13 table forms piped, 7 --json forms) = 39 cells.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {fakeServer, type FakeServer} from '../support/fake-server.js';
import {hostileUpstream, IDS} from '../support/hostile-upstream.js';
import {RawPty} from '../support/raw-pty.js';
import {runCli} from '../support/run-cli.js';
import {describeFindings, terminalFindings} from '../support/terminal-bytes.js';

let server: FakeServer;
const unanswered: string[] = [];
before(async () => {
	server = await fakeServer(hostileUpstream(unanswered));
});
after(() => server.close());

describe('hostile strings: the console', () => {
	it("every pane, a run, its tasks, timeline, log and grid, and the dialogs write only windsock's own sequences", async () => {
		const pty = new RawPty(['--refresh', '30'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
		try {
			const step = async (keys: string, shows: RegExp, what: string) => {
				pty.keys(keys);
				await pty.waitFor(shows, what);
			};
			await pty.waitFor(/hx-dag/, 'Triage');
			await step('2', /dag_processor/, 'Health');
			await step('4', /hx-run/, 'Runs');
			await step('3', /hx-schedule/, 'DAGs');
			await step('t', /Trigger/, 'the trigger dialog');
			await step('\u001b', /hx-schedule/, 'DAGs again');
			await step('\r', /hx-run/, "the DAG's runs");
			await step('\r', /hx-operator/, "the run's tasks");
			await step('T', /timeline/, 'the timeline');
			await step('T', /hx-operator/, "the run's tasks again");
			const log = pty.position();
			await step('\r', /\d+ lines\s+complete/, 'the log');
			// the log opens at its end or its top; g (harmless to repeat, a key read before the
			// log binds its keys is pressed again) shows the top and its 100,000-character line
			for (let attempt = 0; ; attempt++) {
				pty.keys('g');
				try {
					await pty.waitFor(/hx-log-long/, "the log's top", 3, log);
					break;
				} catch (error) {
					if (attempt === 3) throw error;
				}
			}
			await step('\u001b', /hx-operator/, "the run's tasks from the log");
			await step('\u001b', /hx-type/, "the DAG's runs again");
			await step('H', /hx-task/, 'the grid');
			await step('5', /hx-long-var/, 'Variables');
			await step('e', /hx-var-description|hx-value/, 'the Variable editor');
			await step('\u001b', /hx-long-var/, 'Variables again');
			await step('6', /hx-conn/, 'Connections');
			await step('e', /hx-login/, 'the Connection editor');
			await step('\u001b', /hx-conn/, 'Connections again');
			await step('7', /hx-pool/, 'Pools');
			await step('8', /hx-broken/, 'Import errors');
			await step('9', /hx-option/, 'Config');
			// panes 10 and 11 have no number key: `:` goes to one by name, Tab to the next
			await step(':', /:/, 'the go-to line');
			await step('providers\r', /hx-provider/, 'Providers');
			await step('\t', /Environments|profile/i, 'Environments');
			assert.equal(await pty.quit(), 0);
		} finally {
			pty.child.kill();
		}
		const findings = terminalFindings(pty.bytes());
		assert.equal(findings.length, 0, `the console wrote what no server string may bring:\n${describeFindings(findings)}`);
		assert.deepEqual(unanswered, [], 'requests the hostile server had no answer for (a view left untested)');
	});
});

// ---- the commands ----

type CommandCell = {
	args: string[];
	/** what stdout shows when the hostile answer was read (the label before the attacks) */
	shows: RegExp;
	/** --json: a value that must come out exactly as the server sent it */
	keeps?: string;
};

const COMMANDS: CommandCell[] = [
	{args: ['dags'], shows: /hx-dag/},
	{args: ['dags', '--json'], shows: /hx-dag/, keeps: IDS.dag},
	{args: ['runs', IDS.dag], shows: /hx-run/},
	{args: ['runs', IDS.dag, '--json'], shows: /hx-run/, keeps: IDS.run},
	{args: ['runs', '--all'], shows: /hx-run/},
	{args: ['tasks', IDS.dag, IDS.run], shows: /hx-task/},
	{args: ['tasks', IDS.dag, IDS.run, '--json'], shows: /hx-task/, keeps: IDS.task},
	{args: ['logs', IDS.dag, IDS.run, IDS.task], shows: /hx-log-long/},
	{args: ['variables', 'list'], shows: /hx-var/},
	{args: ['variables', 'list', '--json'], shows: /hx-var/, keeps: IDS.variable},
	{args: ['variables', 'get', IDS.variable], shows: /hx-value/},
	{args: ['connections', 'list'], shows: /hx-conn/},
	{args: ['connections', 'list', '--json'], shows: /hx-conn/, keeps: IDS.connection},
	{args: ['connections', 'get', IDS.connection], shows: /hx-login/},
	{args: ['config'], shows: /hx-option/},
	{args: ['config', '--json'], shows: /hx-option/},
	{args: ['failures'], shows: /hx-failed-run[\s\S]*hx-broken/},
	{args: ['failures', '--json'], shows: /hx-failed-run[\s\S]*hx-broken/, keeps: IDS.failedRun},
	{args: ['status'], shows: /3\.3\.2/},
	{args: ['health'], shows: /triggerer|TRIGGERER|AIRFLOW/},
];

/** A stack trace or a raw exception is a failed cell whatever else it says. */
const STACK = /^\s+at .+:\d+:\d+\)?$|\b(TypeError|RangeError|SyntaxError|ReferenceError): |Unhandled|node:internal/m;

describe('hostile strings: the commands', {concurrency: 4}, () => {
	for (const command of COMMANDS) {
		const name = command.args.map(arg => arg.replace(/[^\x20-\x7e]+[\s\S]*/, '')).join(' ');
		it(`${name}: piped, ${command.keeps === undefined && !command.args.includes('--json') ? 'no escape at all' : 'JSON with C1 and DEL escaped, values kept'}`, async () => {
			const result = await runCli([...command.args, '--request-timeout', '10'], {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'});
			const output = `${result.stdout}${result.stderr}`;
			assert.doesNotMatch(output, STACK, output.slice(0, 2000));
			// (failures names import errors on stderr)
			assert.match(output, command.shows, `exit ${result.code}: ${output.slice(0, 1000)}`);
			// piped, a table has no colour: not one ESC, from windsock or from the server
			const findings = terminalFindings(Buffer.from(output), /pwned/g);
			assert.equal(findings.length + (output.includes('\u001b') ? 1 : 0), 0, `${describeFindings(findings)}\n${output.includes('\u001b') ? 'an ESC' : ''}`);
			if (command.args.includes('--json')) {
				// valid JSON whose strings are the server's, unchanged: the escaping is JSON's, not a loss
				const parsed: unknown = JSON.parse(result.stdout);
				if (command.keeps) assert.ok(JSON.stringify(parsed).includes(JSON.stringify(command.keeps)), `${JSON.stringify(command.keeps)} not kept in:\n${result.stdout.slice(0, 1000)}`);
			}
		});
	}
});
