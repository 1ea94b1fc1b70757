// The sandbox: a real Airflow 3.x on loopback for trying windsock, with the demo DAGs in
// sandbox/dags. It outlives the windsock that started it; its admin password is random,
// kept in a 0600 file under the cache dir, and never printed.
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {ensureAirflow, type Progress} from './install.js';
import {cacheDir} from './paths.js';
import {serverAt, startServer, stopProcessGroup} from './server.js';
import {AIRFLOW_3} from './versions.js';
import {PACKAGE_ROOT} from '../version.js';

export type SandboxState = {url: string; pid: number; username: string; password: string; home: string};

export function sandboxHome(): string {
	return path.join(cacheDir(), 'sandbox', `airflow-${AIRFLOW_3}`);
}

function credentialsFile(): string {
	return path.join(cacheDir(), 'sandbox', 'credentials.json');
}

function credentials(): {username: string; password: string} {
	const file = credentialsFile();
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as {username: string; password: string};
	const created = {username: 'admin', password: randomBytes(18).toString('base64url')};
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, JSON.stringify(created), {mode: 0o600});
	return created;
}

/** The running sandbox, if any. */
export function sandboxStatus(): SandboxState | undefined {
	const running = serverAt(sandboxHome());
	return running ? {url: running.url, pid: running.pid, home: sandboxHome(), ...credentials()} : undefined;
}

/** Starts the sandbox unless it runs already; installs Airflow the first time. */
export async function startSandbox(progress: Progress): Promise<SandboxState> {
	const running = sandboxStatus();
	if (running) return running;
	const install = await ensureAirflow(AIRFLOW_3, progress);
	const user = credentials();
	const home = sandboxHome();
	const server = await startServer({
		line: 3,
		airflow: install.airflow,
		home,
		// keep the database between starts: runs and variables the user made stay
		fresh: false,
		dagsFolder: path.join(PACKAGE_ROOT, 'sandbox', 'dags'),
		users: [{...user, role: 'admin'}],
		exposeConfig: true,
		outliveParent: true,
		progress,
	});
	return {url: server.url, pid: server.pid, home, ...user};
}

export async function stopSandbox(): Promise<boolean> {
	const running = sandboxStatus();
	if (!running) return false;
	await stopProcessGroup(running.pid);
	return true;
}
