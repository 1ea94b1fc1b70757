// Output into a pipe that closes early ends quietly; TERM=dumb turns colour off and
// FORCE_COLOR turns it on through a pipe.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {after, describe, it} from 'node:test';
import {Output} from '../../source/commands/output.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';
import {CLI} from '../support/run-cli.js';

let server: FakeServer;
after(async () => server?.close());

function withEnv(env: Record<string, string | undefined>, run: () => void): void {
	const saved = {...process.env};
	Object.assign(process.env, env);
	for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
	try {
		run();
	} finally {
		process.env = saved;
	}
}

describe('pipes and colour', () => {
	it('a long value piped into head -1 ends without a stack trace', async () => {
		const big = Array.from({length: 200_000}, (_, i) => `line ${i}`).join('\n');
		server = await fakeServer(asAirflow3(() => ({body: {key: 'big', value: big, description: null}})));
		const result = await new Promise<{code: number | null; stderr: string; stdout: string}>(resolve => {
			const child = spawn('sh', ['-c', `'${process.execPath}' '${CLI}' variables get big | head -1`], {
				env: {...process.env, WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't', WINDSOCK_CONFIG: '/nonexistent'},
			});
			let stderr = '';
			let stdout = '';
			child.stderr.on('data', chunk => (stderr += chunk));
			child.stdout.on('data', chunk => (stdout += chunk));
			child.on('close', code => resolve({code, stderr, stdout}));
		});
		assert.equal(result.stdout, 'line 0\n');
		assert.doesNotMatch(result.stderr, /EPIPE|Error|at /);
	});

	it('TERM=dumb turns colour off on a terminal; FORCE_COLOR turns it on through a pipe', () => {
		const stream = (isTTY: boolean) => ({write: () => true, isTTY}) as unknown as NodeJS.WriteStream;
		const pipe = stream(false);
		withEnv({TERM: 'dumb', NO_COLOR: undefined, FORCE_COLOR: undefined}, () => assert.equal(new Output(stream(true)).colour, false));
		withEnv({TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: '1'}, () => assert.equal(new Output(pipe).colour, true));
		withEnv({TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined}, () => assert.equal(new Output(pipe).colour, false));
		withEnv({TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '1'}, () => assert.equal(new Output(pipe).colour, false));
	});
});
