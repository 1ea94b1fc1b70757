// The Environments pane and switching, on a real terminal against both real servers plus
// one profile where nothing listens: the rows fill in on their own (the unreachable one does
// not hold the others up), Enter switches the whole console to the other server, `:env NAME`
// switches back, and a production profile shows in red in the header.
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {Screen} from '../support/screen.js';
import {testServer} from '../support/test-servers.js';

describe('Environments pane and switching', () => {
	let config: string;
	const screens: Screen[] = [];
	before(() => {
		const three = testServer(3);
		const two = testServer(2);
		const folder = mkdtempSync(path.join(os.tmpdir(), 'windsock-envs-'));
		config = path.join(folder, 'profiles.json');
		const profile = (url: string) => ({url, username: three.admin.username, passwordEnv: 'ENVS_TEST_PW'});
		writeFileSync(
			config,
			JSON.stringify({
				default: 'dev',
				profiles: {dev: profile(three.url), staging: profile(two.url), 'prod-eu': {url: 'http://127.0.0.1:1', readOnly: true}},
			}),
		);
		chmodSync(config, 0o600);
	});
	after(() => {
		for (const screen of screens) screen.close();
	});

	for (const [columns, rows] of [
		[80, 24],
		[60, 15],
	] as const) {
		it(`at ${columns}x${rows}: every profile's row, Enter and :env switch the console`, async () => {
			const screen = Screen.run('envs-pane', columns, rows, {WINDSOCK_CONFIG: config, ENVS_TEST_PW: testServer(3).admin.password});
			screens.push(screen);
			await screen.waitFor(/windsock dev [\s\S]*1 Triage/, 30);
			screen.keys(':', 'env', 'Enter');
			// the two servers answer while prod-eu is refused: no row waits for another
			const table = await screen.waitFor(/dev\s+(OK|WARNING|CRITICAL)[\s\S]*staging\s+(OK|WARNING|CRITICAL)[\s\S]*prod-eu\s+UNKNOWN/, 40);
			assert.match(table, /● dev/, 'the current environment is marked');
			assert.match(table, /3\.3\.2[\s\S]*2\.11\.2/);
			assert.ok(table.split('\n').every(row => row.length <= columns));
			screen.keys('j', 'Enter');
			const switched = await screen.waitFor(/windsock staging/);
			await screen.waitFor(/Airflow 2\.11\.2 \(v1\)|● staging/, 30);
			assert.doesNotMatch(switched, /windsock dev/);
			screen.keys(':', 'env prod-eu', 'Enter');
			const down = await screen.waitFor(/PRODUCTION prod-eu[\s\S]*Cannot reach 127\.0\.0\.1:1/, 30);
			assert.match(down, /Esc back to staging/);
			screen.keys('Escape');
			// the frame of staging again (not the connecting screen, which names it too)
			await screen.waitFor(/windsock staging [\s\S]*1 Triage/, 30);
			screen.keys(':', 'env nope', 'Enter');
			await screen.waitFor(/no profile "nope"/);
		});
	}
});
