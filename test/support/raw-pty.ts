// The real binary under a pseudo-terminal, every byte it writes kept: util-linux `script`
// owns the pty (no native module) and copies it to a pipe, so the test reads what a
// terminal would receive, not a rendered frame (as bench/pty.mjs, but nothing dropped).
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {setTimeout as sleep} from 'node:timers/promises';
import {CLI} from './run-cli.js';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** CSI and the other ESC-introduced sequences removed: the text a terminal would show, roughly. */
export const visible = (text: string) => text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]P_^X][\s\S]*?(?:\u0007|\u001b\\)|\u001b[ -/]*[0-~]/g, '');

export class RawPty {
	readonly chunks: Buffer[] = [];
	readonly child: ChildProcess;
	readonly exited: Promise<number | null>;
	/** where the current step's output starts (in chunks): waits look only after it */
	#mark = 0;

	/** windsock with these arguments and exactly these WINDSOCK_* settings, in a columns x rows pty. */
	constructor(args: string[], env: Record<string, string>, columns = 120, rows = 40) {
		const base: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('WINDSOCK_') && !/^(https?|no|all)_proxy$/i.test(key)) base[key] = value;
		const command = `stty rows ${rows} cols ${columns} && exec ${[process.execPath, CLI, ...args].map(quote).join(' ')}`;
		// CI=false: Ink paints only the last frame when it thinks it runs in CI
		this.child = spawn('script', ['-qfec', command, '/dev/null'], {
			env: {...base, CI: 'false', TERM: 'xterm-256color', WINDSOCK_CONFIG: '/nonexistent/windsock-profiles.json', ...env},
			stdio: ['pipe', 'pipe', 'ignore'],
		});
		this.child.stdout!.on('data', (chunk: Buffer) => this.chunks.push(chunk));
		this.exited = new Promise(resolve => this.child.on('exit', code => resolve(code)));
	}

	/** Every byte so far. */
	bytes(): Buffer {
		return Buffer.concat(this.chunks);
	}

	/** Sends keys; later waits look only at what arrives after them. */
	keys(sequence: string): void {
		this.#mark = this.chunks.length;
		this.child.stdin!.write(sequence);
	}

	/** Where the output is now, for a wait that looks further back than the last keys. */
	position(): number {
		return this.chunks.length;
	}

	/** Waits until what arrived since the last keys (or since `from`) shows `pattern` (escape sequences removed). */
	async waitFor(pattern: RegExp, what: string, seconds = 20, from = this.#mark): Promise<void> {
		const deadline = Date.now() + seconds * 1000;
		let text = '';
		while (Date.now() < deadline) {
			text = visible(Buffer.concat(this.chunks.slice(from)).toString('utf8'));
			if (pattern.test(text)) return;
			if (this.child.exitCode !== null) break;
			await sleep(100);
		}
		assert.fail(`${what}: the terminal never showed ${pattern}; the last of it:\n${text.slice(-1500)}`);
	}

	/** q, then the end; a program that does not quit is stopped and the test fails. */
	async quit(): Promise<number | null> {
		if (this.child.exitCode === null) this.child.stdin!.write('q');
		const ended = await Promise.race([this.exited, sleep(15_000).then(() => 'hung' as const)]);
		if (ended === 'hung') {
			this.child.kill('SIGKILL');
			assert.fail('the console did not quit on q within 15 s');
		}
		return ended;
	}
}
