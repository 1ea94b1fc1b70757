// The real windsock console in tmux, 80x24, for the fault matrices: its settings come from a
// 0600 file the shell sources (a password never appears in any process's argv), and every
// wait fails at once on a console that ended or shows a stack trace.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {STACK} from './fault-says.js';
import {CLI} from './run-cli.js';
import {tmux} from './tmux.js';

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export class FaultConsole {
	readonly session: string;
	readonly #dir: string;

	/** env: the WINDSOCK_* settings (URL and token or username and password); timeoutSeconds: --request-timeout */
	constructor(name: string, env: Record<string, string>, timeoutSeconds: number, columns = 80, rows = 24) {
		this.session = `windsock-faults-${name}`;
		this.close();
		this.#dir = mkdtempSync(path.join(tmpdir(), 'windsock-faults-'));
		const file = path.join(this.#dir, 'env');
		const settings = {CI: 'false', NO_COLOR: '1', WINDSOCK_CONFIG: '/nonexistent/profiles.json', ...env};
		writeFileSync(
			file,
			Object.entries(settings)
				.map(([key, value]) => `export ${key}=${quote(value)}\n`)
				.join(''),
			{mode: 0o600},
		);
		const command = `. ${quote(file)}; node ${CLI} --refresh 1 --request-timeout ${timeoutSeconds}; echo WINDSOCK-ENDED; sleep 60`;
		tmux('new-session', '-d', '-s', this.session, '-x', String(columns), '-y', String(rows), command);
	}

	screen(): string {
		return tmux('capture-pane', '-p', '-t', this.session);
	}

	keys(...keys: string[]): void {
		tmux('send-keys', '-t', this.session, ...keys);
	}

	/** Waits for the screen to pass `ok`; fails on a screen that shows the process ended or a stack. */
	async until(what: string, ok: (screen: string) => boolean, seconds = 25): Promise<string> {
		const deadline = Date.now() + seconds * 1000;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.screen();
			assert.doesNotMatch(screen, /WINDSOCK-ENDED/, `the console ended (${what}):\n${screen}`);
			assert.doesNotMatch(screen, STACK, `a stack trace on screen (${what}):\n${screen}`);
			if (ok(screen)) return screen;
			await sleep(150);
		}
		assert.fail(`${this.session}: the screen never showed ${what}:\n${screen}`);
	}

	close(): void {
		try {
			tmux('kill-session', '-t', this.session);
		} catch {
			// not running
		}
		if (this.#dir) rmSync(this.#dir, {recursive: true, force: true});
	}
}
