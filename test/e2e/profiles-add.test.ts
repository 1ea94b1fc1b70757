// `windsock profiles add` as a person runs it, on a terminal (tmux): each question answered
// in turn, the password typed (and never echoed), the login tried against a fake Airflow 2.x
// that checks it, and the file that results: its content, its mode, no password in it.
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {asAirflow2, fakeServer, type FakeServer} from '../support/fake-server.js';
import {Screen} from '../support/screen.js';

const PASSWORD = 'typed-secret-5520';
const GOOD = `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`;

describe('profiles add on a terminal', () => {
	let server: FakeServer;
	const screens: Screen[] = [];
	before(async () => {
		server = await fakeServer(
			asAirflow2(request => {
				if (request.headers.authorization !== GOOD) return {status: 401, body: {title: 'Unauthorized', status: 401}};
				if (request.url.startsWith('/api/v1/dags/~/dagRuns')) return {body: {dag_runs: [], total_entries: 0}};
				return {status: 404, body: {title: 'Not Found'}};
			}),
		);
	});
	after(async () => {
		for (const screen of screens) screen.close();
		await server.close();
	});

	it('asks, tries the login with the typed password, and writes the profile 0600 without it', async () => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'windsock-add-')), 'profiles.json');
		const screen = Screen.run('envs-add', 100, 40, {WINDSOCK_CONFIG: file}, ['profiles', 'add']);
		screens.push(screen);
		const answer = async (question: RegExp, ...keys: string[]) => {
			await screen.waitFor(question);
			screen.keys(...keys, 'Enter');
		};
		await answer(/Profile name/, 'prod-qa');
		await answer(/Airflow URL/, server.url);
		await screen.waitFor(/found Airflow 2\.11\.2 \(API v1\)/);
		await answer(/Choice \[1\]/, '2');
		await answer(/Environment variable \[WINDSOCK_PASSWORD\]/, 'QA_AIRFLOW_PW');
		await answer(/Username/, 'admin');
		await answer(/\$QA_AIRFLOW_PW is not set here/, PASSWORD);
		await screen.waitFor(/logged in as admin/);
		// the name says prod: the question offers yes first
		await answer(/Is prod-qa production\? .*\[Y\/n\]/);
		const done = await screen.waitFor(/EXIT=\d/);
		assert.match(done, /EXIT=0/);
		assert.doesNotMatch(done, new RegExp(PASSWORD), 'the typed password never shows');
		assert.ok(existsSync(file));
		const text = readFileSync(file, 'utf8');
		assert.ok(!text.includes(PASSWORD), 'the password is not in the file');
		assert.deepEqual(JSON.parse(text), {profiles: {'prod-qa': {url: server.url, username: 'admin', passwordEnv: 'QA_AIRFLOW_PW', production: true}}, default: 'prod-qa'});
		assert.equal(statSync(file).mode & 0o777, 0o600);
	});

	it('a refused login writes nothing unless the user says to save anyway', async () => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'windsock-add-')), 'profiles.json');
		const screen = Screen.run('envs-add-wrong', 100, 40, {WINDSOCK_CONFIG: file}, ['profiles', 'add', 'dev', '--url', server.url, '--username', 'admin']);
		screens.push(screen);
		await screen.waitFor(/Choice \[1\]/);
		screen.keys('1', 'Enter');
		await screen.waitFor(/Password, to try the login now \(not saved\)/);
		screen.keys('wrong', 'Enter');
		await screen.waitFor(/login was refused \(401\)[\s\S]*Save the profile anyway\? \[y\/N\]/);
		screen.keys('Enter');
		const done = await screen.waitFor(/EXIT=\d/);
		assert.match(done, /nothing written[\s\S]*EXIT=1/);
		assert.ok(!existsSync(file));
	});
});
