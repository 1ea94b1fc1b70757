// Starts a real Airflow (2.x or 3.x) on a free loopback port with known users, waits until
// its health endpoint says healthy, and stops it cleanly. Logs stay in the server's home
// so a failed test run can show what Airflow said.
import {spawn, execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdirSync, openSync, writeFileSync, rmSync, readFileSync, existsSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {promisify} from 'node:util';
import {setTimeout as sleep} from 'node:timers/promises';
import type {AirflowLine} from './versions.js';
import {PACKAGE_ROOT} from '../version.js';

const run = promisify(execFile);

/** A user of the local server. Passwords here guard a loopback test server, nothing else. */
export type SandboxUser = {username: string; password: string; role: 'admin' | 'op' | 'viewer'};

export type ServerOptions = {
	line: AirflowLine;
	/** the `airflow` executable of the venv to run */
	airflow: string;
	/** AIRFLOW_HOME; wiped on start when `fresh` */
	home: string;
	dagsFolder: string;
	users: SandboxUser[];
	exposeConfig: boolean;
	fresh?: boolean;
	/** seconds to wait for healthy */
	timeout?: number;
	/** 3.x: lifetime of API tokens (default: Airflow's, a day); the tests shorten it to meet expiry */
	jwtExpirationSeconds?: number;
	/**
	 * seconds between two parses of one DAG file (default 10: an edited DAG shows soon). The
	 * tests never edit theirs and lengthen it: each parse of 124 DAGs costs CPU that a two-core
	 * machine running both servers and the suites needs.
	 */
	parseIntervalSeconds?: number;
	/**
	 * seconds a parse of one DAG file may take before it is killed, and before the DAGs of a
	 * file whose parse failed are deactivated (default: Airflow's 50). The tests raise it: on
	 * two starved cores a parse of ws_fail.py took 61 s, was killed, and 3.x deactivated
	 * ws_fail until the next parse, 120 s later.
	 */
	parseTimeoutSeconds?: number;
	/** let this process exit while Airflow goes on (the sandbox); stop it with stopServerAt() */
	outliveParent?: boolean;
	progress?: (message: string) => void;
};

export type RunningServer = {
	line: AirflowLine;
	url: string;
	port: number;
	home: string;
	pid: number;
	/** seconds from spawn to healthy */
	startSeconds: number;
	logFile: string;
	/** what `airflow ...` on the command line needs to work on this server's database */
	cli: {airflow: string; env: Record<string, string>};
	stop(): Promise<void>;
};

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

function airflowEnv(options: ServerOptions, ports: {api: number; worker: number; trigger: number}) {
	const url = `http://127.0.0.1:${ports.api}`;
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		AIRFLOW_HOME: options.home,
		// standalone starts its components as `airflow ...` from PATH
		PATH: `${path.dirname(options.airflow)}${path.delimiter}${process.env['PATH'] ?? ''}`,
		// ws_compat.py: the 2.x/3.x import shim the project's DAG files share
		PYTHONPATH: path.join(PACKAGE_ROOT, 'sandbox', 'python'),
		AIRFLOW__CORE__DAGS_FOLDER: options.dagsFolder,
		AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
		AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT: String(ports.worker),
		AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT: String(ports.trigger),
		// Make the scheduler pick up work quickly: tests wait on it.
		AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC: '2',
		AIRFLOW__SCHEDULER__MIN_FILE_PROCESS_INTERVAL: String(options.parseIntervalSeconds ?? 10),
		// SQLite: wait for the write lock up to 60 s, not Python's 5 s (see ws_sqlite.py)
		AIRFLOW__DATABASE__SQL_ALCHEMY_CONNECT_ARGS: 'ws_sqlite.CONNECT_ARGS',
		// Keep the machine's own Python warnings out of our logs' way.
		PYTHONWARNINGS: 'ignore',
		NO_COLOR: '1',
	};
	if (options.parseTimeoutSeconds) {
		const seconds = String(options.parseTimeoutSeconds);
		// 2.x names, then 3.x's
		Object.assign(env, {
			AIRFLOW__CORE__DAG_FILE_PROCESSOR_TIMEOUT: seconds,
			AIRFLOW__SCHEDULER__STALE_DAG_THRESHOLD: seconds,
			AIRFLOW__DAG_PROCESSOR__DAG_FILE_PROCESSOR_TIMEOUT: seconds,
			AIRFLOW__DAG_PROCESSOR__STALE_DAG_THRESHOLD: seconds,
		});
	}
	// The test runner's own variables must not leak into Airflow's configuration.
	delete env['CI'];
	if (options.line === 3) {
		Object.assign(env, {
			AIRFLOW__API__HOST: '127.0.0.1',
			AIRFLOW__API__PORT: String(ports.api),
			AIRFLOW__API__BASE_URL: url,
			AIRFLOW__API__WORKERS: '1',
			AIRFLOW__API__EXPOSE_CONFIG: options.exposeConfig ? 'True' : 'False',
			// Every component must sign and check task tokens with the same secret.
			AIRFLOW__API_AUTH__JWT_SECRET: randomBytes(24).toString('hex'),
			AIRFLOW__API__SECRET_KEY: randomBytes(24).toString('hex'),
			AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS: options.users.map(u => `${u.username}:${u.role}`).join(','),
			AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE: path.join(options.home, 'passwords.json'),
			AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL: '10',
			// 3.x reads the interval from [dag_processor]; the [scheduler] name is only its deprecated alias
			AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL: String(options.parseIntervalSeconds ?? 10),
		});
		if (options.jwtExpirationSeconds) {
			env['AIRFLOW__API_AUTH__JWT_EXPIRATION_TIME'] = String(options.jwtExpirationSeconds);
			env['AIRFLOW__API_AUTH__JWT_LEEWAY'] = '0';
		}
	} else {
		Object.assign(env, {
			AIRFLOW__WEBSERVER__WEB_SERVER_HOST: '127.0.0.1',
			AIRFLOW__WEBSERVER__WEB_SERVER_PORT: String(ports.api),
			AIRFLOW__WEBSERVER__BASE_URL: url,
			AIRFLOW__WEBSERVER__WORKERS: '2',
			AIRFLOW__WEBSERVER__EXPOSE_CONFIG: options.exposeConfig ? 'True' : 'False',
			AIRFLOW__WEBSERVER__SECRET_KEY: randomBytes(24).toString('hex'),
			AIRFLOW__API__AUTH_BACKENDS: 'airflow.api.auth.backend.basic_auth,airflow.api.auth.backend.session',
			AIRFLOW__SCHEDULER__DAG_DIR_LIST_INTERVAL: '10',
		});
	}
	return {env, url};
}

const ROLE_2X: Record<SandboxUser['role'], string> = {admin: 'Admin', op: 'Op', viewer: 'Viewer'};

async function prepareUsers2x(options: ServerOptions, env: Record<string, string>) {
	await run(options.airflow, ['db', 'migrate'], {env, maxBuffer: 32 * 1024 * 1024});
	// FAB creates its roles (Viewer, Op, ...) only when the webserver starts or sync-perm runs.
	await run(options.airflow, ['sync-perm'], {env, maxBuffer: 32 * 1024 * 1024});
	for (const user of options.users) {
		// The password goes on this child's argv: a throwaway loopback test server's user,
		// created by the project's own script, the only way `airflow users create` takes one.
		await run(
			options.airflow,
			[
				'users',
				'create',
				'--username',
				user.username,
				'--password',
				user.password,
				'--role',
				ROLE_2X[user.role],
				'--firstname',
				user.username,
				'--lastname',
				'windsock',
				'--email',
				`${user.username}@windsock.invalid`,
			],
			{env, maxBuffer: 8 * 1024 * 1024},
		);
	}
}

async function waitHealthy(url: string, line: AirflowLine, timeoutSeconds: number, exited: () => string | undefined) {
	const healthUrl = line === 3 ? `${url}/api/v2/monitor/health` : `${url}/api/v1/health`;
	const deadline = Date.now() + timeoutSeconds * 1000;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		const gone = exited();
		if (gone) throw new Error(`Airflow exited before it was healthy (${gone})`);
		try {
			const response = await fetch(healthUrl, {signal: AbortSignal.timeout(3000)});
			const body = (await response.json()) as Record<string, {status?: string | null} | undefined>;
			const statuses = ['metadatabase', 'scheduler'].map(k => body[k]?.status);
			if (response.ok && statuses.every(s => s === 'healthy')) return;
			last = `HTTP ${response.status}: ${JSON.stringify(body).slice(0, 200)}`;
		} catch (error) {
			last = (error as Error).message;
		}
		await sleep(1000);
	}
	throw new Error(`Airflow at ${url} was not healthy after ${timeoutSeconds}s (last: ${last})`);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Ends a server's whole process group: Ctrl-C first (standalone stops its parts), then KILL. */
export async function stopProcessGroup(pid: number): Promise<void> {
	if (!pid || !alive(pid)) return;
	try {
		process.kill(-pid, 'SIGINT');
	} catch {
		return;
	}
	for (let i = 0; i < 150 && alive(pid); i++) await sleep(100);
	// stray children (gunicorn workers, task runners) share the group
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {}
}

/** The server recorded in a home by startServer, if its process still runs. */
export function serverAt(home: string): {pid: number; url: string; line: AirflowLine} | undefined {
	const file = path.join(home, 'server.json');
	if (!existsSync(file)) return undefined;
	try {
		const state = JSON.parse(readFileSync(file, 'utf8')) as {pid: number; url: string; line: AirflowLine};
		return alive(state.pid) ? state : undefined;
	} catch {
		return undefined;
	}
}

/** Starts `airflow standalone` (with users prepared first) and waits until it is healthy. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
	const progress = options.progress ?? (() => {});
	if (options.fresh !== false) rmSync(options.home, {recursive: true, force: true});
	mkdirSync(options.home, {recursive: true});
	const ports = {api: await freePort(), worker: await freePort(), trigger: await freePort()};
	const {env, url} = airflowEnv(options, ports);
	const started = Date.now();

	if (options.line === 3) {
		const passwords = Object.fromEntries(options.users.map(u => [u.username, u.password]));
		writeFileSync(path.join(options.home, 'passwords.json'), JSON.stringify(passwords), {mode: 0o600});
	} else {
		progress(`Airflow ${options.line}.x: migrating the database and creating users`);
		await prepareUsers2x(options, env);
	}

	const logFile = path.join(options.home, 'standalone.log');
	const log = openSync(logFile, 'a');
	progress(`Airflow ${options.line}.x: starting on ${url}`);
	const child = spawn(options.airflow, ['standalone'], {
		env,
		cwd: options.home,
		detached: true, // its own process group, so stop() can end every component
		stdio: ['ignore', log, log],
	});
	let exit: string | undefined;
	child.on('exit', (code, signal) => {
		exit = signal ? `signal ${signal}` : `exit code ${code}`;
	});
	const pid = child.pid ?? 0;
	writeFileSync(path.join(options.home, 'server.json'), JSON.stringify({pid, url, line: options.line}));

	const stop = async () => {
		if (!exit) await stopProcessGroup(pid);
	};

	try {
		await waitHealthy(url, options.line, options.timeout ?? 240, () => exit);
	} catch (error) {
		await stop();
		const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
		throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
	}
	if (options.outliveParent) child.unref();
	return {
		line: options.line,
		url,
		port: ports.api,
		home: options.home,
		pid,
		startSeconds: (Date.now() - started) / 1000,
		logFile,
		cli: {airflow: options.airflow, env: Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('AIRFLOW') || ['PATH', 'PYTHONPATH', 'PYTHONWARNINGS', 'NO_COLOR'].includes(key)))},
		stop,
	};
}
