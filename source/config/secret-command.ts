// Secrets from commands: a profile's passwordCommand or tokenCommand is run (an array with no
// shell, a string through /bin/sh -c) and its trimmed stdout is the secret. It runs in its own
// process group, so a timeout stops the shell and whatever the shell started (a hung `curl`
// under `sh -c` would otherwise keep the pipe open). A failure shows the command's stderr,
// sanitised and cut, and its exit status: never its stdout, never the command line itself (a
// curl recipe may carry a client secret in it).
import {spawn} from 'node:child_process';
import type {SecretSource} from '../airflow/auth.js';
import {capLength, sanitize} from '../text/sanitize.js';

export type SecretCommand = string | readonly string[];

/** Seconds a secret command may take unless the profile sets commandTimeout. */
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 30;

/** More than any token or password; a command that prints more is printing something else. */
const MAX_STDOUT = 64 * 1024;
/** Enough stderr for the message; the rest is dropped as it arrives. */
const MAX_STDERR = 4 * 1024;
/** How much of stderr an error message shows. */
const SHOWN_STDERR = 300;

/**
 * Process groups of commands still running. Each runs in its own group (so a timeout can stop
 * all of it), which also means the terminal's Ctrl-C does not reach it: while any runs, an
 * exit or a terminating signal stops them first, then the signal does what it would have.
 */
const running = new Set<number>();

function stopAll(): void {
	for (const pid of running) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone already
		}
	}
	running.clear();
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
	stopAll();
	unwatch();
	// no other listener: the signal's default (ending windsock) as if we had not been here
	if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function watch(pid: number): void {
	if (running.size === 0) {
		process.on('exit', stopAll);
		for (const signal of SIGNALS) process.on(signal, onSignal);
	}
	running.add(pid);
}

function unwatch(pid?: number): void {
	if (pid !== undefined) running.delete(pid);
	if (running.size > 0 && pid !== undefined) return;
	process.off('exit', stopAll);
	for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** A secret command that did not give a secret; the message is safe to print. */
export class SecretCommandError extends Error {
	override name = 'SecretCommandError';
}

export type SecretCommandOptions = {
	/** "tokenCommand of profile prod": how messages name the command (never its text) */
	label: string;
	timeoutMs: number;
	/** the environment the command runs in; windsock's own secret variables are left out */
	env?: NodeJS.ProcessEnv;
};

/** What stderr may show: control characters gone, anything stdout printed hidden, one line, cut. */
export function stderrForMessage(stderr: string, stdout: string): string {
	let text = stderr;
	for (const line of stdout.split('\n')) {
		const value = line.trim();
		// a secret printed before the failure may be echoed on stderr too (set -x, a verbose tool)
		if (value.length >= 4) text = text.split(value).join('‹hidden›');
	}
	return capLength(
		sanitize(text)
			.replace(/\s*\n\s*/g, ' ')
			.trim(),
		SHOWN_STDERR,
	);
}

/** Runs the command once; resolves with its trimmed stdout or rejects with SecretCommandError. */
export function runSecretCommand(command: SecretCommand, options: SecretCommandOptions): Promise<string> {
	const [file, args] = typeof command === 'string' ? ['/bin/sh', ['-c', command]] : [command[0] ?? '', command.slice(1)];
	return new Promise((resolve, reject) => {
		let stdout = '';
		let stderr = '';
		let settled = false;
		const child = spawn(file, args, {
			env: options.env ?? process.env,
			// no terminal input: the console owns it, and a command waiting on a prompt would hang
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true, // its own process group, so the timeout can stop all of it
		});
		if (child.pid) watch(child.pid);
		const finish = (error: SecretCommandError | undefined, value?: string) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (error) reject(error);
			else resolve(value ?? '');
		};
		const stopGroup = () => {
			try {
				if (child.pid) process.kill(-child.pid, 'SIGKILL');
			} catch {
				// it ended on its own meanwhile
			}
			if (child.pid) unwatch(child.pid);
		};
		const timer = setTimeout(() => {
			stopGroup();
			const seconds = Math.round(options.timeoutMs / 100) / 10;
			const said = stderrForMessage(stderr, stdout);
			finish(new SecretCommandError(`${options.label} did not finish within ${seconds}s and was stopped (raise commandTimeout in the profile if it needs longer)${said ? `; it said: ${said}` : ''}`));
		}, options.timeoutMs);
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			if (stdout.length < MAX_STDOUT) stdout += chunk;
		});
		child.stderr.on('data', (chunk: string) => {
			if (stderr.length < MAX_STDERR) stderr += chunk;
		});
		child.on('error', error => {
			const code = (error as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'its program was not found' : code === 'EACCES' ? 'its program is not executable' : (code ?? 'it could not start');
			finish(new SecretCommandError(`${options.label} could not be run: ${why}`));
		});
		child.on('exit', () => {
			if (child.pid) unwatch(child.pid);
		});
		child.on('close', (code, signal) => {
			const said = stderrForMessage(stderr, stdout);
			const tail = said ? `: ${said}` : ' (it wrote nothing on stderr)';
			if (signal) return finish(new SecretCommandError(`${options.label} was stopped by ${signal}${tail}`));
			if (code !== 0) return finish(new SecretCommandError(`${options.label} failed with exit status ${code}${tail}`));
			if (stdout.length >= MAX_STDOUT) return finish(new SecretCommandError(`${options.label} printed more than ${MAX_STDOUT / 1024} KiB: that is not a secret`));
			const secret = stdout.trim();
			if (!secret) return finish(new SecretCommandError(`${options.label} printed nothing on stdout${said ? `; it said: ${said}` : ''}`));
			finish(undefined, secret);
		});
	});
}

/**
 * A secret obtained from a command, once, and again when the server refuses it. Concurrent
 * callers share one run, so a burst of panes after a 401 starts the command once.
 */
export class CommandSecret implements SecretSource {
	readonly #run: () => Promise<string>;
	#value: Promise<string> | undefined;
	#refreshing: Promise<boolean> | undefined;

	constructor(command: SecretCommand, options: SecretCommandOptions) {
		this.#run = () => runSecretCommand(command, options);
	}

	get(): Promise<string> {
		if (!this.#value) this.#value = this.#start();
		return this.#value;
	}

	/** Runs the command again; true when it gave a different secret (worth a replay). */
	refresh(): Promise<boolean> {
		if (this.#refreshing) return this.#refreshing;
		const before = this.#value;
		const refreshing = (async () => {
			const old = before ? await before.catch(() => undefined) : undefined;
			this.#value = this.#start();
			return (await this.#value) !== old;
		})();
		this.#refreshing = refreshing;
		const clear = () => {
			if (this.#refreshing === refreshing) this.#refreshing = undefined;
		};
		refreshing.then(clear, clear);
		return refreshing;
	}

	#start(): Promise<string> {
		const pending = this.#run();
		// a failed run must not stick: the next request runs the command again
		pending.catch(() => {
			if (this.#value === pending) this.#value = undefined;
		});
		return pending;
	}
}

/** The environment a secret command runs in: windsock's own, less the variables that hold its secrets. */
export function commandEnvironment(env: NodeJS.ProcessEnv, secretVariables: readonly string[]): NodeJS.ProcessEnv {
	const copy = {...env};
	for (const name of secretVariables) delete copy[name];
	return copy;
}
