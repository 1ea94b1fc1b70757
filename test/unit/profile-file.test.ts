// Reading the profile file: every mistake names the file, the line and the field; unknown
// fields are warned about, not fatal; who may read or write the file is checked.
import assert from 'node:assert/strict';
import {chmodSync, chownSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {ConfigError} from '../../source/config/errors.js';
import {firstInvalidOffset, jsonPositions, lineColumn, pathKey} from '../../source/config/json-positions.js';
import {checkPermissions, parseProfiles} from '../../source/config/profiles.js';
import {PROFILE_FIELDS} from '../../source/config/profile-schema.js';

const FILE = '/home/me/.config/windsock/profiles.json';

function mistake(text: string): string {
	try {
		parseProfiles(FILE, text, {warn: () => {}});
	} catch (error) {
		assert.ok(error instanceof ConfigError, String(error));
		return error.message;
	}
	assert.fail('the file was accepted');
}

function warnings(text: string): string[] {
	const said: string[] = [];
	parseProfiles(FILE, text, {warn: message => said.push(message)});
	return said;
}

const lines = (...rows: string[]) => rows.join('\n');

describe('a profile file that is not JSON', () => {
	it('names the line and column of the mistake', () => {
		// a trailing comma (V8 names the position)
		assert.match(
			mistake(lines('{', '  "profiles": {', '    "dev": {"url": "http://a",}', '  }', '}')),
			/^\/home\/me\/\.config\/windsock\/profiles\.json:3:31: not valid JSON \(Expected double-quoted property name\)/,
		);
		// an unquoted value (V8 names no position: our scan finds it)
		assert.match(mistake(lines('{', '  "profiles": {', '    "dev": {"url": http://a}', '  }', '}')), /profiles\.json:3:20: not valid JSON \(Unexpected token 'h'\)/);
		// cut short: the end of the text
		assert.match(mistake(lines('{', '  "profiles": {')), /profiles\.json:2:16: not valid JSON/);
		// a comment: the file is JSON, say so
		assert.match(mistake(lines('{', '  // prod', '  "profiles": {}', '}')), /profiles\.json:2:3: .*The file must be JSON/);
	});

	it('the scan agrees with JSON.parse on what is valid', () => {
		for (const text of ['{}', '[1, 2.5e3, -0, "a\\u00e9\\n", true, false, null]', '{"a": {"b": []}}']) assert.equal(firstInvalidOffset(text), text.length);
		assert.equal(firstInvalidOffset('{"a": 01}'), 7);
		assert.equal(firstInvalidOffset('{"a": "\\x"}'), 8);
		assert.equal(firstInvalidOffset('{"a": tru}'), 9);
		assert.equal(firstInvalidOffset('{} x'), 3);
	});
});

describe('a field of the wrong type or value', () => {
	const file = lines('{', '  "default": "dev",', '  "profiles": {', '    "dev": {', '      "url": "http://dev:8080",', '      "timeout": "30"', '    }', '  }', '}');

	it('names the line of that field and the field', () => {
		assert.match(mistake(file), /^\/home\/me\/\.config\/windsock\/profiles\.json:6:7: profile "dev": "timeout" must be a number of seconds/);
		assert.match(mistake(file.replace('"30"', '30').replace('"http://dev:8080"', '8080')), /profiles\.json:5:7: profile "dev": "url" must be a non-empty string/);
		assert.match(mistake(file.replace('"30"', '30').replace('"dev",', '"nope",')), /profiles\.json:2:3: "default" must name one of the profiles \(dev\)/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "tokenCommand": []}}}'), /profiles\.json:1:40: profile "a": "tokenCommand" must be a command: a string run by \/bin\/sh/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "insecure": "yes"}}}'), /"insecure" must be true or false/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "commandTimeout": 6000}}}'), /"commandTimeout" must be a number of seconds, at most 600/);
		assert.match(mistake('{"profiles": {"a": "http://a"}}'), /profiles\.json:1:15: profile "a" must be an object/);
		assert.match(mistake('{"profiles": []}'), /profiles\.json:1:2: "profiles" must be an object/);
	});

	it('refuses a secret in the file and contradictory ways to log in', () => {
		assert.match(mistake(lines('{"profiles": {"a": {', '  "url": "http://a",', '  "Password": "hunter2"}}}')), /profiles\.json:3:3: profile "a" holds "Password": profiles never hold secrets/);
		assert.doesNotMatch(mistake('{"profiles": {"a": {"url": "http://a", "token": "hunter2"}}}'), /hunter2/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "username": "u", "passwordEnv": "P", "passwordCommand": "pass x"}}}'), /both passwordEnv and passwordCommand: choose one/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "tokenEnv": "T", "tokenCommand": "x"}}}'), /both tokenEnv and tokenCommand/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "username": "u", "passwordCommand": "x", "tokenCommand": "y"}}}'), /both passwordCommand and tokenCommand/);
		assert.match(mistake('{"profiles": {"a": {"url": "http://a", "passwordCommand": ["pass", "x"]}}}'), /passwordCommand but no "username"/);
		assert.match(mistake('{"profiles": {"a": {"url": "https://u:pw@a"}}}'), /profiles\.json:1:21: .*credentials/);
	});
});

describe('fields', () => {
	it('unknown ones are warned about with their line, and the profile still loads', () => {
		const text = lines('{', '  "theme": "dark",', '  "profiles": {"dev": {', '    "url": "http://a",', '    "colour": "red"}}}');
		assert.deepEqual(warnings(text), [
			`${FILE}:2:3: unknown field "theme" is ignored (known: profiles, default)`,
			`${FILE}:5:5: profile "dev": unknown field "colour" is ignored (known: ${Object.keys(PROFILE_FIELDS).join(', ')})`,
		]);
	});

	it('commands, timeouts and TLS settings are read; caFile is resolved against the file and ~', () => {
		const file = parseProfiles(
			FILE,
			JSON.stringify({
				profiles: {
					a: {url: 'https://a', tokenCommand: ['gcloud', 'auth', 'print-access-token'], commandTimeout: 5, caFile: 'certs/ca.pem', insecure: true},
					b: {url: 'https://b', username: 'u', passwordCommand: 'pass show airflow', caFile: '~/ca.pem'},
				},
			}),
			{warn: () => assert.fail('no warning expected'), home: '/home/me'},
		);
		const a = file.profiles.get('a');
		assert.deepEqual(a?.tokenCommand, ['gcloud', 'auth', 'print-access-token']);
		assert.equal(a?.commandTimeout, 5);
		assert.equal(a?.caFile, '/home/me/.config/windsock/certs/ca.pem');
		assert.equal(a?.insecure, true);
		const b = file.profiles.get('b');
		assert.equal(b?.passwordCommand, 'pass show airflow');
		assert.equal(b?.caFile, '/home/me/ca.pem');
		assert.equal(b?.insecure, false);
	});

	it('positions are found by path, nested and after strings holding braces and escapes', () => {
		const text = '{"a": "}{\\"", "profiles": {"x": {"url": "u"}, "y": {"url": "v", "list": [1, {"k": 2}]}}}';
		const positions = jsonPositions(text);
		assert.equal(text.slice(positions.get(pathKey(['profiles', 'y', 'url']))), '"url": "v", "list": [1, {"k": 2}]}}}');
		assert.equal(positions.get(pathKey(['profiles', 'y', 'list', '1', 'k'])), text.indexOf('"k"'));
		assert.deepEqual(lineColumn('ab\ncd\nef', 7), {line: 3, column: 2});
	});
});

describe('who may read the file', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-profile-modes-'));
	const said = (mode: number) => {
		const file = path.join(dir, `p-${mode.toString(8)}.json`);
		writeFileSync(file, '{"profiles": {}}');
		chmodSync(file, mode);
		const out: string[] = [];
		checkPermissions(file, message => out.push(message));
		return out;
	};

	it('warns when group or others have any access, and is quiet at 600', {skip: process.platform === 'win32' || process.getuid?.() === undefined}, () => {
		for (const mode of [0o640, 0o604, 0o610, 0o601, 0o700 | 0o044]) {
			const out = said(mode);
			assert.equal(out.length, 1, mode.toString(8));
			assert.match(out[0] ?? '', /can be read by others \(mode \d+\).*chmod go-rwx/);
		}
		assert.deepEqual(said(0o600), []);
		assert.deepEqual(said(0o400), []);
	});

	it('refuses a file that belongs to another user (only root can make one here)', {skip: process.getuid?.() !== 0}, () => {
		const file = path.join(dir, 'theirs.json');
		writeFileSync(file, '{"profiles": {}}', {mode: 0o600});
		chownSync(file, 65534, 65534);
		assert.throws(() => checkPermissions(file, () => {}), /belongs to another user \(uid 65534\).*which commands windsock runs as you/);
	});

	it('refuses a file its group or others can write: whoever writes it picks where the password goes and which command runs', () => {
		for (const mode of [0o620, 0o602]) assert.throws(() => said(mode), /can be written by .*which commands windsock runs, so windsock will not read it/);
	});
});
