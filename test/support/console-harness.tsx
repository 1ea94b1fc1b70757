// Renders the console (App) on a local fake Airflow for the ui tests.
import assert from 'node:assert/strict';
import {after} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import {AirflowClient} from '../../source/airflow/client.js';
import {App} from '../../source/ui/app.js';
import type {Safety} from '../../source/config/connection.js';
import {asAirflow3, fakeServer, type FakeServer, type Handler} from './fake-server.js';

/** What React complained about while rendering (duplicate keys, ...): a test can demand none. */
export const reactWarnings: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
	const text = args.map(String).join(' ');
	if (/same key|Warning:|unique "key"/.test(text)) reactWarnings.push(text);
	consoleError(...args);
};

const servers: FakeServer[] = [];
const views: {unmount(): void}[] = [];
after(async () => {
	// a failed assertion skips a test's own unmount: the App's timers must not outlive the run
	for (const view of views) view.unmount();
	await Promise.all(servers.map(s => s.close()));
});

export const HEALTH = {
	metadatabase: {status: 'healthy'},
	scheduler: {status: 'healthy', latest_scheduler_heartbeat: new Date().toISOString()},
	triggerer: {status: 'healthy', latest_triggerer_heartbeat: null},
};

export function dag(i: number): Record<string, unknown> {
	return {dag_id: `etl_${String(i).padStart(4, '0')}`, is_paused: i % 3 === 0, is_stale: false, timetable_summary: '@hourly', tags: [{name: 'team-a'}], owners: ['ops'], has_import_errors: false};
}

/** A fake Airflow with `count` DAGs, paging and dag_id_pattern as the real one. */
export function airflow(count: number, extra: Handler = () => ({})): Handler {
	const dags = Array.from({length: count}, (_, i) => dag(i));
	return asAirflow3(request => {
		const special = extra(request);
		// a hang or a delay is an answer too (a busy server)
		if (special.status || special.body || special.hang || special.delayMs) return special;
		const url = new URL(request.url, 'http://x');
		if (url.pathname === '/api/v2/monitor/health') return {body: HEALTH};
		if (url.pathname === '/api/v2/dags/~/dagRuns/list') {
			// etl_0001 ran four times: newest first, as the server answers
			const states = ['failed', 'success', 'running', 'success'];
			return {body: {dag_runs: states.map((state, i) => ({dag_id: 'etl_0001', dag_run_id: `r${i}`, state})), total_entries: 4}};
		}
		if (url.pathname === '/api/v2/dags') {
			const pattern = url.searchParams.get('dag_id_pattern') ?? '';
			const matching = dags.filter(d => String(d['dag_id']).includes(pattern));
			const offset = Number(url.searchParams.get('offset') ?? 0);
			const limit = Number(url.searchParams.get('limit') ?? 50);
			return {body: {dags: matching.slice(offset, offset + limit), total_entries: matching.length}};
		}
		return {status: 404, body: {detail: 'Not Found'}};
	});
}

// the tests written before Triage start at DAGs, as the console did then (firstPane)
/**
 * `connected`: runs on the client before the App is drawn (as the console's early reads do).
 * `ready`: the frame to wait for before the keys (default: the first data).
 */
export async function open(
	handler: Handler,
	options: {readOnly?: boolean; safety?: Safety; firstPane?: string; refreshMs?: number; connected?: (client: AirflowClient) => Promise<void>; ready?: RegExp} = {},
) {
	const server = await fakeServer(handler);
	servers.push(server);
	const client = await AirflowClient.connect({baseUrl: server.url, token: 't', retries: 0, readOnly: options.readOnly ?? false});
	await options.connected?.(client);
	const view = render(<App client={client} label="test" safety={options.safety} refreshMs={options.refreshMs ?? 60_000} firstPane={options.firstPane ?? 'dags'} />);
	views.push(view);
	// keys written before effects run are lost: wait for the first data
	await waitFor(
		() => view.lastFrame() ?? '',
		frame => (options.ready ?? /rows |0 of 0|!/).test(frame),
	);
	await sleep(100);
	return {server, view};
}

/** Runs (key 4), then Enter on the run under the cursor (`runId` on screen): its task list, once `tasksShown` matches. */
export async function openRunTasks(view: {stdin: {write(keys: string): void}; lastFrame(): string | undefined}, runId: string, tasksShown: (frame: string) => boolean): Promise<string> {
	view.stdin.write('4');
	await waitFor(
		() => view.lastFrame()!,
		f => f.includes(runId),
	);
	await sleep(100);
	view.stdin.write('\r');
	const frame = await waitFor(() => view.lastFrame()!, tasksShown);
	await sleep(100);
	return frame;
}

export async function waitFor(read: () => string, ok: (frame: string) => boolean, ms = 3000): Promise<string> {
	const deadline = Date.now() + ms;
	let frame = read();
	while (!ok(frame) && Date.now() < deadline) {
		await sleep(20);
		frame = read();
	}
	assert.ok(ok(frame), `frame never matched:\n${frame}`);
	return frame;
}
