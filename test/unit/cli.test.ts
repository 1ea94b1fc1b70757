// The CLI's first contact: help, version, and refusing a password on argv.
import assert from 'node:assert/strict';
import {CLI} from '../support/run-cli.js';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {resolveConnection} from '../../source/config/connection.js';
import {VERSION} from '../../source/version.js';

const cli = CLI;
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', env: {...process.env, WINDSOCK_URL: 'http://127.0.0.1:9'}});

describe('windsock CLI', () => {
	it('prints its version and help', () => {
		assert.equal(run('--version').stdout.trim(), VERSION);
		const help = run('--help');
		assert.equal(help.status, 0);
		assert.match(help.stdout, /--url URL/);
		assert.match(help.stdout, /WINDSOCK_PASSWORD/);
	});

	for (const args of [['--password=hunter2'], ['--password', 'hunter2'], ['status', '--pass=hunter2'], ['-pw', 'hunter2']]) {
		it(`refuses ${args.join(' ')} and never echoes the value`, () => {
			const result = run(...args);
			assert.equal(result.status, 2);
			assert.match(result.stderr, /does not take a password on the command line/);
			assert.match(result.stderr, /WINDSOCK_PASSWORD/);
			assert.ok(!result.stderr.includes('hunter2') && !result.stdout.includes('hunter2'));
		});
	}

	it('lists profiles without any secret, and refuses a file that holds one', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-cli-profiles-'));
		const file = path.join(dir, 'profiles.json');
		writeFileSync(
			file,
			JSON.stringify({default: 'dev', profiles: {dev: {url: 'http://dev:8080', confirm: false}, prod: {url: 'https://prod', production: true, readOnly: true, passwordEnv: 'PROD_PW'}}}),
		);
		const env = {...process.env, WINDSOCK_CONFIG: file, PROD_PW: 'do-not-print-me', NO_COLOR: '1'};
		const listed = spawnSync(process.execPath, [cli, 'profiles'], {encoding: 'utf8', env});
		assert.equal(listed.status, 0, listed.stderr);
		assert.match(listed.stdout, /^dev \(default\)\s+http:\/\/dev:8080\s+\$WINDSOCK_PASSWORD\s+no confirmations$/m);
		assert.match(listed.stdout, /^prod\s+https:\/\/prod\s+\$PROD_PW\s+PRODUCTION, read-only$/m);
		assert.ok(!listed.stdout.includes('do-not-print-me'));
		writeFileSync(file, JSON.stringify({profiles: {bad: {url: 'http://x', password: 'hunter2'}}}));
		const refused = spawnSync(process.execPath, [cli, 'profiles'], {encoding: 'utf8', env});
		assert.equal(refused.status, 2);
		assert.match(refused.stderr, /profiles never hold secrets/);
		assert.ok(!refused.stderr.includes('hunter2'));
	});

	it('says what is wrong with an unknown flag', () => {
		const result = run('--colour');
		assert.equal(result.status, 2);
		assert.match(result.stderr, /^windsock: unknown option --colour\n/);
	});

	it('explains an unreachable server in one line with a hint', () => {
		const result = run('status', '--request-timeout', '1');
		assert.equal(result.status, 1);
		// Node 24.20+ reports a refusal seen on a retry as a socket closed before it opened
		assert.match(result.stderr, /^windsock: Cannot reach 127\.0\.0\.1:9: connection refused( or closed before it opened)?\. Is Airflow running there/);
		assert.equal(result.stderr.trim().split('\n').length, 1);
	});
});

describe('connection settings', () => {
	it('takes flags over environment, and secrets only from the environment', () => {
		const env = {WINDSOCK_URL: 'http://env:1', WINDSOCK_USERNAME: 'envuser', WINDSOCK_PASSWORD: 'pw'};
		const resolved = resolveConnection({url: 'http://flag:2', username: 'flaguser'}, env);
		assert.equal(resolved.options.baseUrl, 'http://flag:2');
		assert.equal(resolved.options.username, 'flaguser');
		assert.equal(resolved.options.password, 'pw');
		assert.equal(resolved.needsPassword, false);
		assert.equal(resolved.urlSource, 'flag');
	});

	it('asks for a password when a username comes without a secret', () => {
		assert.equal(resolveConnection({username: 'alice'}, {}).needsPassword, true);
		assert.equal(resolveConnection({username: 'alice'}, {WINDSOCK_TOKEN: 't'}).needsPassword, false);
	});

	it('reads --read-only, WINDSOCK_READ_ONLY and --request-timeout', () => {
		assert.equal(resolveConnection({}, {WINDSOCK_READ_ONLY: 'true'}).options.readOnly, true);
		assert.equal(resolveConnection({readOnly: true}, {}).options.readOnly, true);
		assert.equal(resolveConnection({timeout: '2.5'}, {}).options.requestTimeoutMs, 2500);
		assert.throws(() => resolveConnection({timeout: 'soon'}, {}), /--request-timeout takes a number of seconds/);
	});
});
