// The real windsock binary in a tmux session, driven by keys and read off the screen. The
// child gets CI=false: with CI set, Ink prints only the last frame.
import assert from 'node:assert/strict';
import {setTimeout as sleep} from 'node:timers/promises';
import {CLI} from './run-cli.js';
import type {TestServer} from './test-servers.js';
import {tmuxOn} from './tmux.js';

export class Screen {
	/** `socket`: a tmux server of the test's own (tmux -L), for server options such as set-clipboard */
	constructor(
		readonly session: string,
		readonly socket?: string,
	) {}

	static open(server: TestServer, columns: number, rows: number, flags: string[] = [], name = 'e2e', socket?: string): Screen {
		const session = `windsock-${name}-${server.line}-${columns}`;
		const tmux = (...args: string[]) => tmuxOn(socket, ...args);
		try {
			tmux('kill-session', '-t', session);
		} catch {}
		const env = [`CI=false`, `WINDSOCK_URL=${server.url}`, `WINDSOCK_USERNAME=${server.admin.username}`, `WINDSOCK_PASSWORD=${server.admin.password}`];
		const command = `env ${env.map(e => `'${e}'`).join(' ')} node ${CLI} --refresh 2 ${flags.join(' ')}; sleep 5`;
		tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), command);
		return new Screen(session, socket);
	}

	tmux(...args: string[]): string {
		return tmuxOn(this.socket, ...args);
	}

	/** windsock with these arguments and only these WINDSOCK_* settings (no test server implied). */
	static run(name: string, columns: number, rows: number, env: Record<string, string>, args: string[] = []): Screen {
		const session = `windsock-${name}-${columns}`;
		const tmux = (...args: string[]) => tmuxOn(undefined, ...args);
		try {
			tmux('kill-session', '-t', session);
		} catch {}
		const settings = ['CI=false', ...Object.entries(env).map(([key, value]) => `${key}=${value}`)];
		const unset = Object.keys(process.env).filter(key => key.startsWith('WINDSOCK_') && !(key in env));
		const command = `env ${unset.map(key => `-u ${key}`).join(' ')} ${settings.map(e => `'${e}'`).join(' ')} node ${CLI} ${args.map(a => `'${a}'`).join(' ')}; echo "EXIT=$?"; sleep 30`;
		tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', String(rows), command);
		return new Screen(session);
	}

	text(): string {
		return this.tmux('capture-pane', '-p', '-t', this.session);
	}

	title(): string {
		return this.tmux('display-message', '-p', '-t', this.session, '#{pane_title}');
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.session, ...keys);
	}

	async waitFor(pattern: RegExp, seconds = 20): Promise<string> {
		const deadline = Date.now() + seconds * 1000;
		let screen = '';
		while (Date.now() < deadline) {
			screen = this.text();
			if (pattern.test(screen)) return screen;
			await sleep(200);
		}
		assert.fail(`screen never showed ${pattern}:\n${screen}`);
	}

	close(): void {
		try {
			this.tmux('kill-session', '-t', this.session);
		} catch {}
	}
}
