// WINDSOCK_PASSWORD / WINDSOCK_TOKEN belong to the profile windsock was started for. The
// Environments pane, `status --all`, `profiles test` and `:env` reach every profile's server;
// a profile that names no variable or command of its own must not be sent dev's password.
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {resolveConnection, startingProfileName} from '../../source/config/connection.js';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

function profileFile(profiles: unknown): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-shared-secrets-'));
	const file = path.join(dir, 'profiles.json');
	writeFileSync(file, JSON.stringify(profiles), {mode: 0o600});
	return file;
}

const servers: FakeServer[] = [];
after(() => Promise.all(servers.map(server => server.close())));

const HEALTH = {metadatabase: {status: 'healthy'}, scheduler: {status: 'healthy', latest_scheduler_heartbeat: new Date().toISOString()}, triggerer: {status: null}, dag_processor: {status: null}};
const airflow2 = () =>
	asAirflow2(request => {
		if (request.url.startsWith('/api/v1/health')) return {body: HEALTH};
		if (request.url.startsWith('/api/v1/dags/~/dagRuns')) return {body: {dag_runs: [], total_entries: 0}};
		if (request.url.startsWith('/api/v1/importErrors')) return {body: {import_errors: [], total_entries: 0}};
		return {};
	});

describe('the shared secret variables', () => {
	const file = profileFile({
		default: 'dev',
		profiles: {
			dev: {url: 'http://dev.invalid', username: 'ops'},
			prod: {url: 'http://prod.invalid', username: 'ops'},
			staging: {url: 'http://staging.invalid', username: 'ops', passwordEnv: 'STAGING_PW'},
		},
	});
	const env = {WINDSOCK_CONFIG: file, WINDSOCK_PASSWORD: 'dev-pw', STAGING_PW: 'staging-pw'};

	it('go to the starting profile only; a profile keeps the variable it names itself', () => {
		assert.equal(startingProfileName({}, env), 'dev');
		assert.equal(startingProfileName({profile: 'prod'}, env), 'prod');
		assert.equal(resolveConnection({profile: 'dev'}, env, {ambientSecrets: true}).options.password, 'dev-pw');
		const prod = resolveConnection({profile: 'prod'}, env, {ambientSecrets: false});
		assert.equal(prod.options.password, undefined);
		assert.equal(prod.needsPassword, true, 'health only, as for a profile with no password');
		assert.equal(resolveConnection({profile: 'staging'}, env, {ambientSecrets: false}).options.password, 'staging-pw');
	});

	it("status --all never sends the default profile's password to another profile's server", async () => {
		const dev = await fakeServer(airflow2());
		const prod = await fakeServer(airflow2());
		servers.push(dev, prod);
		const twoServers = profileFile({default: 'dev', profiles: {dev: {url: dev.url, username: 'ops'}, prod: {url: prod.url, username: 'ops'}}});
		const result = await runCli(['status', '--all'], {WINDSOCK_CONFIG: twoServers, WINDSOCK_PASSWORD: 'dev-pw'});
		assert.match(result.stdout, /prod/, result.stderr);
		const basic = `Basic ${Buffer.from('ops:dev-pw').toString('base64')}`;
		assert.ok(
			dev.seen.some(request => request.headers.authorization === basic),
			'the default profile logs in with its password',
		);
		assert.ok(prod.seen.length > 0, 'prod was probed');
		assert.ok(
			prod.seen.every(request => request.headers.authorization === undefined),
			prod.seen.map(request => `${request.url} ${request.headers.authorization}`).join('\n'),
		);
	});
});
