// The fault matrix's "input kept" column (#11): the real console in tmux, the fake Airflow
// 3.x behind the fault proxy, a fault on the writes only. When a submit fails, what the user
// typed is still there and the failure is named; once the fault stops, the same submit
// works; and every submit sent its write once (never retried: a write that may have happened
// must not happen twice).
// Matrix: 2 dialogs (trigger with a typed conf, a Variable edit) x 3 faults (500, reset,
// black hole) = 6 cells.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {dag} from '../support/console-harness.js';
import {fakeServer, type FakeServer, type Handler} from '../support/fake-server.js';
import {FaultConsole} from '../support/fault-console.js';
import {faultProxy, type Fault, type FaultProxy} from '../support/fault-proxy.js';
import {SAYS} from '../support/fault-says.js';
import {faultUpstream} from '../support/fault-upstream.js';

const FAULTS: Fault[] = ['500', 'reset', 'black hole'];
const TIMEOUT_SECONDS = 2;

/** The matrix's fake, plus what a trigger needs: the DAG's details (a param) and the new run. */
function upstream(): Handler {
	const matrix = faultUpstream();
	let triggered = 0;
	return request => {
		const path = new URL(request.url, 'http://x').pathname;
		if (path === '/api/v2/dags/etl_0001/details') return {body: {...dag(1), params: {target: {value: 'staging', description: null, schema: {}}}}};
		if (request.method === 'POST' && path === '/api/v2/dags/etl_0001/dagRuns') {
			triggered++;
			const conf = (JSON.parse(request.body) as {conf?: unknown}).conf;
			return {body: {dag_id: 'etl_0001', dag_run_id: `kept_run_${triggered}`, state: 'queued', run_type: 'manual', logical_date: null, conf}};
		}
		const run = /^\/api\/v2\/dags\/etl_0001\/dagRuns\/(kept_run_\d+)$/.exec(path);
		if (run) return {body: {dag_id: 'etl_0001', dag_run_id: run[1], state: 'queued', run_type: 'manual'}};
		return matrix(request);
	};
}

const upstreams: FakeServer[] = [];
const proxies: FaultProxy[] = [];
after(async () => {
	await Promise.all(proxies.map(proxy => proxy.close()));
	await Promise.all(upstreams.map(server => server.close()));
});

async function chain(): Promise<{server: FakeServer; proxy: FaultProxy}> {
	const server = await fakeServer(upstream());
	upstreams.push(server);
	const proxy = await faultProxy(server.url);
	proxies.push(proxy);
	return {server, proxy};
}

/** The writes that reached the fake (through the proxy, unbroken), as method, path and body; the POST .../list reads left out. */
const writesSeen = (server: FakeServer) =>
	server.seen.filter(request => request.method !== 'GET' && !/\/list(\?|$)/.test(request.url)).map(request => `${request.method} ${request.url.split('?')[0]} ${request.body}`);

describe('fault matrix: input kept', {concurrency: true}, () => {
	it('the trigger dialog keeps a typed conf through 500, reset and black hole, and sends it once per submit', async () => {
		const {server, proxy} = await chain();
		const screen = new FaultConsole('kept-trigger', {WINDSOCK_URL: proxy.url, WINDSOCK_TOKEN: 't'}, TIMEOUT_SECONDS);
		try {
			await screen.until('the console', text => /1 Triage/.test(text), 60);
			for (const fault of FAULTS) {
				const conf = `{"matrix": "kept-${fault.replace(' ', '-')}"}`;
				screen.keys('3');
				await screen.until('DAGs', text => /etl_0001/.test(text));
				screen.keys('/');
				screen.keys('C-u');
				screen.keys('-l', 'etl_0001');
				screen.keys('Enter');
				await screen.until('etl_0001 chosen', text => /› etl_0001/.test(text));
				screen.keys('t');
				await screen.until('the trigger dialog, its conf from the params', text => /Trigger etl_0001/.test(text) && /"target": "staging"/.test(text));
				screen.keys('C-u');
				await screen.until('the conf emptied', text => !/"target": "staging"/.test(text));
				screen.keys('-l', conf);
				await screen.until('the conf typed', text => text.includes(conf));
				proxy.set(fault, {writesOnly: true});
				const writes = proxy.writes;
				screen.keys('C-s');
				await screen.until('the preview', text => /this will be sent/.test(text));
				screen.keys('Enter');
				const failed = await screen.until(`${fault} named in the dialog`, text => SAYS[fault]!.test(text) && !/this will be sent/.test(text));
				// the dialog is still open, with the conf as typed
				assert.match(failed, /Trigger etl_0001/, failed);
				assert.ok(failed.includes(conf), `the conf was lost under ${fault}:\n${failed}`);
				assert.equal(proxy.writes, writes + 1, `the trigger was sent ${proxy.writes - writes} times under ${fault}`);
				// the fault stops: the same dialog sends the same conf, once
				proxy.set(undefined);
				screen.keys('C-s');
				await screen.until('the preview again', text => /this will be sent/.test(text));
				screen.keys('Enter');
				await screen.until('the new run opened', text => /etl_0001 › kept_run_\d+/.test(text));
				assert.equal(proxy.writes, writes + 2, `after ${fault}, the second submit was sent ${proxy.writes - writes - 1} times:\n${writesSeen(server).join('\n')}`);
				assert.match(writesSeen(server).at(-1)!, new RegExp(`^POST /api/v2/dags/etl_0001/dagRuns .*"matrix":"kept-${fault.replace(' ', '-')}"`));
				screen.keys('Escape');
			}
		} finally {
			screen.close();
		}
	});

	it('a Variable edit keeps the edited value through 500, reset and black hole, and saves it once per submit', async () => {
		const {server, proxy} = await chain();
		const screen = new FaultConsole('kept-variable', {WINDSOCK_URL: proxy.url, WINDSOCK_TOKEN: 't'}, TIMEOUT_SECONDS);
		try {
			await screen.until('the console', text => /1 Triage/.test(text), 60);
			screen.keys('5');
			await screen.until('Variables', text => /› matrix_region\s+eu-west-1/.test(text));
			for (const fault of FAULTS) {
				const edited = `eu-west-1_kept_${fault.replace(' ', '_')}`;
				screen.keys('e');
				await screen.until('the Variable editor', text => /Edit Variable matrix_region/.test(text) && /eu-west-1/.test(text));
				screen.keys('-l', `_kept_${fault.replace(' ', '_')}`);
				await screen.until('the value edited', text => text.includes(edited));
				proxy.set(fault, {writesOnly: true});
				const writes = proxy.writes;
				screen.keys('C-s');
				await screen.until('the preview', text => /this will be sent/.test(text));
				screen.keys('Enter');
				const failed = await screen.until(`${fault} named in the editor`, text => SAYS[fault]!.test(text) && !/this will be sent/.test(text));
				assert.match(failed, /Edit Variable matrix_region/, failed);
				assert.ok(failed.includes(edited), `the edited value was lost under ${fault}:\n${failed}`);
				assert.equal(proxy.writes, writes + 1, `the save was sent ${proxy.writes - writes} times under ${fault}`);
				proxy.set(undefined);
				screen.keys('C-s');
				await screen.until('the preview again', text => /this will be sent/.test(text));
				screen.keys('Enter');
				await screen.until('the editor closed', text => !/Edit Variable matrix_region/.test(text));
				assert.equal(proxy.writes, writes + 2, `after ${fault}, the second save was sent ${proxy.writes - writes - 1} times`);
				assert.match(writesSeen(server).at(-1)!, new RegExp(`^PATCH /api/v2/variables/matrix_region .*"value":"${edited}"`));
			}
		} finally {
			screen.close();
		}
	});
});
