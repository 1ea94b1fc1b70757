// `npm test` (and `npm run record-fixtures`): installs Airflow 2.x and 3.x (cached), starts both on loopback with the
// project's test DAGs, waits until every DAG is parsed, runs every test file against them
// (the 2.x and 3.x files in two lanes at once: runTests below), and stops them. Exit code: the
// first failing node --test's, else 0.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {AirflowClient} from '../source/airflow/client.js';
import {ensureAirflow, type AirflowInstall} from '../source/sandbox/install.js';
import {startServer, type RunningServer} from '../source/sandbox/server.js';
import {AIRFLOW_2, AIRFLOW_3, type AirflowLine} from '../source/sandbox/versions.js';
import {PACKAGE_ROOT} from '../source/version.js';
import {EXPECTED_DAG_COUNT, type TestServer} from './support/test-servers.js';
import {recordFixtures} from './support/record-fixtures.js';

// The tests talk to servers on loopback, in this process and in every node --test child: a
// proxy set on the machine (HTTPS_PROXY, ...) must not carry that traffic. The proxy tests
// set their own environment.
for (const key of Object.keys(process.env)) if (/^(https?|no|all)_proxy$/i.test(key)) delete process.env[key];
// What windsock remembers of servers (source/airflow/server-memory.ts) stays out of the
// user's home: this process connects too (waiting for the DAGs); each lane has its own below.
const runnerState = mkdtempSync(path.join(tmpdir(), 'windsock-state-'));
process.env['WINDSOCK_STATE_DIR'] = runnerState;
process.on('exit', () => rmSync(runnerState, {recursive: true, force: true}));

const TOKEN_SECONDS = 20;
const log = (message: string) => console.log(`[test/run] ${message}`);
const admin = {username: 'admin', password: 'windsock-admin-pw'};
const viewer = {username: 'viewer', password: 'windsock-viewer-pw'};

async function waitForDags(server: RunningServer, timeoutSeconds = 240): Promise<number> {
	const started = Date.now();
	const client = await AirflowClient.connect({baseUrl: server.url, ...admin});
	let total = 0;
	let importErrors = 0;
	while (Date.now() - started < timeoutSeconds * 1000) {
		total = (await client.listDags({limit: 1})).total;
		importErrors = (await client.listImportErrors()).length;
		if (total >= EXPECTED_DAG_COUNT && importErrors >= 1) return (Date.now() - started) / 1000;
		await sleep(2000);
	}
	throw new Error(`Airflow ${server.line}.x parsed ${total} of ${EXPECTED_DAG_COUNT} DAGs and ${importErrors} import errors in ${timeoutSeconds}s`);
}

const running: RunningServer[] = [];

async function bringUp(line: AirflowLine, install: AirflowInstall): Promise<TestServer> {
	const server = await startServer({
		line,
		airflow: install.airflow,
		home: path.join(PACKAGE_ROOT, 'test', '.airflow', `airflow-${line}`),
		dagsFolder: path.join(PACKAGE_ROOT, 'test', 'dags'),
		users: [
			{...admin, role: 'admin'},
			{...viewer, role: 'viewer'},
		],
		exposeConfig: line === 3,
		// short-lived tokens, so the suite meets a real expiry (see "auth" in the contract)
		jwtExpirationSeconds: line === 3 ? TOKEN_SECONDS : undefined,
		// no test edits a DAG file: parse each far less often than the sandbox does (well within
		// the 600 s after which Airflow deactivates a DAG it has not seen)
		parseIntervalSeconds: 120,
		// a parse slowed by a starved machine is waited for, not killed (which deactivated its DAGs)
		parseTimeoutSeconds: 300,
		progress: message => log(message),
	});
	running.push(server);
	log(`${line}.x: healthy at ${server.url} after ${server.startSeconds.toFixed(1)}s`);
	const parseSeconds = await waitForDags(server);
	log(`${line}.x: all ${EXPECTED_DAG_COUNT} DAGs and the import error visible after ${parseSeconds.toFixed(1)}s more`);
	return {
		line,
		version: install.version,
		url: server.url,
		exposeConfig: line === 3,
		tokenSeconds: line === 3 ? TOKEN_SECONDS : null,
		admin,
		viewer,
		logFile: server.logFile,
		pid: server.pid,
		cli: server.cli,
	};
}

/**
 * Test files, a directory given as its *.test.js files (sorted, directories in the order
 * given): Node 20 takes directories after --test, Node 22 and later only files and globs, and
 * users run both.
 */
function testFiles(targets: string[]): string[] {
	const files = (dir: string): string[] =>
		readdirSync(path.join(PACKAGE_ROOT, dir), {withFileTypes: true})
			.sort((a, b) => a.name.localeCompare(b.name))
			.flatMap(entry => (entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.test.js') ? [path.join(dir, entry.name)] : []));
	return targets.flatMap(target => (existsSync(path.join(PACKAGE_ROOT, target)) && statSync(path.join(PACKAGE_ROOT, target)).isDirectory() ? files(target) : [target]));
}

/**
 * One `node --test` over these files against these servers; each output line prefixed when given.
 * Each run has tmux servers of its own (TMUX_TMPDIR, and no $TMUX, which tmux would use first
 * when the tests run inside tmux): a tmux server exits with its last session, and a session
 * started just then on a shared server fails with "server exited unexpectedly". Stop 12's CI
 * failure was that race inside one lane (test/support/tmux.ts asks again); separate servers
 * keep the other lane's sessions out of it.
 */
function nodeTest(files: string[], servers: TestServer[], prefix = ''): Promise<number> {
	const tmuxDir = mkdtempSync(path.join(tmpdir(), 'windsock-tmux-'));
	// and a state directory of its own: what windsock remembers of each server (its API
	// generation, source/airflow/server-memory.ts) stays out of the user's home and the other lane
	const stateDir = mkdtempSync(path.join(tmpdir(), 'windsock-state-'));
	const {TMUX: _outer, ...outside} = process.env;
	const tmuxEnv = {...outside, TMUX_TMPDIR: tmuxDir, WINDSOCK_STATE_DIR: stateDir};
	return new Promise(resolve => {
		const child = spawn(process.execPath, ['--test', ...files], {
			cwd: PACKAGE_ROOT,
			stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
			env: {...tmuxEnv, WINDSOCK_TEST_SERVERS: JSON.stringify(servers)},
		});
		if (prefix) {
			for (const [from, to] of [
				[child.stdout!, process.stdout],
				[child.stderr!, process.stderr],
			] as const) {
				let partial = '';
				from.setEncoding('utf8').on('data', (chunk: string) => {
					const lines = (partial + chunk).split('\n');
					partial = lines.pop()!;
					if (lines.length) to.write(lines.map(line => `${prefix}${line}\n`).join(''));
				});
				from.on('end', () => partial && to.write(`${prefix}${partial}\n`));
			}
		}
		// 'close', not 'exit': a lane's piped output is all written out before it counts as done
		child.on('close', code => {
			// a session a failed test left behind: its server would be unreachable once its socket is gone
			spawnSync('tmux', ['kill-server'], {env: tmuxEnv, stdio: 'ignore'});
			rmSync(tmuxDir, {recursive: true, force: true});
			rmSync(stateDir, {recursive: true, force: true});
			resolve(code ?? 1);
		});
	});
}

/**
 * The files that need both servers at once, and the one that stops the schedulers (it must run
 * last): they run after the lanes, one by one.
 */
const AFTER_THE_LANES = ['dist/test/contract/transfer.test.js', 'dist/test/e2e/environments.test.js', 'dist/test/e2e/zz-stopped-scheduler.test.js'];

/** A test file that talks to the real servers (the others use fakes, or none): it reads them, or defines a contract suite that does. */
const usesRealServers = (file: string) => /support\/test-servers\.js|\/(commands-)?suite\.js/.test(readFileSync(path.join(PACKAGE_ROOT, file), 'utf8'));

/**
 * Every suite, in two lanes at once: the 2.x server's files in one, everything else (the
 * offline suites and the 3.x server's files) in the other. Each lane is given only its own
 * server, and a file's per-line describes run for the lines it is given (testLines()), so the
 * two lines' tests, which wait mostly on their own scheduler, overlap without sharing a DAG
 * run. The lanes are serial inside, as the files expect: tests of one line share its DAGs.
 * Named files (`npm test -- FILE...`) run together against both servers, as before.
 */
async function runTests(servers: TestServer[], args: string[]): Promise<number> {
	if (args.length) return nodeTest(testFiles(args), servers);
	const all = testFiles(['dist/test/unit/', 'dist/test/ui/', 'dist/test/contract/', 'dist/test/e2e/']);
	const laned = all.filter(file => !AFTER_THE_LANES.includes(file));
	const byLine = (line: AirflowLine) => servers.filter(server => server.line === line);
	log('two lanes at once: the offline suites and the 3.x files here, the 2.x files prefixed [2.x]');
	const codes = await Promise.all([nodeTest(laned, byLine(3)), nodeTest(laned.filter(usesRealServers), byLine(2), '[2.x] ')]);
	log('the lanes are done; now the files that need both servers, and the one that stops the schedulers');
	codes.push(await nodeTest(AFTER_THE_LANES, servers));
	return codes.find(code => code !== 0) ?? 0;
}

let code = 1;
try {
	// One install after the other (they share the uv bootstrap), then both servers at once.
	const installs: AirflowInstall[] = [];
	for (const version of [AIRFLOW_3, AIRFLOW_2]) {
		const install = await ensureAirflow(version, message => log(`${version}: ${message}`));
		log(`Airflow ${version} ${install.installed ? 'installed' : 'found in cache'} in ${install.seconds.toFixed(1)}s`);
		installs.push(install);
	}
	const started = Date.now();
	const servers = await Promise.all([bringUp(3, installs[0]!), bringUp(2, installs[1]!)]);
	log(`both servers ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	const args = process.argv.slice(2);
	if (args[0] === '--serve') {
		// for a developer or a tmux session: keep both servers up until Ctrl-C
		for (const server of servers) log(`Airflow ${server.version}: ${server.url} (user ${server.admin.username}, password ${server.admin.password})`);
		// run single test files against these: WINDSOCK_TEST_SERVERS="$(cat test/.airflow/servers.json)" node --test dist/test/...
		writeFileSync(path.join(PACKAGE_ROOT, 'test', '.airflow', 'servers.json'), JSON.stringify(servers));
		log('test/.airflow/servers.json holds WINDSOCK_TEST_SERVERS for running single test files');
		await new Promise<void>(resolve => process.once('SIGINT', () => resolve()).once('SIGTERM', () => resolve()));
		code = 0;
	} else if (args[0] === '--record-fixtures') {
		for (const server of servers) log(`recorded ${server.line}.x answers into ${await recordFixtures(server)}`);
		code = 0;
	} else {
		code = await runTests(servers, args);
	}
} catch (error) {
	console.error(`[test/run] ${(error as Error).message}`);
} finally {
	await Promise.all(running.map(server => server.stop()));
	if (code !== 0) {
		for (const server of running) {
			if (existsSync(server.logFile)) {
				const tail = readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n');
				console.error(`\n[test/run] last lines of ${server.logFile}:\n${tail}`);
			}
		}
	}
}
process.exit(code);
