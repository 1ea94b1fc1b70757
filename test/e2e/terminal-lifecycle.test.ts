// One terminal lifecycle, on the real binary in tmux against a fake Airflow: every way out
// (q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, SIGINT, an uncaught exception, an unhandled
// rejection) leaves the alternate screen, shows the cursor and turns raw mode off; so does a
// signal during the password prompt; Ctrl-Z hands the terminal back while stopped, and
// SIGCONT (`fg`) takes it again with the frame redrawn.
import assert from 'node:assert/strict';
import {CLI} from '../support/run-cli.js';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {airflow} from '../support/console-harness.js';
import {fakeServer, type FakeServer} from '../support/fake-server.js';
import {tmux} from '../support/tmux.js';

const SESSION = 'windsock-lifecycle';

const shell = (command: string) => execFileSync('sh', ['-c', command], {encoding: 'utf8'});

let server: FakeServer;
before(async () => {
	server = await fakeServer(airflow(5));
});
after(async () => {
	kill();
	await server?.close();
});

function kill(): void {
	try {
		tmux('kill-session', '-t', SESSION);
	} catch {
		// none running
	}
}

async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
		await sleep(100);
	}
}

const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const flags = () => tmux('display-message', '-p', '-t', SESSION, '#{alternate_on} #{cursor_flag}').trim();
const paneTty = () => tmux('display-message', '-p', '-t', SESSION, '#{pane_tty}').trim();
/** The terminal's line discipline as `stty -a` shows it: icanon and echo on, or -icanon/-echo in raw mode. */
const ttyModes = () => shell(`stty -a -F ${paneTty()}`);
const sane = (modes: string) => /(^|\s)icanon(\s|$)/.test(modes) && /(^|\s)echo(\s|$)/.test(modes);

function nodePid(): number {
	const pane = tmux('display-message', '-p', '-t', SESSION, '#{pane_pid}').trim();
	return Number(shell(`pgrep -P ${pane} node | head -1 || true`).trim()) || 0;
}

/**
 * Starts the console in a fresh tmux pane; after it ends the pane prints `stty -a` and a
 * marker, so the terminal is judged as the shell got it back.
 */
async function start(env: string, waitFor: RegExp): Promise<number> {
	kill();
	tmux(
		'new-session',
		'-d',
		'-s',
		SESSION,
		'-x',
		'100',
		'-y',
		'30',
		`env CI=false NO_COLOR=1 WINDSOCK_CONFIG=/nonexistent/profiles.json WINDSOCK_URL=${server.url} ${env} node ${CLI}; echo; stty -a; echo WINDSOCK-ENDED; sleep 60`,
	);
	await until('the console', () => waitFor.test(screen()));
	const pid = nodePid();
	assert.ok(pid, 'no node process in the pane');
	return pid;
}

async function assertRestored(how: string): Promise<void> {
	await until(`the end after ${how}`, () => screen().includes('WINDSOCK-ENDED'));
	assert.equal(flags(), '0 1', `after ${how}: alternate screen must be off (0) and the cursor shown (1)`);
	const text = screen();
	assert.match(text, /(^|\s)icanon(\s|$)/m, `after ${how}: stty shows raw mode\n${text}`);
	assert.match(text, /(^|\s)echo(\s|$)/m, `after ${how}: stty shows no echo\n${text}`);
	assert.ok(sane(ttyModes()), `after ${how}: the pane's tty is not sane`);
}

// the console's own frame (it opens on Triage): its tab row
const CONSOLE = /1 Triage .*3 DAGs/;
const TOKEN = 'WINDSOCK_TOKEN=t';

describe('the terminal after the console', () => {
	for (const key of ['q', 'C-c']) {
		it(`is restored after ${key}`, async () => {
			await start(TOKEN, CONSOLE);
			assert.equal(flags(), '1 0', 'the console runs on the alternate screen with the cursor hidden');
			assert.ok(!sane(ttyModes()), 'the console runs in raw mode');
			tmux('send-keys', '-t', SESSION, key);
			await assertRestored(key);
		});
	}

	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT']) {
		it(`is restored after ${signal}`, async () => {
			const pid = await start(TOKEN, CONSOLE);
			process.kill(pid, signal);
			await assertRestored(signal);
			// the last frame is not left drawn on the main screen either
			assert.doesNotMatch(screen(), CONSOLE);
		});
	}

	for (const [what, code] of [
		['an uncaught exception', "setTimeout(()=>{throw new Error('boom-uncaught')},3000)"],
		['an unhandled rejection', "setTimeout(()=>{Promise.reject(new Error('boom-rejected'))},3000)"],
	]) {
		it(`is restored after ${what}, with the error shown`, async () => {
			const preload = `NODE_OPTIONS="--import=data:text/javascript,${encodeURIComponent(code!)}"`;
			await start(`${TOKEN} ${preload}`, CONSOLE);
			await assertRestored(what!);
			assert.match(screen(), /windsock: Error: boom-/);
		});
	}

	it('is handed back on Ctrl-Z, and taken again with a full redraw on SIGCONT', async () => {
		const pid = await start(TOKEN, CONSOLE);
		tmux('send-keys', '-t', SESSION, 'C-z');
		await until('the process to stop', () => /^T/.test(shell(`ps -o stat= -p ${pid}`).trim()));
		assert.equal(flags(), '0 1', 'stopped: main screen, cursor shown');
		assert.ok(sane(ttyModes()), 'stopped: the tty is back in cooked mode with echo');
		process.kill(pid, 'SIGCONT');
		await until('the redraw', () => flags() === '1 0' && CONSOLE.test(screen()));
		assert.ok(!sane(ttyModes()), 'continued: raw mode again');
		// and it still answers keys
		tmux('send-keys', '-t', SESSION, 'q');
		await assertRestored('Ctrl-Z, fg and q');
	});

	it('is handed back on SIGTSTP too (kill -TSTP, or Ctrl-Z outside raw mode)', async () => {
		const pid = await start(TOKEN, CONSOLE);
		process.kill(pid, 'SIGTSTP');
		await until('the process to stop', () => /^T/.test(shell(`ps -o stat= -p ${pid}`).trim()));
		assert.equal(flags(), '0 1');
		assert.ok(sane(ttyModes()));
		process.kill(pid, 'SIGCONT');
		await until('the redraw', () => flags() === '1 0' && CONSOLE.test(screen()));
		process.kill(pid, 'SIGTERM');
		await assertRestored('SIGTSTP, SIGCONT and SIGTERM');
	});
});

describe('the terminal while Ink loads (the first frame is drawn without it)', () => {
	// a module hook holds the console's code back for 4 s: the window between the first frame
	// and Ink's, which is half a second on a quiet machine, made long enough to act in
	const folder = mkdtempSync(path.join(os.tmpdir(), 'windsock-slow-load-'));
	const hook = path.join(folder, 'hook.mjs');
	writeFileSync(hook, "export async function load(url, context, next) { if (url.includes('run-console')) await new Promise(r => setTimeout(r, 4000)); return next(url, context); }\n");
	const preload = path.join(folder, 'preload.mjs');
	writeFileSync(preload, `import {register} from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
	after(() => rmSync(folder, {recursive: true, force: true}));
	const slow = `NODE_OPTIONS=--import=${pathToFileURL(preload).href}`;
	const FIRST = /connecting to http:\/\/127\.0\.0\.1/;

	it('draws the connecting frame on the alternate screen in raw mode, and is restored after SIGTERM', async () => {
		const pid = await start(`${TOKEN} ${slow}`, FIRST);
		assert.equal(flags(), '1 0', 'the first frame is on the alternate screen with the cursor hidden');
		assert.ok(!sane(ttyModes()), 'raw mode from the first frame: keys typed now wait for the console');
		assert.doesNotMatch(screen(), CONSOLE, 'still loading');
		process.kill(pid, 'SIGTERM');
		await assertRestored('SIGTERM before Ink loaded');
	});

	it('keeps a key typed before Ink loaded: q quits once the console is there', async () => {
		await start(`${TOKEN} ${slow}`, FIRST);
		tmux('send-keys', '-t', SESSION, 'q');
		await assertRestored('q typed while loading');
		assert.doesNotMatch(screen(), /\bq\b.*\n.*connecting/, 'the key was not echoed onto the frame');
	});
});

describe('the terminal after the password prompt', () => {
	for (const signal of ['SIGHUP', 'SIGTERM']) {
		it(`is restored after ${signal} while asking`, async () => {
			const pid = await start('WINDSOCK_USERNAME=admin', /Password for admin/);
			assert.ok(!sane(ttyModes()), 'the prompt reads in raw mode');
			process.kill(pid, signal);
			await assertRestored(`${signal} at the prompt`);
		});
	}
});
