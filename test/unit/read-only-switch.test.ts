// Read-only is a one-way switch: --read-only, WINDSOCK_READ_ONLY or the profile can each turn
// it on, and nothing turns it off, whatever profile is selected. A user who exports
// WINDSOCK_READ_ONLY=1 before touching production must never find it ignored.
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {resolveConnection} from '../../source/config/connection.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

function profileFile(profiles: unknown): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-read-only-'));
	const file = path.join(dir, 'profiles.json');
	writeFileSync(file, JSON.stringify(profiles));
	return file;
}

const FILE = profileFile({
	default: 'dev',
	profiles: {
		dev: {url: 'http://dev:8080', readOnly: false, confirm: false},
		staging: {url: 'http://staging:8080'},
		prod: {url: 'https://prod', readOnly: true, production: true},
	},
});

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map(server => server.close())));

describe('read-only can only be switched on', () => {
	for (const profile of [undefined, 'dev', 'staging']) {
		const which = profile ? `--profile ${profile}` : 'the default profile (readOnly: false)';
		for (const on of ['1', 'true', 'TRUE', 'yes']) {
			it(`WINDSOCK_READ_ONLY=${on} with ${which}`, () => {
				const resolved = resolveConnection(profile ? {profile} : {}, {WINDSOCK_CONFIG: FILE, WINDSOCK_READ_ONLY: on});
				assert.equal(resolved.options.readOnly, true);
				assert.equal(resolved.safety.readOnly, true);
			});
		}
		it(`--read-only with ${which}`, () => {
			const resolved = resolveConnection({readOnly: true, ...(profile ? {profile} : {})}, {WINDSOCK_CONFIG: FILE});
			assert.equal(resolved.options.readOnly, true);
			assert.equal(resolved.safety.readOnly, true);
		});
	}

	it('WINDSOCK_PROFILE selecting a writable profile does not undo WINDSOCK_READ_ONLY', () => {
		const resolved = resolveConnection({}, {WINDSOCK_CONFIG: FILE, WINDSOCK_PROFILE: 'dev', WINDSOCK_READ_ONLY: '1'});
		assert.equal(resolved.profile, 'dev');
		assert.equal(resolved.options.readOnly, true);
		assert.equal(resolved.safety.readOnly, true);
	});

	it('a read-only profile stays read-only whatever the environment says', () => {
		for (const value of [undefined, '0', 'false', 'no', '']) {
			const env = {WINDSOCK_CONFIG: FILE, ...(value === undefined ? {} : {WINDSOCK_READ_ONLY: value})};
			const resolved = resolveConnection({profile: 'prod'}, env);
			assert.equal(resolved.options.readOnly, true, `WINDSOCK_READ_ONLY=${value}`);
			assert.equal(resolved.safety.readOnly, true);
			assert.equal(resolved.safety.production, true);
			assert.equal(resolved.safety.confirm, true);
		}
		assert.equal(resolveConnection({profile: 'prod', readOnly: false}, {WINDSOCK_CONFIG: FILE}).options.readOnly, true);
	});

	it('off only when nothing switches it on', () => {
		assert.equal(resolveConnection({}, {WINDSOCK_CONFIG: FILE}).options.readOnly, false);
		assert.equal(resolveConnection({}, {WINDSOCK_CONFIG: FILE, WINDSOCK_READ_ONLY: '0'}).options.readOnly, false);
		assert.equal(resolveConnection({}, {WINDSOCK_CONFIG: FILE, WINDSOCK_READ_ONLY: 'nope'}).safety.readOnly, false);
		assert.equal(resolveConnection({}, {WINDSOCK_CONFIG: '/nonexistent/profiles.json'}).options.readOnly, false);
	});

	it('`windsock pause` with WINDSOCK_READ_ONLY=1 and a writable profile sends no change', async () => {
		const server = await fakeServer(
			asAirflow3(request => {
				if (request.url.startsWith('/api/v2/dags/etl')) return {body: {dag_id: 'etl', is_paused: request.method === 'PATCH'}};
				return {status: 404, body: {detail: 'Not Found'}};
			}),
		);
		servers.push(server);
		const file = profileFile({default: 'local', profiles: {local: {url: server.url, readOnly: false, confirm: false}}});
		const result = await runCli(['pause', 'etl', '--yes'], {WINDSOCK_CONFIG: file, WINDSOCK_READ_ONLY: '1', WINDSOCK_TOKEN: 't'});
		assert.notEqual(result.code, 0, result.stdout);
		assert.match(result.stderr, /read-only/i);
		assert.deepEqual(
			server.seen.filter(request => request.method !== 'GET').map(request => `${request.method} ${request.url}`),
			[],
		);
	});
});
