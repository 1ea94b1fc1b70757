// The console in a pseudo-terminal without a native module: util-linux `script` owns the pty
// and copies it to a pipe we read, byte for byte, so what we count is what a terminal
// (or an ssh link) would receive. The size is set with stty inside the pty before exec, so
// the program sees a real window size from its first frame.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {setTimeout as sleep} from 'node:timers/promises';

const quote = text => `'${String(text).replaceAll("'", `'\\''`)}'`;

export class PtySession {
	/**
	 * argv: the program and its arguments (run with exec, so its pid is script's child);
	 * options: columns, rows, env, stderr (a file for the program's stderr).
	 */
	constructor(argv, options = {}) {
		const columns = options.columns ?? 200;
		const rows = options.rows ?? 60;
		const stderr = options.stderr ? ` 2>${quote(options.stderr)}` : '';
		const command = `stty rows ${rows} cols ${columns} && exec ${argv.map(quote).join(' ')}${stderr}`;
		this.started = performance.now();
		/** chunks as they arrived: [ms since spawn, bytes] */
		this.chunks = [];
		this.bytes = 0;
		this.text = '';
		this.waiters = new Set();
		// CI=false: Ink renders only the final frame when it thinks it runs in CI
		this.child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...process.env, CI: 'false', TERM: 'xterm-256color', ...options.env}, stdio: ['pipe', 'pipe', 'ignore']});
		this.exited = new Promise(resolve => this.child.on('exit', code => resolve(code)));
		this.child.stdout.on('data', data => {
			const at = performance.now() - this.started;
			this.chunks.push([at, data.length]);
			this.bytes += data.length;
			// keep the text bounded: waiters look at what arrived recently
			this.text = (this.text + data.toString('utf8')).slice(-200_000);
			for (const waiter of [...this.waiters]) waiter(at);
		});
	}

	/** ms since spawn */
	now() {
		return performance.now() - this.started;
	}

	/** The pid of the program itself (script's only child, as the shell exec'd it). */
	pid() {
		try {
			const children = readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/children`, 'utf8').trim().split(/\s+/);
			return Number(children[0]) || undefined;
		} catch {
			return undefined;
		}
	}

	/** The program's resident set now and its peak, in MB (from /proc). */
	rss() {
		const pid = this.pid();
		if (!pid) return {rss: NaN, peak: NaN};
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = name => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
		return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
	}

	/** Resolves with the time (ms since spawn) when the output so far matches; rejects after ms. */
	waitFor(test, ms = 10_000) {
		const plain = () => stripAnsi(this.text);
		if (test(plain())) return Promise.resolve(this.now());
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiters.delete(waiter);
				reject(new Error(`timed out waiting for the screen; last output: ${JSON.stringify(plain().slice(-400))}`));
			}, ms);
			const waiter = at => {
				if (!test(plain())) return;
				clearTimeout(timer);
				this.waiters.delete(waiter);
				resolve(at);
			};
			this.waiters.add(waiter);
		});
	}

	/** Waits until nothing has arrived for quietMs (at most maxMs in all). */
	async quiet(quietMs = 40, maxMs = 3000) {
		const deadline = this.now() + maxMs;
		while (this.now() < deadline) {
			const last = this.chunks.at(-1)?.[0] ?? 0;
			const idle = this.now() - last;
			if (idle >= quietMs) return;
			await sleep(quietMs - idle + 1);
		}
	}

	/** Writes a key and resolves with the ms until the first output after it (undefined: none within ms). */
	key(sequence, ms = 2000) {
		return new Promise(resolve => {
			const sent = this.now();
			const timer = setTimeout(() => {
				this.waiters.delete(waiter);
				resolve(undefined);
			}, ms);
			const waiter = at => {
				clearTimeout(timer);
				this.waiters.delete(waiter);
				resolve(at - sent);
			};
			this.waiters.add(waiter);
			this.child.stdin.write(sequence);
		});
	}

	write(sequence) {
		this.child.stdin.write(sequence);
	}

	async close() {
		if (this.child.exitCode === null) {
			this.child.stdin.write('q');
			const timeout = sleep(3000).then(() => 'timeout');
			if ((await Promise.race([this.exited, timeout])) === 'timeout') {
				const pid = this.pid();
				if (pid) process.kill(pid, 'SIGTERM');
				await this.exited;
			}
		}
	}
}

export function stripAnsi(text) {
	// CSI, OSC and two-byte escapes: what is left is the visible text
	return text.replace(/\u001b\[[0-9;?<>=]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g, '');
}
