// A profile file with profiles but no default (after `profiles remove` of the default, say):
// windsock asks which one, and never falls back to the local sandbox's address.
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {resolveConnection} from '../../source/config/connection.js';
import {runCli} from '../support/run-cli.js';

function profileFile(profiles: unknown): string {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'windsock-no-default-')), 'profiles.json');
	writeFileSync(file, JSON.stringify(profiles), {mode: 0o600});
	return file;
}

describe('profiles without a default', () => {
	const file = profileFile({profiles: {staging: {url: 'http://staging.invalid'}, prod: {url: 'http://prod.invalid'}}});

	it('are named, and one must be chosen', () => {
		assert.throws(() => resolveConnection({}, {WINDSOCK_CONFIG: file}), /has profiles but no default: choose one with --profile NAME \(there: staging, prod\)/);
		assert.equal(resolveConnection({profile: 'prod'}, {WINDSOCK_CONFIG: file}).options.baseUrl, 'http://prod.invalid');
		assert.equal(resolveConnection({url: 'http://other.invalid'}, {WINDSOCK_CONFIG: file}).options.baseUrl, 'http://other.invalid');
	});

	it('a command says so and exits 2, sending nothing to the sandbox address', async () => {
		const result = await runCli(['dags'], {WINDSOCK_CONFIG: file});
		assert.equal(result.code, 2, result.stderr);
		assert.match(result.stderr, /no default/);
		assert.doesNotMatch(result.stderr, /sandbox|127\.0\.0\.1:8080/);
	});
});
