// The password prompt on a real terminal (tmux): typed with an arrow in the middle, the
// secret the server receives is the edited line, not the line plus "[D". The server is a
// fake Airflow 2.x that records the Basic credentials it is sent (a Variable read needs them).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';
import {CLI} from '../support/run-cli.js';
import {tmux} from '../support/tmux.js';

const SESSION = 'windsock-package-prompt';
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);

function kill(): void {
	try {
		tmux('kill-session', '-t', SESSION);
	} catch {
		// none running
	}
}

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
		await sleep(100);
	}
}

let server: FakeServer;
before(async () => {
	const healthy = {status: 'healthy', latest_scheduler_heartbeat: new Date().toISOString()};
	server = await fakeServer(
		asAirflow2(request => {
			if (request.url.startsWith('/api/v1/health')) return {body: {metadatabase: {status: 'healthy'}, scheduler: healthy, triggerer: healthy, dag_processor: healthy}};
			if (request.url.startsWith('/api/v1/variables/ws_prompt_probe')) {
				return request.headers.authorization ? {body: {key: 'ws_prompt_probe', value: 'probe-value', description: null}} : {status: 401, body: {title: 'Unauthorized'}};
			}
			return {status: 404, body: {title: 'Not Found'}};
		}),
	);
});
after(async () => {
	kill();
	await server?.close();
});

/** The passwords the server was sent, decoded from each Basic Authorization header. */
const passwordsSent = () =>
	server.seen
		.map(request => request.headers.authorization)
		.filter((header): header is string => !!header?.startsWith('Basic '))
		.map(header =>
			Buffer.from(header.slice(6), 'base64')
				.toString('utf8')
				.replace(/^admin:/, ''),
		);

describe('the password prompt on a terminal', () => {
	it('edits like a shell line: sec, left arrow, X, Enter sends seXc', async () => {
		kill();
		tmux(
			'new-session',
			'-d',
			'-s',
			SESSION,
			'-x',
			'100',
			'-y',
			'20',
			`env NO_COLOR=1 WINDSOCK_CONFIG=/nonexistent/profiles.json node ${CLI} variables get ws_prompt_probe --url ${server.url} --username admin; echo WINDSOCK-ENDED $?; sleep 60`,
		);
		await until('the prompt', () => /Password for admin/.test(screen()));
		tmux('send-keys', '-t', SESSION, '-l', 'sec');
		tmux('send-keys', '-t', SESSION, 'Left');
		tmux('send-keys', '-t', SESSION, '-l', 'X');
		tmux('send-keys', '-t', SESSION, 'Enter');
		await until('the end', () => /WINDSOCK-ENDED/.test(screen()));
		assert.match(screen(), /^probe-value$/m);
		assert.match(screen(), /WINDSOCK-ENDED 0/);
		const sent = passwordsSent();
		assert.ok(sent.length > 0, 'the server got no Basic credentials');
		assert.deepEqual([...new Set(sent)], ['seXc']);
		assert.ok(!screen().includes('seXc') && !screen().includes('sec'), 'the secret is not echoed');
	});

	it('gives the terminal back, echo on, after Ctrl-C in the middle of the line', async () => {
		kill();
		const before = server.seen.length;
		tmux(
			'new-session',
			'-d',
			'-s',
			SESSION,
			'-x',
			'100',
			'-y',
			'20',
			`env NO_COLOR=1 WINDSOCK_CONFIG=/nonexistent/profiles.json node ${CLI} variables get ws_prompt_probe --url ${server.url} --username admin; echo WINDSOCK-ENDED $?; stty -a; sleep 60`,
		);
		await until('the prompt', () => /Password for admin/.test(screen()));
		tmux('send-keys', '-t', SESSION, '-l', 'half');
		tmux('send-keys', '-t', SESSION, 'Left');
		tmux('send-keys', '-t', SESSION, 'C-c');
		await until('the end', () => /WINDSOCK-ENDED/.test(screen()));
		const text = screen();
		assert.doesNotMatch(text, /WINDSOCK-ENDED 0/, 'cancelled, not logged in');
		assert.match(text, /(^|\s)icanon(\s|$)/m, `raw mode left on:\n${text}`);
		assert.match(text, /(^|\s)echo(\s|$)/m, `echo left off:\n${text}`);
		assert.ok(
			server.seen.slice(before).every(request => !request.headers.authorization),
			'no credentials were sent',
		);
	});
});
