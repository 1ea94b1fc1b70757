// Secrets from commands (passwordCommand, tokenCommand): small scripts written into a temp
// folder print a token, rotate it, fail and hang; fake servers accept only the newest secret.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {setTimeout as sleep} from 'node:timers/promises';
import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {BasicAuth, TokenAuth} from '../../source/airflow/auth.js';
import {AirflowClient} from '../../source/airflow/client.js';
import type {AirflowError} from '../../source/airflow/errors.js';
import {resolveConnection} from '../../source/config/connection.js';
import {CommandSecret, runSecretCommand, SecretCommandError, stderrForMessage} from '../../source/config/secret-command.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';
import {CLI, runCli} from '../support/run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-secret-commands-'));
const servers: FakeServer[] = [];
after(() => Promise.all(servers.map(s => s.close())));

function script(name: string, body: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, `#!/bin/sh\n${body}\n`);
	chmodSync(file, 0o700);
	return file;
}

/** A command that counts its runs in a file and prints "<prefix>-<run>": a token that rotates on every run. */
function rotating(name: string, prefix: string): {command: string; runs(): number} {
	const counter = path.join(dir, `${name}.count`);
	writeFileSync(counter, '0');
	const command = script(name, `n=$(($(cat '${counter}') + 1)); echo $n > '${counter}'; echo "${prefix}-$n"`);
	return {command, runs: () => Number(readFileSync(counter, 'utf8'))};
}

const options = {label: 'the tokenCommand of profile "t"', timeoutMs: 10_000};

async function serve(handler: Parameters<typeof fakeServer>[0]): Promise<FakeServer> {
	const server = await fakeServer(handler);
	servers.push(server);
	return server;
}

describe('a secret command', () => {
	it('gives its trimmed stdout, run without a shell (array) or through /bin/sh (string)', async () => {
		const printer = script('print-token', 'printf "  tok-en-1 \\n\\n"');
		assert.equal(await runSecretCommand([printer], options), 'tok-en-1');
		// no shell for an array: $HOME stays literal; a string goes through sh, which expands it
		assert.equal(await runSecretCommand(['/bin/echo', '$HOME'], options), '$HOME');
		assert.equal(await runSecretCommand('echo "$HOME" | tr a-z A-Z', {...options, env: {HOME: '/home/x', PATH: process.env['PATH']}}), '/HOME/X');
	});

	it('that fails shows its stderr and exit status, never its stdout', async () => {
		const failing = script('fail', 'echo "SECRET-ON-STDOUT"; echo "vault: permission denied for SECRET-ON-STDOUT\x1b[31m" >&2; exit 3');
		await assert.rejects(runSecretCommand([failing], options), (error: Error) => {
			assert.ok(error instanceof SecretCommandError);
			assert.match(error.message, /the tokenCommand of profile "t" failed with exit status 3: vault: permission denied for ‹hidden›/);
			assert.doesNotMatch(error.message, /SECRET-ON-STDOUT|\x1b/);
			return true;
		});
	});

	it('that prints nothing, or cannot start, says so', async () => {
		await assert.rejects(runSecretCommand([script('empty', 'echo "no session: run op signin" >&2')], options), /printed nothing on stdout; it said: no session: run op signin/);
		await assert.rejects(runSecretCommand([path.join(dir, 'no-such-program')], options), /could not be run: its program was not found/);
	});

	it('that hangs is stopped at its timeout, with the children its shell started', async () => {
		const hanging = script('hang', 'echo "waiting for the browser login" >&2; sleep 600; echo late');
		// through sh -c, the sleep is a grandchild that holds stdout: the whole group must go
		await assert.rejects(runSecretCommand(`'${hanging}'`, {...options, timeoutMs: 300}), (error: Error) => {
			assert.match(error.message, /did not finish within 0\.3s and was stopped \(raise commandTimeout in the profile if it needs longer\); it said: waiting for the browser login/);
			return true;
		});
	});

	it('stderr shown is one line, without control characters, and cut', () => {
		assert.equal(stderrForMessage('a\n  b\x07\n', ''), 'a b');
		assert.equal(stderrForMessage('x'.repeat(1000), '').length, 300);
		assert.equal(stderrForMessage('token abcd1234 refused', 'abcd1234\n'), 'token ‹hidden› refused');
	});

	it('runs once for concurrent callers, and again on refresh; refresh says whether the secret changed', async () => {
		const token = rotating('shared', 'tok');
		const secret = new CommandSecret([token.command], options);
		assert.deepEqual(await Promise.all([secret.get(), secret.get(), secret.get()]), ['tok-1', 'tok-1', 'tok-1']);
		assert.equal(token.runs(), 1);
		assert.deepEqual(await Promise.all([secret.refresh(), secret.refresh()]), [true, true]);
		assert.equal(token.runs(), 2);
		assert.equal(await secret.get(), 'tok-2');
		const fixed = new CommandSecret(['/bin/echo', 'same'], options);
		await fixed.get();
		assert.equal(await fixed.refresh(), false, 'the same secret again is not worth a replay');
	});
});

describe('renewing after a 401', () => {
	it('a refusal of a token already replaced replays with the new one without running the command again', async () => {
		const token = rotating('late', 'tok');
		const auth = new TokenAuth(new CommandSecret([token.command], options));
		assert.equal(await auth.header(), 'Bearer tok-1');
		assert.equal(await auth.renew('Bearer tok-1'), true);
		assert.equal(token.runs(), 2);
		// a request sent with tok-1 before the renewal is refused late: tok-2 is already there
		assert.equal(await auth.renew('Bearer tok-1'), true);
		assert.equal(token.runs(), 2);
		assert.equal(await auth.header(), 'Bearer tok-2');
		// tok-2 itself refused: run again
		assert.equal(await auth.renew('Bearer tok-2'), true);
		assert.equal(token.runs(), 3);
	});

	it('a fixed token or password is never worth a replay', async () => {
		assert.equal(await new TokenAuth('t').renew('Bearer t'), false);
		const basic = new BasicAuth('u', 'p');
		assert.equal(await basic.renew(await basic.header()), false);
	});
});

describe('tokenCommand against a server that accepts only the newest token', () => {
	it('after a 401 runs the command once more and replays the request, once for a burst of requests', async () => {
		const token = rotating('rotate', 'token');
		let accepted = 'Bearer token-1';
		const server = await serve(asAirflow3(request => (request.headers.authorization === accepted ? {body: {variables: [], total_entries: 0}} : {status: 401, body: {detail: 'Invalid token'}})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: new CommandSecret([token.command], options), retries: 0});
		await client.listVariables();
		assert.equal(token.runs(), 1);
		// the token expires: the server now wants the next one
		accepted = 'Bearer token-2';
		await Promise.all([client.listVariables(), client.listVariables(), client.listVariables()]);
		assert.equal(token.runs(), 2, 'one run for the three refused requests');
		const asked = server.seen.filter(r => r.url.startsWith('/api/v2/variables')).map(r => r.headers.authorization);
		assert.equal(asked.filter(h => h === 'Bearer token-2').length, 3, 'each refused request replayed with the fresh token');
		// a token the server keeps refusing: one run, one replay, then the 401 is the answer
		accepted = 'Bearer never';
		const before = server.seen.length;
		await assert.rejects(client.listVariables(), (error: AirflowError) => error.status === 401);
		assert.equal(server.seen.length - before, 2);
		assert.equal(token.runs(), 3);
	});

	it('a command failing on the refresh is reported as a credentials error, never a network one', async () => {
		const counter = path.join(dir, 'once.count');
		writeFileSync(counter, '0');
		const once = script('once', `n=$(($(cat '${counter}') + 1)); echo $n > '${counter}'; [ $n -eq 1 ] || { echo "token endpoint said 500" >&2; exit 7; }; echo first`);
		const server = await serve(asAirflow3(request => (request.headers.authorization === 'Bearer first' ? {status: 401, body: {detail: 'expired'}} : {status: 500})));
		const client = await AirflowClient.connect({baseUrl: server.url, token: new CommandSecret([once], options), retries: 0});
		await assert.rejects(client.listVariables(), (error: AirflowError) => {
			assert.equal(error.kind, 'credentials');
			assert.match(error.message, /failed with exit status 7: token endpoint said 500/);
			assert.match(error.hint ?? '', /Nothing was sent to Airflow/);
			return true;
		});
	});
});

describe('passwordCommand', () => {
	it('on Airflow 2.x (basic auth): a rotated password is fetched again and the request replayed', async () => {
		const password = rotating('basic', 'pw');
		let current = 'pw-1';
		const server = await serve(
			asAirflow2(request =>
				request.headers.authorization === `Basic ${Buffer.from(`ops:${current}`).toString('base64')}` ? {body: {variables: [], total_entries: 0}} : {status: 401, body: {title: 'Unauthorized'}},
			),
		);
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'ops', password: new CommandSecret([password.command], options), retries: 0});
		await client.listVariables();
		current = 'pw-2';
		await client.listVariables();
		assert.equal(password.runs(), 2);
	});

	it('on Airflow 3.x (/auth/token): an expired JWT is renewed with the same password; a refused login asks the command again', async () => {
		const password = rotating('jwt', 'pw');
		let current = 'pw-1';
		let issued = 0;
		let valid = '';
		const server = await serve(
			asAirflow3(request => {
				if (request.url === '/auth/token') {
					const {password: given} = JSON.parse(request.body) as {password: string};
					if (given !== current) return {status: 401, body: {detail: 'Invalid credentials'}};
					valid = `jwt-${++issued}`;
					return {status: 201, body: {access_token: valid}};
				}
				return request.headers.authorization === `Bearer ${valid}` ? {body: {variables: [], total_entries: 0}} : {status: 401, body: {detail: 'expired'}};
			}),
		);
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'ops', password: new CommandSecret([password.command], options), retries: 0});
		await client.listVariables();
		// the JWT expires: a new one with the same password, no new run of the command
		valid = 'expired';
		await client.listVariables();
		assert.equal(password.runs(), 1);
		assert.equal(issued, 2);
		// the password rotates and the JWT expires: the login is refused, the command runs again
		current = 'pw-2';
		valid = 'expired';
		await client.listVariables();
		assert.equal(password.runs(), 2);
		assert.equal(issued, 3);
		const logins = server.seen.filter(r => r.url === '/auth/token').map(r => (JSON.parse(r.body) as {password: string}).password);
		assert.deepEqual(logins, ['pw-1', 'pw-1', 'pw-1', 'pw-2']);
	});
});

describe('a profile with a command', () => {
	function profile(name: string, entry: Record<string, unknown>): string {
		const file = path.join(dir, `${name}.json`);
		writeFileSync(file, JSON.stringify({profiles: {[name]: entry}}), {mode: 0o600});
		return file;
	}

	it('runs it without the secret variables windsock reads in its environment', async () => {
		// biome-ignore lint/suspicious/noTemplateCurlyInString: shell expansions in the script, not a template
		const showEnv = script('env-check', 'echo "token:${WINDSOCK_TOKEN:-none} pw:${MY_PW:-none} home:${HOME:+set}"');
		const resolved = resolveConnection(
			{profile: 'envcheck'},
			{WINDSOCK_CONFIG: profile('envcheck', {url: 'http://127.0.0.1:9', username: 'u', passwordCommand: [showEnv], passwordEnv: undefined}), WINDSOCK_TOKEN: 't0p', MY_PW: 'x', HOME: '/h'},
		);
		assert.equal(await resolved.secretCommand?.get(), 'token:none pw:x home:set');
		assert.equal(resolved.needsPassword, false);
	});

	it('that fails stops a command before it connects: exit 2, its stderr, never its stdout', async () => {
		const server = await serve(asAirflow3(() => ({body: {dags: [], total_entries: 0}})));
		const failing = script('cli-fail', 'echo "hunter2-SECRET"; echo "gcloud: not logged in" >&2; exit 1');
		const result = await runCli(['dags', '--profile', 'clifail'], {WINDSOCK_CONFIG: profile('clifail', {url: server.url, tokenCommand: [failing]})});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, /the tokenCommand of profile "clifail" failed with exit status 1: gcloud: not logged in/);
		assert.doesNotMatch(result.stderr + result.stdout, /hunter2/);
		assert.equal(server.seen.filter(r => r.headers.authorization).length, 0, 'no request carried a credential');
	});

	it('that hangs is stopped at commandTimeout and the message says so', async () => {
		const hanging = script('cli-hang', 'sleep 600');
		const result = await runCli(['dags', '--profile', 'clihang'], {WINDSOCK_CONFIG: profile('clihang', {url: 'http://127.0.0.1:9', tokenCommand: `'${hanging}'`, commandTimeout: 0.5})});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, /the tokenCommand of profile "clihang" did not finish within 0\.5s and was stopped/);
	});

	it('still running when windsock is stopped (SIGTERM) is stopped with it', async () => {
		const pidFile = path.join(dir, 'stopped.pid');
		const hanging = script('cli-stopped', `echo $$ > '${pidFile}'; exec sleep 600`);
		const file = profile('clistopped', {url: 'http://127.0.0.1:9', tokenCommand: [hanging], commandTimeout: 600});
		const child = spawn(process.execPath, [CLI, 'dags', '--profile', 'clistopped'], {env: {...process.env, WINDSOCK_CONFIG: file}, stdio: 'ignore'});
		const closed = new Promise(resolve => child.on('close', resolve));
		const alive = (pid: number) => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		};
		let pid = 0;
		for (let i = 0; i < 500 && !pid; i++) {
			try {
				pid = Number(readFileSync(pidFile, 'utf8'));
			} catch {
				await sleep(20);
			}
		}
		assert.ok(pid > 0 && alive(pid), 'the command started');
		child.kill('SIGTERM');
		await closed;
		for (let i = 0; i < 250 && alive(pid); i++) await sleep(20);
		const survived = alive(pid);
		if (survived) process.kill(pid, 'SIGKILL'); // a failing run leaves no sleep behind
		assert.equal(survived, false, 'the command was stopped with windsock');
	});

	it('that works carries its token on every request', async () => {
		const server = await serve(asAirflow3(request => (request.headers.authorization === 'Bearer cmd-token' ? {body: {dags: [], total_entries: 0}} : {status: 401})));
		const result = await runCli(['dags', '--profile', 'cliok', '--json'], {WINDSOCK_CONFIG: profile('cliok', {url: server.url, tokenCommand: 'echo cmd-token'})});
		assert.equal(result.code, 0, result.stderr);
		assert.ok(server.seen.some(r => r.url.startsWith('/api/v2/dags') && r.headers.authorization === 'Bearer cmd-token'));
	});
});
