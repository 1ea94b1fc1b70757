// `profiles add`, `profiles test` and `profiles remove` as a script runs them (no terminal,
// every answer a flag), against a fake Airflow 2.x that checks Basic auth: what lands in the
// file, its mode, that no secret does, and that a refused login writes nothing.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';
import {profileEntry} from '../../source/commands/profiles-add.js';
import {withoutProfile, withProfile} from '../../source/config/profile-store.js';

const PASSWORD = 'fake-admin-secret-7431';
const GOOD = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

describe('profiles add / test / remove, as scripts run them', () => {
	let server: FakeServer;
	let folder: string;
	let file: string;
	before(async () => {
		server = await fakeServer(
			asAirflow2(request => {
				if (request.headers.authorization !== GOOD) return {status: 401, body: {title: 'Unauthorized', status: 401}};
				if (request.url.startsWith('/api/v1/dags/~/dagRuns')) return {body: {dag_runs: [], total_entries: 0}};
				return {status: 404, body: {title: 'Not Found'}};
			}),
		);
		folder = mkdtempSync(path.join(os.tmpdir(), 'windsock-profiles-'));
		file = path.join(folder, 'config', 'profiles.json');
	});
	after(() => server.close());

	const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, {WINDSOCK_CONFIG: file, ...env});

	it('refuses a wrong password and writes nothing', async () => {
		const result = await cli(['profiles', 'add', 'dev', '--url', server.url, '--username', 'admin', '--password-env', 'DEV_PW'], {DEV_PW: 'wrong'});
		assert.equal(result.code, 1, result.stderr);
		assert.match(result.stderr, /login was refused \(401\)/);
		assert.match(result.stderr, /nothing written/);
		assert.ok(!existsSync(file), 'no file after a refused login');
	});

	it('tries the login, then writes the profile 0600 with where the password comes from, never the password', async () => {
		const result = await cli(['profiles', 'add', 'dev', '--url', server.url, '--username', 'admin', '--password-env', 'DEV_PW'], {DEV_PW: PASSWORD});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /found Airflow 2\.11\.2 \(API v1\)/);
		assert.match(result.stderr, /logged in as admin/);
		const text = readFileSync(file, 'utf8');
		assert.ok(!text.includes(PASSWORD), 'the password is not in the file');
		assert.deepEqual(JSON.parse(text), {profiles: {dev: {url: server.url, username: 'admin', passwordEnv: 'DEV_PW'}}, default: 'dev'});
		assert.equal(statSync(file).mode & 0o777, 0o600);
		assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
		assert.deepEqual(readdirSync(path.dirname(file)), ['profiles.json'], 'no temporary file left behind');
	});

	it('adds a second profile, keeping the first, the default and settings it does not know', async () => {
		const before = JSON.parse(readFileSync(file, 'utf8'));
		writeFileSync(file, JSON.stringify({...before, comment: 'kept'}), {mode: 0o600});
		const result = await cli(['profiles', 'add', 'prod-eu', '--url', server.url, '--no-login', '--skip-test', '--production']);
		assert.equal(result.code, 0, result.stderr);
		const written = JSON.parse(readFileSync(file, 'utf8'));
		assert.equal(written.comment, 'kept');
		assert.equal(written.default, 'dev');
		assert.deepEqual(Object.keys(written.profiles), ['dev', 'prod-eu']);
		assert.deepEqual(written.profiles['prod-eu'], {url: server.url, production: true});
	});

	it('refuses a name that exists, and says what is missing without a terminal', async () => {
		const again = await cli(['profiles', 'add', 'dev', '--url', server.url, '--no-login']);
		assert.equal(again.code, 2);
		assert.match(again.stderr, /already a profile "dev"/);
		const missing = await cli(['profiles', 'add', 'qa']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /no terminal to ask on, so give --url, one of --password-env/);
	});

	it('profiles test: one line per profile, exit 1 when a login fails', async () => {
		const good = await cli(['profiles', 'test', 'dev'], {DEV_PW: PASSWORD});
		assert.equal(good.code, 0, good.stderr);
		assert.match(good.stdout, /dev\s+yes\s+ok\s+2\.11\.2 \(v1\)/);
		const bad = await cli(['profiles', 'test', '--json'], {DEV_PW: 'wrong'});
		assert.equal(bad.code, 1);
		const checks = JSON.parse(bad.stdout).profiles;
		assert.deepEqual(
			checks.map((check: {name: string; login: string}) => [check.name, check.login]),
			[
				['dev', 'failed'],
				['prod-eu', 'failed'],
			],
		);
	});

	it('profiles remove: refuses without --yes off a terminal, removes with it', async () => {
		const asked = await cli(['profiles', 'remove', 'dev']);
		assert.equal(asked.code, 2);
		assert.match(asked.stderr, /pass --yes/);
		assert.ok(JSON.parse(readFileSync(file, 'utf8')).profiles.dev, 'still there');
		const removed = await cli(['profiles', 'remove', 'dev', '--yes']);
		assert.equal(removed.code, 0, removed.stderr);
		const written = JSON.parse(readFileSync(file, 'utf8'));
		assert.deepEqual(Object.keys(written.profiles), ['prod-eu']);
		assert.equal(written.default, undefined, 'the default went with its profile');
		assert.equal(statSync(file).mode & 0o777, 0o600);
		const unknown = await cli(['profiles', 'remove', 'nope', '--yes']);
		assert.equal(unknown.code, 2);
		assert.match(unknown.stderr, /no profile "nope"/);
	});
});

describe('the profile entry', () => {
	it('holds where each kind of secret comes from, and a username only where a password is used', () => {
		assert.deepEqual(profileEntry({url: 'u', username: 'a', login: {kind: 'ask'}}), {url: 'u', username: 'a'});
		assert.deepEqual(profileEntry({url: 'u', username: 'a', login: {kind: 'password-command', command: 'pass show af'}}), {url: 'u', username: 'a', passwordCommand: 'pass show af'});
		assert.deepEqual(profileEntry({url: 'u', username: 'a', login: {kind: 'token-command', command: 'gcloud auth print-access-token'}}), {url: 'u', tokenCommand: 'gcloud auth print-access-token'});
		assert.deepEqual(profileEntry({url: 'u', login: {kind: 'token-env', variable: 'T'}, production: false, readOnly: true}), {url: 'u', tokenEnv: 'T', production: false, readOnly: true});
	});
	it('the first profile becomes the default; removing the default leaves none', () => {
		const one = withProfile({profiles: {}}, 'a', {url: 'x'});
		assert.equal(one.default, 'a');
		const two = withProfile(one, 'b', {url: 'y'});
		assert.equal(two.default, 'a');
		assert.equal(withProfile(two, 'c', {url: 'z'}, {makeDefault: true}).default, 'c');
		assert.equal(withoutProfile(two, 'a').default, undefined);
		assert.throws(() => withProfile(two, 'bad name', {url: 'z'}), /cannot be a profile name/);
	});
});
