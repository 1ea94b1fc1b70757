// The pure parts under the commands: profiles, typed JSON with a line to point at, and the
// export/import file forms.
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {resolveConnection} from '../../source/config/connection.js';
import {parseJsonObject} from '../../source/text/json-input.js';
import {connectionsFromFile, connectionsToFile} from '../../source/transfer/connections-file.js';
import {pythonJsonDumps} from '../../source/transfer/python-json.js';
import {variablesFromFile, variablesToFile} from '../../source/transfer/variables-file.js';

function profileEnv(profiles: unknown): NodeJS.ProcessEnv {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-profiles-'));
	writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify(profiles));
	return {WINDSOCK_CONFIG: path.join(dir, 'profiles.json')};
}

describe('profiles', () => {
	const file = {
		default: 'dev',
		profiles: {
			dev: {url: 'http://dev:8080', username: 'me', confirm: false},
			prod: {url: 'https://prod', username: 'ops', production: true, readOnly: true, passwordEnv: 'PROD_PW'},
		},
	};

	it('takes the default profile, or the named one, with its secret from the variable it names', () => {
		const env = {...profileEnv(file), PROD_PW: 'from-env', WINDSOCK_PASSWORD: 'other'};
		const dev = resolveConnection({}, env);
		assert.equal(dev.options.baseUrl, 'http://dev:8080');
		assert.deepEqual(dev.safety, {readOnly: false, production: false, confirm: false});
		const prod = resolveConnection({profile: 'prod'}, env);
		assert.equal(prod.options.password, 'from-env');
		assert.deepEqual(prod.safety, {readOnly: true, production: true, confirm: true});
		assert.equal(prod.profile, 'prod');
		// a flag still wins over the profile's URL
		assert.equal(resolveConnection({profile: 'prod', url: 'http://other'}, env).options.baseUrl, 'http://other');
	});

	it('refuses a secret in the file, a production profile without confirmations, and an unknown name', () => {
		assert.throws(() => resolveConnection({}, profileEnv({profiles: {a: {url: 'http://a', password: 'x'}}})), /never hold secrets; use passwordEnv\/tokenEnv/);
		assert.throws(() => resolveConnection({}, profileEnv({profiles: {a: {url: 'http://a', production: true, confirm: false}}})), /marked production, so its confirmations cannot be turned off/);
		assert.throws(() => resolveConnection({profile: 'nope'}, profileEnv(file)), /no profile "nope" in .* \(there: dev, prod\)/);
		// an unknown field is warned about (profile-file.test.ts), not fatal: a newer windsock's field must not lock out an older one
		assert.equal(resolveConnection({profile: 'a'}, profileEnv({profiles: {a: {url: 'http://a', colour: 'red'}}})).options.baseUrl, 'http://a');
	});
});

describe('typed JSON', () => {
	it('points at the line and column of a mistake', () => {
		const result = parseJsonObject('{\n  "region": "eu",\n  "days": 7,\n}');
		assert.equal(result.ok, false);
		if (!result.ok) {
			assert.equal(result.line, 4);
			assert.match(result.message, /unexpected "}" at line 4, column 1/);
		}
		const unclosed = parseJsonObject('{"a": "b');
		assert.ok(!unclosed.ok && /unexpected end at line 1, column 9/.test(unclosed.message));
	});

	it('takes an empty text as no conf, and refuses what is not an object', () => {
		assert.deepEqual(parseJsonObject('  '), {ok: true, value: {}});
		const list = parseJsonObject('[1]');
		assert.ok(!list.ok && /must be a JSON object/.test(list.message));
	});
});

describe('export files', () => {
	it("stores non-string values as Airflow's json.dumps(indent=2) with ASCII escapes", () => {
		assert.equal(pythonJsonDumps({a: [1, 2], name: 'café'}), '{\n  "a": [\n    1,\n    2\n  ],\n  "name": "caf\\u00e9"\n}');
		const {entries, problems} = variablesFromFile({plain: 'x', n: 42, wrapped: {value: {a: 1}, description: 'd'}, empty: null});
		assert.deepEqual(entries, [
			{key: 'plain', value: 'x', description: undefined},
			{key: 'n', value: '42', description: undefined},
			{key: 'wrapped', value: '{\n  "a": 1\n}', description: 'd'},
		]);
		assert.deepEqual(problems, [{key: 'empty', reason: 'no value (null)'}]);
	});

	it('writes decoded JSON where nothing is lost, the text where JavaScript would change it', () => {
		const file = variablesToFile([
			{key: 'b', value: '{"x": 1}', description: null},
			{key: 'a', value: '1.0', description: null},
			{key: 'c', value: 'text', description: 'with a description'},
		]);
		assert.deepEqual(Object.keys(file), ['a', 'b', 'c']);
		assert.deepEqual(file, {a: '1.0', b: {x: 1}, c: {value: 'text', description: 'with a description'}});
	});

	it('never writes a masked password, never sends one back', () => {
		const connection = {connectionId: 'c', connType: 'http', description: null, host: 'h', login: null, schema: null, port: 80, password: '***', extra: null};
		const file = connectionsToFile([connection]);
		assert.equal((file['c'] as {password: unknown}).password, null);
		const {entries} = connectionsFromFile({c: {conn_type: 'http', password: '***'}, d: {conn_type: 'http', password: 'real', extra_dejson: {k: 1}}, e: {conn_type: 'http', extra: {a: [1, 'é']}}});
		assert.equal(entries[2]!.extra, '{"a": [1, "\\u00e9"]}');
		assert.equal('password' in entries[0]!, false);
		assert.equal(entries[1]!.password, 'real');
		// as Airflow's json.dumps writes it
		assert.equal(entries[1]!.extra, '{"k": 1}');
	});
});
