// A loopback Airflow 3.x for the bench: 10,000 DAGs and 100,000 runs in the JSON shapes of
// test/fixtures/v2 (recorded from 3.3.2), built on demand from an index so that neither the
// server's memory nor its start-up time grows with the counts. It honours what the console and
// the commands send (limit/offset, dag_id_pattern, paused, order_by, state, the batch run list)
// and counts every request, so the bench can report requests per refresh tick.
// Plain Node, no build: the bench must run the same server against an old build and a new one.
import http from 'node:http';

const STATES = ['success', 'success', 'failed', 'success', 'running', 'queued', 'success'];
const BASE = Date.parse('2026-11-25T10:00:00Z');

/** A DAG as /api/v2/dags lists it (the fields of dags-page.json that the client reads, and a few more for weight). */
function dag(i) {
	const id = `bench_${String(i).padStart(5, '0')}`;
	return {
		dag_id: id,
		dag_display_name: id,
		is_paused: i % 3 === 0,
		is_stale: false,
		last_parsed_time: '2026-11-25T09:57:05.041973Z',
		last_parse_duration: 0.5754,
		bundle_name: 'dags-folder',
		relative_fileloc: `bench_${Math.floor(i / 100)}.py`,
		fileloc: `/opt/airflow/dags/bench_${Math.floor(i / 100)}.py`,
		description: `Bench DAG number ${i}`,
		timetable_summary: i % 2 ? '@hourly' : '0 0 * * *',
		timetable_description: i % 2 ? 'Every hour' : 'At 00:00',
		tags: [
			{name: i % 2 ? 'odd' : 'even', dag_id: id, dag_display_name: id},
			{name: 'bench', dag_id: id, dag_display_name: id},
		],
		max_active_tasks: 16,
		max_active_runs: 16,
		has_task_concurrency_limits: false,
		has_import_errors: false,
		next_dagrun_logical_date: '2026-11-26T00:00:00Z',
		next_dagrun_data_interval_start: '2026-11-26T00:00:00Z',
		next_dagrun_data_interval_end: '2026-11-27T00:00:00Z',
		next_dagrun_run_after: '2026-11-27T00:00:00Z',
		owners: ['airflow'],
		file_token: 'x'.repeat(40),
	};
}

/** Run r: DAG r % dags, run_after 36 s older per index, so index order is newest first. */
function run(r, dagCount) {
	const d = r % dagCount;
	const dagId = `bench_${String(d).padStart(5, '0')}`;
	const at = new Date(BASE - r * 36_000).toISOString();
	const state = STATES[r % STATES.length];
	const done = state === 'success' || state === 'failed';
	return {
		dag_run_id: `scheduled__${at}`,
		dag_id: dagId,
		logical_date: at,
		queued_at: at,
		start_date: state === 'queued' ? null : at,
		end_date: done ? new Date(BASE - r * 36_000 + 9_055).toISOString() : null,
		duration: done ? 9.055658 : null,
		data_interval_start: at,
		data_interval_end: at,
		run_after: at,
		last_scheduling_decision: at,
		run_type: 'scheduled',
		state,
		triggered_by: 'timetable',
		conf: {},
		note: null,
		dag_versions: [],
		bundle_version: null,
		dag_display_name: dagId,
	};
}

function health() {
	const now = new Date().toISOString();
	return {
		metadatabase: {status: 'healthy'},
		scheduler: {status: 'healthy', latest_scheduler_heartbeat: now},
		triggerer: {status: 'healthy', latest_triggerer_heartbeat: now},
		dag_processor: {status: 'healthy', latest_dag_processor_heartbeat: now},
	};
}

const int = (value, fallback) => (value === null || value === '' || !Number.isFinite(Number(value)) ? fallback : Math.max(0, Math.trunc(Number(value))));

/**
 * Starts the server. options: dags (10,000), runs (100,000), delayMs (added to every answer,
 * a slow link), port (0: any). Returns {url, counts(), reset(), close()}.
 */
export async function startFixtureServer(options = {}) {
	const dagCount = options.dags ?? 10_000;
	const runCount = options.runs ?? 100_000;
	const delayMs = options.delayMs ?? 0;
	const dagIds = Array.from({length: dagCount}, (_, i) => `bench_${String(i).padStart(5, '0')}`);
	let counts = new Map();

	/** Every run of DAG d, newest first: d, d + dagCount, d + 2 dagCount, ... */
	const runsOfDag = d => {
		const out = [];
		for (let r = d; r < runCount; r += dagCount) out.push(r);
		return out;
	};

	const answer = (method, url, body) => {
		const path = url.pathname;
		const q = url.searchParams;
		if (path === '/api/v2/version') return [200, {version: '3.3.2', git_version: '.release:bench'}];
		if (path.startsWith('/api/v1/')) return [404, {detail: 'Not Found'}];
		if (path === '/api/v2/monitor/health') return [200, health()];
		if (path === '/auth/token' && method === 'POST') return [201, {access_token: 'bench-token'}];
		if (path === '/api/v2/dags' && method === 'GET') {
			const pattern = (q.get('dag_id_pattern') ?? '').toLowerCase();
			const paused = q.get('paused');
			let matching = [];
			for (let i = 0; i < dagCount; i++) {
				if (pattern && !dagIds[i].includes(pattern)) continue;
				if (paused === 'true' && i % 3 !== 0) continue;
				if (paused === 'false' && i % 3 === 0) continue;
				matching.push(i);
			}
			if ((q.get('order_by') ?? 'dag_id').startsWith('-')) matching = matching.reverse();
			const offset = int(q.get('offset'), 0);
			const limit = int(q.get('limit'), 50);
			return [200, {dags: matching.slice(offset, offset + limit).map(dag), total_entries: matching.length}];
		}
		let m = /^\/api\/v2\/dags\/([^/]+)\/details$/.exec(path);
		if (m) {
			const i = dagIds.indexOf(decodeURIComponent(m[1]));
			return i < 0 ? [404, {detail: 'DAG not found'}] : [200, {...dag(i), params: {}}];
		}
		if (path === '/api/v2/dags/~/dagRuns/list' && method === 'POST') {
			const wanted = new Set(Array.isArray(body?.dag_ids) ? body.dag_ids : []);
			const limit = int(body?.page_limit, 100);
			const indices = [];
			for (const id of wanted) {
				const d = dagIds.indexOf(id);
				if (d >= 0) indices.push(...runsOfDag(d));
			}
			indices.sort((a, b) => a - b);
			return [200, {dag_runs: indices.slice(0, limit).map(r => run(r, dagCount)), total_entries: indices.length}];
		}
		m = /^\/api\/v2\/dags\/([^/]+)\/dagRuns$/.exec(path);
		if (m && method === 'GET') {
			const dagId = decodeURIComponent(m[1]);
			const states = new Set(q.getAll('state'));
			let indices;
			if (dagId === '~') {
				indices = [];
				for (let r = 0; r < runCount; r++) if (!states.size || states.has(STATES[r % STATES.length])) indices.push(r);
			} else {
				const d = dagIds.indexOf(dagId);
				indices = d < 0 ? [] : runsOfDag(d).filter(r => !states.size || states.has(STATES[r % STATES.length]));
			}
			const order = q.get('order_by') ?? '-run_after';
			if (!order.startsWith('-')) indices.reverse();
			const offset = int(q.get('offset'), 0);
			const limit = int(q.get('limit'), 50);
			return [200, {dag_runs: indices.slice(offset, offset + limit).map(r => run(r, dagCount)), total_entries: indices.length}];
		}
		m = /^\/api\/v2\/dags\/([^/]+)\/dagRuns\/([^/]+)\/taskInstances$/.exec(path);
		if (m) {
			const task_instances = ['extract', 'transform', 'load'].map(task_id => ({
				task_id,
				dag_id: decodeURIComponent(m[1]),
				dag_run_id: decodeURIComponent(m[2]),
				map_index: -1,
				state: 'success',
				try_number: 1,
				max_tries: 0,
				start_date: '2026-11-25T09:57:14.992388Z',
				end_date: '2026-11-25T09:57:21.656140Z',
				duration: 6.664,
				operator: 'BashOperator',
				hostname: 'bench',
			}));
			return [200, {task_instances, total_entries: task_instances.length}];
		}
		if (path === '/api/v2/variables') {
			const variables = Array.from({length: 40}, (_, i) => ({key: `bench_var_${i}`, value: `value ${i}`, description: null, is_encrypted: false}));
			return [200, {variables: variables.slice(int(q.get('offset'), 0), int(q.get('offset'), 0) + int(q.get('limit'), 50)), total_entries: variables.length}];
		}
		if (path === '/api/v2/connections') {
			const connections = Array.from({length: 20}, (_, i) => ({
				connection_id: `bench_conn_${i}`,
				conn_type: 'postgres',
				description: null,
				host: 'db.example',
				login: 'etl',
				schema: 'public',
				port: 5432,
				password: null,
				extra: null,
			}));
			return [200, {connections: connections.slice(int(q.get('offset'), 0), int(q.get('offset'), 0) + int(q.get('limit'), 50)), total_entries: connections.length}];
		}
		if (path === '/api/v2/pools')
			return [
				200,
				{
					pools: [
						{
							name: 'default_pool',
							slots: 128,
							description: 'Default pool',
							include_deferred: false,
							occupied_slots: 3,
							running_slots: 2,
							queued_slots: 1,
							scheduled_slots: 0,
							open_slots: 125,
							deferred_slots: 0,
						},
					],
					total_entries: 1,
				},
			];
		if (path === '/api/v2/importErrors')
			return [
				200,
				{
					import_errors: [
						{
							import_error_id: 1,
							timestamp: '2026-11-25T09:57:06.029902Z',
							filename: 'bench_broken.py',
							bundle_name: 'dags-folder',
							stack_trace: 'Traceback (most recent call last):\nModuleNotFoundError: No module named bench\n',
						},
					],
					total_entries: 1,
				},
			];
		if (path === '/api/v2/config')
			return [
				200,
				{
					sections: [
						{
							name: 'core',
							options: [
								{key: 'dags_folder', value: '/opt/airflow/dags'},
								{key: 'parallelism', value: '32'},
							],
						},
						{name: 'api', options: [{key: 'secret_key', value: '< hidden >'}]},
					],
				},
			];
		return [404, {detail: 'Not Found'}];
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', chunk => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://fixture');
			// requests are counted by route shape, ids folded, so a report can name them
			const key = `${req.method} ${url.pathname.replace(/\/dags\/(?!~)[^/]+/, '/dags/{id}').replace(/\/dagRuns\/(?!list)[^/]+/, '/dagRuns/{id}')}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
			let body;
			try {
				body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
			} catch {
				body = undefined;
			}
			const [status, json] = answer(req.method ?? 'GET', url, body);
			const send = () => {
				res.writeHead(status, {'content-type': 'application/json'});
				res.end(JSON.stringify(json));
			};
			if (delayMs > 0) setTimeout(send, delayMs);
			else send();
		});
	});
	const sockets = new Set();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const {port} = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		/** requests since the last reset, by route */
		counts: () => Object.fromEntries(counts),
		total: () => [...counts.values()].reduce((a, b) => a + b, 0),
		reset: () => {
			counts = new Map();
		},
		close: () =>
			new Promise(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

// `node bench/fixture-server.mjs [--dags N] [--runs N] [--delay-ms N] [--port N]`: serve until killed.
if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = name => {
		const at = process.argv.indexOf(name);
		return at > 0 ? Number(process.argv[at + 1]) : undefined;
	};
	const server = await startFixtureServer({dags: arg('--dags'), runs: arg('--runs'), delayMs: arg('--delay-ms'), port: arg('--port')});
	process.stdout.write(`${server.url}\n`);
}
