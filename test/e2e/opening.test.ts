// Opening while things are wrong, on a real terminal (tmux): the console opens when its
// server cannot be reached, says so and retries, and shows the data once the server answers,
// with no key pressed; with nothing configured, a bare `windsock` asks before it installs
// the sandbox, `--start-sandbox` skips the question, and without a terminal nothing is
// installed. Needs no Airflow: the "server" is a small fake that appears mid-test, and no
// test ever installs (the cache is an empty folder; the one install that starts fails at once
// on a Python that is /bin/false).
import assert from 'node:assert/strict';
import http from 'node:http';
import {mkdtempSync, readdirSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {Screen} from '../support/screen.js';
import {runCli} from '../support/run-cli.js';

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise(resolve => server.close(resolve));
	return port;
}

/** A minimal Airflow 3.x: its version, a healthy scheduler, and empty lists for the rest. */
function fakeAirflow3(port: number, seen: string[] = []): Promise<http.Server> {
	const server = http.createServer((request, response) => {
		const url = request.url ?? '/';
		seen.push(url);
		const now = new Date().toISOString();
		const json = (status: number, body: unknown) => {
			response.writeHead(status, {'content-type': 'application/json'});
			response.end(JSON.stringify(body));
		};
		if (url.startsWith('/api/v2/version')) return json(200, {version: '3.3.2', git_version: null});
		if (url.startsWith('/api/v2/monitor/health')) {
			const beat = (key: string) => ({status: 'healthy', [key]: now});
			return json(200, {
				metadatabase: {status: 'healthy'},
				scheduler: beat('latest_scheduler_heartbeat'),
				triggerer: beat('latest_triggerer_heartbeat'),
				dag_processor: beat('latest_dag_processor_heartbeat'),
			});
		}
		if (url.startsWith('/api/v2/dags/~/dagRuns')) return json(200, {dag_runs: [], total_entries: 0});
		if (url.startsWith('/api/v2/importErrors')) return json(200, {import_errors: [], total_entries: 0});
		return json(404, {detail: 'Not Found'});
	});
	return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('opening while things are wrong', () => {
	const screens: Screen[] = [];
	const servers: http.Server[] = [];
	after(() => {
		for (const screen of screens) screen.close();
		for (const server of servers) server.close();
	});

	it('opens on a server that does not answer, retries, and shows its data once it does', async () => {
		const port = await freePort();
		const screen = Screen.run('envs-unreachable', 80, 24, {WINDSOCK_CONFIG: '/nonexistent/windsock.json'}, ['--url', `http://127.0.0.1:${port}`, '--refresh', '1']);
		screens.push(screen);
		const first = await screen.waitFor(/Cannot reach 127\.0\.0\.1:\d+: connection refused — retrying (in \d+s|now)/, 30);
		assert.match(first, /windsock url/, 'the header names the environment');
		assert.match(first, /r try now {2}q quit/);
		// r tries at once; the count of tries goes on (it does not start over at 1)
		const before = Number(/(\d+) tries so far/.exec(await screen.waitFor(/[2-9] tries so far/, 30))![1]);
		screen.keys('r');
		const after = await screen.waitFor(new RegExp(`(?!${before} )\\b\\d+ tr(y|ies) so far`), 30);
		assert.ok(Number(/(\d+) tr(?:y|ies) so far/.exec(after)![1]) > before, after);
		servers.push(await fakeAirflow3(port));
		// no key: the next try finds the server (the schedule is at most 30 s apart)
		const shown = await screen.waitFor(/scheduler ● healthy/, 45);
		assert.match(shown, /Airflow 3\.3\.2 \(v2\)/);
		assert.doesNotMatch(shown, /Cannot reach/);
	});

	it('connects once, while its code loads: one version request, then the data', async () => {
		const port = await freePort();
		const seen: string[] = [];
		servers.push(await fakeAirflow3(port, seen));
		const screen = Screen.run('envs-connect-once', 80, 24, {WINDSOCK_CONFIG: '/nonexistent/windsock.json'}, ['--url', `http://127.0.0.1:${port}`, '--refresh', '1']);
		screens.push(screen);
		await screen.waitFor(/scheduler ● healthy/, 30);
		assert.equal(seen.filter(url => url.startsWith('/api/v2/version')).length, 1, seen.join('\n'));
	});

	it('q while the first connection hangs gives the prompt back at once, not after the request timeout', async () => {
		// accepts and never answers: the version probe would wait out its 60 s
		const hole = net.createServer(() => {});
		await new Promise<void>(resolve => hole.listen(0, '127.0.0.1', resolve));
		after(() => hole.close());
		const {port} = hole.address() as net.AddressInfo;
		const screen = Screen.run('envs-quit-connecting', 80, 24, {WINDSOCK_CONFIG: '/nonexistent/windsock.json'}, ['--url', `http://127.0.0.1:${port}`, '--request-timeout', '60']);
		screens.push(screen);
		await screen.waitFor(/connecting to http:\/\/127\.0\.0\.1/, 30);
		await screen.waitFor(/r try now {2}q quit/, 30);
		screen.keys('q');
		await screen.waitFor(/EXIT=0/, 15);
	});

	it('with nothing configured asks before installing the sandbox, and a "no" installs nothing', async () => {
		const cache = mkdtempSync(path.join(os.tmpdir(), 'windsock-cache-'));
		const screen = Screen.run('envs-sandbox-ask', 80, 24, {WINDSOCK_CONFIG: '/nonexistent/windsock.json', WINDSOCK_CACHE_DIR: cache});
		screens.push(screen);
		const question = await screen.waitFor(/\[y\/N\]/);
		assert.match(question.replace(/\n/g, ''), /Install and start a local Airflow 3\.\d+\.\d+ sandbox\? It downloads about \d+ MB .* takes about \d+ MB in /);
		screen.keys('n', 'Enter');
		const answer = await screen.waitFor(/EXIT=1/);
		assert.match(answer.replace(/\n/g, ''), /nothing installed/);
		assert.deepEqual(readdirSync(cache), [], 'nothing written to the cache');
	});

	it('--start-sandbox does not ask (the install that starts fails at once here)', async () => {
		const cache = mkdtempSync(path.join(os.tmpdir(), 'windsock-cache-'));
		const screen = Screen.run('envs-sandbox-flag', 80, 24, {WINDSOCK_CONFIG: '/nonexistent/windsock.json', WINDSOCK_CACHE_DIR: cache, WINDSOCK_PYTHON: '/bin/false'}, ['--start-sandbox']);
		screens.push(screen);
		const text = await screen.waitFor(/EXIT=\d/);
		assert.doesNotMatch(text, /\[y\/N\]/);
		assert.match(text, /sandbox: installing uv/);
	});

	it('without a terminal installs nothing and says how to point windsock at an Airflow', async () => {
		const cache = mkdtempSync(path.join(os.tmpdir(), 'windsock-cache-'));
		const result = await runCli([], {WINDSOCK_CACHE_DIR: cache});
		assert.equal(result.code, 2);
		assert.match(result.stderr, /no Airflow to talk to: pass --url or --profile/);
		assert.deepEqual(readdirSync(cache), []);
	});
});
