// Runs the built windsock binary as a script would: no terminal, its own environment, and
// the exit code, stdout and stderr to assert on.
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {PACKAGE_ROOT} from '../../source/version.js';
import type {TestServer} from './test-servers.js';

export type CliResult = {code: number; stdout: string; stderr: string};

/** The bundled binary, as the package ships it (npm run build makes it). */
export const CLI = path.join(PACKAGE_ROOT, 'dist', 'bin', 'cli.js');

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<CliResult> {
	return startCli(args, env, input).done;
}

/** The binary started, for a test that signals it while it runs; `done` when it ends. */
export function startCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): {child: ChildProcess; done: Promise<CliResult>; output(): CliResult} {
	const base = {...process.env};
	for (const key of Object.keys(base)) if (key.startsWith('WINDSOCK_') && key !== 'WINDSOCK_TEST_SERVERS') delete base[key];
	// the tests talk to loopback servers: a proxy set on the machine running them must not carry that
	for (const key of Object.keys(base)) if (/^(https?|no|all)_proxy$/i.test(key)) delete base[key];
	const child = spawn(process.execPath, [CLI, ...args], {env: {...base, NO_COLOR: '1', WINDSOCK_CONFIG: '/nonexistent/windsock-profiles.json', ...env}, stdio: ['pipe', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', chunk => (stdout += chunk));
	child.stderr!.on('data', chunk => (stderr += chunk));
	child.stdin!.end(input ?? '');
	const done = new Promise<CliResult>(resolve => child.on('close', code => resolve({code: code ?? -1, stdout, stderr})));
	return {child, done, output: () => ({code: child.exitCode ?? -1, stdout, stderr})};
}

/** The environment that points windsock at a test server as its admin. */
export function adminEnv(server: TestServer): Record<string, string> {
	return {WINDSOCK_URL: server.url, WINDSOCK_USERNAME: server.admin.username, WINDSOCK_PASSWORD: server.admin.password};
}

/** Airflow's own CLI on a test server's database (`airflow variables export ...`). */
export function airflowCli(server: TestServer, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(server.cli.airflow, args, {env: {...process.env, ...server.cli.env}, maxBuffer: 16 * 1024 * 1024}, (error, stdout, stderr) => {
			if (error) reject(new Error(`airflow ${args.join(' ')} failed: ${error.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}

/** The scheduler processes under a standalone server (the scheduler and anything it forked). */
export function schedulerPids(server: TestServer): number[] {
	const children = new Map<number, number[]>();
	const commands = new Map<number, string>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
			commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '));
		} catch {
			// the process ended while we looked
		}
	}
	const found: number[] = [];
	const walk = (pid: number, underScheduler: boolean) => {
		for (const child of children.get(pid) ?? []) {
			const isScheduler = underScheduler || /airflow scheduler/.test(commands.get(child) ?? '');
			if (isScheduler) found.push(child);
			walk(child, isScheduler);
		}
	};
	walk(server.pid, false);
	return found;
}
