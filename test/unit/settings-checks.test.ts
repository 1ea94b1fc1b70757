// What the user gives is checked before it is used: no credentials inside a URL (and never
// echoed), a profile file only its owner can write, flags a timer can keep; and secrets
// recognised by the words people use for them, or masked by the server.
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {isSensitiveKey} from '../../source/text/sensitive.js';
import {urlHasCredentials} from '../../source/config/settings-checks.js';
import {runCli} from '../support/run-cli.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map(server => server.close())));

const directory = mkdtempSync(path.join(os.tmpdir(), 'windsock-settings-'));

function profileFile(name: string, profiles: unknown, mode = 0o600): string {
	const file = path.join(directory, `${name}.json`);
	writeFileSync(file, JSON.stringify({profiles}));
	chmodSync(file, mode);
	return file;
}

const PASSWORD = 'hunter2/x';

function assertNoSecret(text: string): void {
	assert.ok(!text.includes('hunter2'), `the password leaked: ${text}`);
	assert.ok(!text.includes('alice:'), `the user:password pair leaked: ${text}`);
}

describe('credentials in a URL', () => {
	it('recognises them, also where a "/" in the password makes the URL unparseable', () => {
		assert.ok(urlHasCredentials('http://alice:pw@host:8080'));
		assert.ok(urlHasCredentials('http://alice@host'));
		assert.ok(urlHasCredentials(`http://alice:${PASSWORD}@host`));
		assert.ok(!urlHasCredentials('http://host:8080/airflow'));
		assert.ok(!urlHasCredentials('https://host/path/@not-a-user'));
	});

	for (const [where, args, env] of [
		['--url', ['dags', '--url', `http://alice:${PASSWORD}@127.0.0.1:9`], {}],
		['--url (parseable)', ['dags', '--url', 'http://alice:hunter2@127.0.0.1:9'], {WINDSOCK_USERNAME: 'alice'}],
		['WINDSOCK_URL', ['dags'], {WINDSOCK_URL: `http://alice:${PASSWORD}@127.0.0.1:9`}],
		['the console', [], {WINDSOCK_URL: 'http://alice:hunter2@127.0.0.1:9', WINDSOCK_USERNAME: 'alice'}],
		['status', ['status', '--url', `http://alice:${PASSWORD}@127.0.0.1:9`], {}],
	] as const) {
		it(`are refused in ${where}, saying where credentials go, never echoed`, async () => {
			const result = await runCli([...args], {...env});
			// a settings mistake is a usage error (2) for every command, status and the console included
			assert.equal(result.code, 2, result.stderr);
			assert.match(result.stderr, /credentials/);
			assert.match(result.stderr, /WINDSOCK_USERNAME/);
			assert.match(result.stderr, /WINDSOCK_PASSWORD/);
			assert.match(result.stderr, /passwordEnv/);
			assertNoSecret(result.stderr + result.stdout);
		});
	}

	it('are refused in a profile, and `windsock profiles` does not print them', async () => {
		const file = profileFile('creds', {prod: {url: `https://alice:${PASSWORD}@airflow.example`}});
		for (const args of [['profiles'], ['profiles', '--json'], ['dags', '--profile', 'prod']]) {
			const result = await runCli(args, {WINDSOCK_CONFIG: file});
			assert.equal(result.code, 2, result.stderr);
			assert.match(result.stderr, /profile "prod".*credentials.*passwordEnv/);
			assertNoSecret(result.stderr + result.stdout);
		}
	});
});

describe('the profile file', () => {
	it('is refused when its group or others can write it', async () => {
		for (const mode of [0o666, 0o620, 0o602]) {
			const file = profileFile(`writable-${mode.toString(8)}`, {dev: {url: 'http://127.0.0.1:9'}}, mode);
			const result = await runCli(['profiles'], {WINDSOCK_CONFIG: file});
			assert.equal(result.code, 2, result.stderr);
			assert.match(result.stderr, /can be written by .*chmod go-w/);
		}
	});

	it('warns when others can read it, and is quiet at 600', async () => {
		const readable = await runCli(['profiles'], {WINDSOCK_CONFIG: profileFile('readable', {dev: {url: 'http://127.0.0.1:9'}}, 0o644)});
		assert.equal(readable.code, 0, readable.stderr);
		assert.match(readable.stderr, /warning: .* can be read by others \(mode 644\).*chmod go-r/);
		assert.equal(readable.stderr.match(/can be read/g)?.length, 1);
		const own = await runCli(['profiles'], {WINDSOCK_CONFIG: profileFile('own', {dev: {url: 'http://127.0.0.1:9'}}, 0o600)});
		assert.equal(own.code, 0, own.stderr);
		assert.doesNotMatch(own.stderr, /warning/);
		assert.match(own.stdout, /dev/);
	});
});

describe('flag bounds', () => {
	it('--request-timeout above one day is refused (a 32-bit timer would fire at once)', async () => {
		const result = await runCli(['dags', '--request-timeout', '2592000'], {WINDSOCK_URL: 'http://127.0.0.1:9'});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, /--request-timeout takes at most 86400 seconds/);
		const profile = await runCli(['profiles'], {WINDSOCK_CONFIG: profileFile('timeout', {dev: {url: 'http://127.0.0.1:9', timeout: 3e6}})});
		assert.equal(profile.code, 2);
		assert.match(profile.stderr, /"timeout" must be .* at most 86400/);
	});

	it('--refresh above 60 is refused, not quietly capped', async () => {
		const result = await runCli(['--refresh', '120'], {WINDSOCK_URL: 'http://127.0.0.1:9'});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, /--refresh takes a number of seconds from 0.2 to 60, not "120"/);
	});
});

describe('sensitive keys', () => {
	it("catches the common words, as words, and keeps Airflow's substring rule for its own", () => {
		for (const key of [
			'gcp_credentials',
			'db_pass',
			'DB_PWD',
			'basic_auth',
			'auth',
			'sentry_dsn',
			'session-cookie',
			'slack_webhook_url',
			'slackWebhookUrl',
			'SLACK_WEBHOOK_URL',
			'apiAuth',
			'my.pass',
			'dbpassword',
			'github_token',
			'x_secret_y',
		]) {
			assert.ok(isSensitiveKey(key), key);
		}
		for (const key of [
			'bypass_cache',
			'passthrough',
			'author',
			'authority_level',
			'compass',
			'dsn_count_x'.replace('dsn', 'dsns'),
			'cookie_jar_size'.replace('cookie', 'cookiecutter'),
			'region',
			'batch_size',
		]) {
			assert.ok(!isSensitiveKey(key), key);
		}
	});
});

describe('variables get on 3.x', () => {
	it('says the server masked the value instead of printing *** as the value', async () => {
		const server = await fakeServer(
			asAirflow3(request => {
				if (request.url.startsWith('/api/v2/variables/db_password')) return {body: {key: 'db_password', value: '***', description: null}};
				if (request.url.startsWith('/api/v2/variables/plain')) return {body: {key: 'plain', value: 'hello', description: null}};
				return {status: 404, body: {detail: 'Not Found'}};
			}),
		);
		servers.push(server);
		const env = {WINDSOCK_URL: server.url, WINDSOCK_TOKEN: 't'};
		const masked = await runCli(['variables', 'get', 'db_password'], env);
		assert.equal(masked.code, 1, masked.stderr);
		assert.equal(masked.stdout, '');
		assert.match(masked.stderr, /the server masks the value of db_password/);
		const json = await runCli(['variables', 'get', 'db_password', '--json'], env);
		assert.deepEqual(JSON.parse(json.stdout), {key: 'db_password', value: null, description: null, maskedByServer: true});
		const plain = await runCli(['variables', 'get', 'plain'], env);
		assert.equal(plain.code, 0);
		assert.equal(plain.stdout, 'hello\n');
	});
});
