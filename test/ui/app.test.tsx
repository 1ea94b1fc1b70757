// The console frame with ink-testing-library, against a local fake Airflow 3.x whose
// answers are shaped like the recorded ones (test/fixtures/v2).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {asAirflow3} from '../support/fake-server.js';

import {HEALTH, airflow, dag, open, waitFor} from '../support/console-harness.js';

/** 300 DAGs on screen (rows 1-14); after hangPages() the server never answers a DAG page again. */
async function openWithPagesThatCanHang() {
	let hang = false;
	const opened = await open(airflow(300, request => (hang && request.url.startsWith('/api/v2/dags?') ? {hang: true} : {})));
	await waitFor(
		() => opened.view.lastFrame()!,
		f => /rows 1-14 of 300/.test(f),
	);
	return {
		...opened,
		hangPages: () => {
			hang = true;
		},
	};
}

describe('console', () => {
	it('shows the header, the DAG page and its count, fetching the screen and one either side (not all 2,431)', async () => {
		const {server, view} = await open(airflow(2431));
		const frame = view.lastFrame()!;
		assert.match(frame, /Airflow 3\.3\.2 \(v2\)/);
		assert.match(frame, /rows 1-\d+ of 2,431/);
		assert.match(frame, /› etl_0000/);
		assert.match(frame, /❚❚ off/);
		// the last-runs grid: oldest left, newest right, one request for the whole screen
		assert.match(frame, /etl_0001\s+▶ on\s+@hourly\s+● ▶ ● ✖/);
		assert.equal(server.seen.filter(r => r.url === '/api/v2/dags/~/dagRuns/list').length, 1);
		// the last runs are asked for the DAGs on screen only: 100 runs shared by three screens
		// of DAGs would leave some of those shown without any
		const shownRows = Number(/rows 1-(\d+) of/.exec(frame)![1]);
		assert.deepEqual(JSON.parse(server.seen.find(r => r.url === '/api/v2/dags/~/dagRuns/list')!.body).dag_ids.length, shownRows);
		const listCalls = server.seen.filter(r => r.url.startsWith('/api/v2/dags?'));
		const limit = Number(new URL(listCalls[0]!.url, 'http://x').searchParams.get('limit'));
		const onScreen = Number(/rows 1-(\d+) of/.exec(frame)![1]);
		assert.equal(limit, Math.min(100, 3 * onScreen), `three screens' rows, within the API's 100, not ${limit}`);
		view.unmount();
	});

	it("a footer message stays with the pane that made it: another pane's footer does not show it", async () => {
		const {view} = await open(airflow(3), {firstPane: 'variables'});
		view.stdin.write('e');
		await waitFor(
			() => view.lastFrame()!,
			f => /! no Variable selected/.test(f),
		);
		view.stdin.write('6');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /Connections from environment variables/.test(f),
		);
		assert.doesNotMatch(frame, /no Variable selected/);
		view.unmount();
	});

	it('the count line says the rows on screen as soon as the terminal shrinks, not those of the taller page', async () => {
		const {view, hangPages} = await openWithPagesThatCanHang();
		// the page for the smaller screen never arrives: the rows fetched before are cut to fit
		hangPages();
		Object.defineProperty(view.stdout, 'rows', {get: () => 15, configurable: true});
		view.stdout.emit('resize');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.split('\n').length <= 15 && /rows 1-\d+ of 300/.test(f),
		);
		const listed = frame.split('\n').filter(line => /^[ ›] etl_\d{4}/.test(line)).length;
		assert.match(frame, new RegExp(`rows 1-${listed} of 300`), frame);
		assert.ok(listed < 14, frame);
		view.unmount();
	});

	it('moving into the next page shows it at once, from the rows loaded with this one, while its own request is out', async () => {
		const {view, hangPages} = await openWithPagesThatCanHang();
		// a busy server: the next page's own request never comes back
		hangPages();
		for (let i = 0; i < 14; i++) view.stdin.write('j');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /rows 15-28 of 300/.test(f),
		);
		assert.match(frame, /› etl_0014/, 'the cursor is on the first row of the next page');
		assert.doesNotMatch(frame, /etl_0013\b/, 'the page before is gone');
		// the last page is not loaded: it says where it is going, not "0 of 300"
		view.stdin.write('G');
		const far = await waitFor(
			() => view.lastFrame()!,
			f => /loading…/.test(f),
		);
		assert.match(far, /rows 295… of 300/);
		assert.doesNotMatch(far, /\b0 of 300/);
		view.unmount();
	});

	it('a dialog opened in a narrow window takes the new width when the window grows', async () => {
		const {view} = await open(airflow(5));
		const resize = (columns: number) => {
			Object.defineProperty(view.stdout, 'columns', {get: () => columns, configurable: true});
			view.stdout.emit('resize');
		};
		const border = (frame: string) =>
			frame
				.split('\n')
				.find(line => line.includes('╭'))
				?.trim() ?? '';
		resize(60);
		await waitFor(
			() => view.lastFrame()!,
			f => f.split('\n').every(line => line.length <= 60),
		);
		view.stdin.write('L'); // the DAG's web UI address, in a dialog
		await waitFor(
			() => view.lastFrame()!,
			f => border(f).length === 60,
		);
		resize(90);
		await waitFor(
			() => view.lastFrame()!,
			f => border(f).length === 90,
		);
		view.unmount();
	});

	it(':name that is neither a pane nor a DAG says so and stays; a DAG that exists opens its runs', async () => {
		const {view} = await open(airflow(3, request => (/^\/api\/v2\/dags\/etl_0001(\/details)?$/.test(request.url) ? {body: dag(1)} : {})));
		view.stdin.write(':nosuch\r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /! no pane or DAG "nosuch": panes are triage, health, dags/.test(f),
		);
		assert.match(frame, /showing all DAGs/, 'still on DAGs');
		assert.doesNotMatch(frame, /nosuch {2}\(Esc/);
		view.stdin.write(':etl_0001\r');
		await waitFor(
			() => view.lastFrame()!,
			f => /etl_0001 {2}\(Esc: back\)/.test(f),
		);
		view.unmount();
	});

	it("a run opened from all DAGs' runs is titled with its DAG's id", async () => {
		const run = {dag_id: 'etl_0002', dag_run_id: 'manual__7', state: 'failed', run_type: 'manual', logical_date: null, run_after: '2026-11-25T10:00:00Z', conf: {}, note: null};
		const {view} = await open(
			airflow(3, request => {
				if (request.url.startsWith('/api/v2/dags/~/dagRuns?')) return {body: {dag_runs: [run], total_entries: 1}};
				if (request.url.startsWith('/api/v2/dags/etl_0002/dagRuns/manual__7/taskInstances')) return {body: {task_instances: [], total_entries: 0}};
				return {};
			}),
		);
		view.stdin.write('4');
		await waitFor(
			() => view.lastFrame()!,
			f => /all DAGs/.test(f) && /manual__7/.test(f),
		);
		view.stdin.write('\r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /manual__7 {2}\(Esc/.test(f),
		);
		assert.match(frame, /etl_0002 › manual__7 {2}\(Esc: back\)/);
		view.unmount();
	});

	it(':TEXT Tab completes from all the DAGs that match, not from an earlier, narrower answer', async () => {
		const {view} = await open(airflow(40));
		const line = () =>
			view
				.lastFrame()!
				.split('\n')
				.find(l => l.startsWith(':')) ?? '';
		view.stdin.write(':etl_001');
		await sleep(50);
		view.stdin.write('\t');
		await sleep(300);
		// etl_0010 to etl_0019 answered; now a shorter text, which more DAGs match
		view.stdin.write('\u007f');
		await sleep(30);
		view.stdin.write('\u007f');
		await sleep(30);
		assert.match(line(), /^: etl_0 /);
		view.stdin.write('\t');
		await sleep(300);
		assert.match(line(), /^: etl_00 /, 'etl_0000 to etl_0039 share etl_00, not etl_001');
		view.unmount();
	});

	it(':DAG_ID whose answer is slow does not take the user away from the pane they went to meanwhile', async () => {
		const {server, view} = await open(airflow(3, request => (/^\/api\/v2\/dags\/etl_0001(\/details)?$/.test(request.url) ? {body: dag(1), delayMs: 400} : {})));
		view.stdin.write(':etl_0001\r');
		await waitFor(
			() => String(server.seen.filter(seen => seen.url.startsWith('/api/v2/dags/etl_0001')).length),
			count => count !== '0',
		);
		view.stdin.write('2');
		await waitFor(
			() => view.lastFrame()!,
			f => /scheduler\s+● healthy/.test(f),
		);
		await new Promise(resolve => setTimeout(resolve, 700));
		const frame = view.lastFrame()!;
		assert.match(frame, /scheduler\s+● healthy/, 'still on Health');
		assert.doesNotMatch(frame, /etl_0001 {2}\(Esc: back\)/);
		view.unmount();
	});

	it('moves with j/k, jumps with G to the last page, fetched by offset', async () => {
		const {server, view} = await open(airflow(100));
		view.stdin.write('j');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('› etl_0001'),
		);
		view.stdin.write('jj'); // fast typing arrives as one chunk
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('› etl_0003'),
		);
		view.stdin.write('k');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('› etl_0002'),
		);
		view.stdin.write('G');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('› etl_0099'),
		);
		assert.match(frame, /of 100/);
		const offsets = server.seen.filter(r => r.url.startsWith('/api/v2/dags?')).map(r => Number(new URL(r.url, 'http://x').searchParams.get('offset')));
		assert.ok(offsets.at(-1)! > 0, 'the last page came from the server by offset');
		view.unmount();
	});

	it('filters by tag with tag:NAME', async () => {
		const {server, view} = await open(airflow(5));
		view.stdin.write('/tag:team-a etl\r');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('matching "tag:team-a etl"'),
		);
		// the label shows before the filtered request goes out: wait for the request itself
		const lists = () => server.seen.filter(r => r.url.startsWith('/api/v2/dags?')).map(r => new URL(r.url, 'http://x'));
		await waitFor(
			() => String(lists().filter(u => u.searchParams.has('tags')).length),
			count => count !== '0',
		);
		const url = lists().find(u => u.searchParams.has('tags'))!;
		assert.deepEqual(url.searchParams.getAll('tags'), ['team-a']);
		assert.equal(url.searchParams.get('dag_id_pattern'), 'etl');
		view.unmount();
	});

	it('filters on the server as it is typed, once the keys pause: one request for the whole word', async () => {
		const {server, view} = await open(airflow(300));
		view.stdin.write('/');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Enter keep'),
		);
		view.stdin.write('etl_02'); // no Enter: typing alone applies it
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('/ etl_02') && f.includes('100 rows') && f.includes('› etl_0200'),
		);
		assert.match(frame, /Esc restore/, 'the line stays open while it applies');
		const patterns = server.seen.filter(r => r.url.startsWith('/api/v2/dags?')).map(r => new URL(r.url, 'http://x').searchParams.get('dag_id_pattern'));
		assert.deepEqual(
			patterns.filter(p => p !== null),
			['etl_02'],
			'keys that arrive together are one filter, not one request per key',
		);
		// Esc restores the list from before `/`
		view.stdin.write('\u001b');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('rows 1-14 of 300') && !f.includes('/ etl_02'),
		);
		view.unmount();
	});

	it('Enter keeps the typed filter at once', async () => {
		const {server, view} = await open(airflow(300));
		view.stdin.write('/');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('Enter keep'),
		);
		view.stdin.write('etl_02\r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('of 100') && f.includes('matching "etl_02"'),
		);
		assert.match(frame, /› etl_0200/);
		const lastList = server.seen.filter(r => r.url.startsWith('/api/v2/dags?')).at(-1)!;
		assert.equal(new URL(lastList.url, 'http://x').searchParams.get('dag_id_pattern'), 'etl_02');
		view.unmount();
	});

	it('keeps the last good rows and shows the error when the server fails', async () => {
		let fail = false;
		const {view} = await open(airflow(10, request => (fail && request.url.startsWith('/api/v2/dags') ? {status: 500, body: {detail: 'database is locked'}} : {})));
		fail = true;
		view.stdin.write('r');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('! 500'),
		);
		assert.match(frame, /database is locked/);
		assert.match(frame, /etl_0000/, 'the rows stay');
		view.unmount();
	});

	it('shows server strings without their escape sequences', async () => {
		const hostile = {...dag(1), dag_id: 'evil', tags: [{name: '\u001b]0;pwned\u0007\u001b[2Jred\u001b[31m'}]};
		const {view} = await open(asAirflow3(request => (request.url.startsWith('/api/v2/dags') ? {body: {dags: [hostile], total_entries: 1}} : {body: HEALTH})));
		const frame = view.lastFrame()!;
		assert.match(frame, /evil/);
		assert.match(frame, /red/);
		assert.ok(!frame.includes(']0;pwned') && !frame.includes('\u001b[2J') && !frame.includes('\u0007'), JSON.stringify(frame));
		view.unmount();
	});

	it('shows health with "unknown" and "not running", and help from the keymap', async () => {
		const {view} = await open(airflow(1));
		view.stdin.write('2');
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('component'),
		);
		assert.match(frame, /scheduler\s+● healthy\s+\d+s ago/);
		assert.match(frame, /triggerer\s+● healthy/);
		assert.match(frame, /dag_processor\s+- not running \/ not reported/);
		// help lists the pane's own keys first (generated from its bindings), then the global ones
		view.stdin.write('3');
		await waitFor(
			() => view.lastFrame()!,
			f => f.includes('etl_0000'),
		);
		view.stdin.write('?');
		const help = await waitFor(
			() => view.lastFrame()!,
			f => f.includes('DAGs: keys here'),
		);
		assert.match(help, /t\s+trigger the DAG.*\(changes Airflow\)/);
		assert.ok(help.indexOf('DAGs: keys here') < help.indexOf('trigger the DAG'));
		assert.doesNotMatch(help.split('╰')[0]!, /q\s+quit/, "the global keys come after the pane's");
		// it does not fit: j scrolls down to the global keys, then any other key closes it
		view.stdin.write('jjjjjjjjjjjjjjjjjjjj');
		// the help row, not the footer's "q quit", which is on screen from the start
		const scrolled = await waitFor(
			() => view.lastFrame()!,
			f => /q\s+quit \(Ctrl-C too\)/.test(f),
		);
		assert.match(scrolled, /everywhere/);
		view.stdin.write('x');
		await waitFor(
			() => view.lastFrame()!,
			f => !f.includes('everywhere') && f.includes('etl_0000'),
		);
		view.unmount();
	});
});
