// `npm run bench`: windsock's start-up, terminal traffic, scale and memory, each figure next
// to a baseline measured in the same run (the machine may be busy: only ratios travel).
// Prints one table and writes the same as JSON (bench/results.json unless --out).
//
//   node bench/run.mjs [--bin dist/bin/cli.js] [--label NAME] [--repeat 5] [--idle-seconds 10]
//                      [--soak-minutes 2] [--delay-ms 0] [--real] [--only a,b] [--panes a,b]
//                      [--out FILE]
//
// --only takes the groups startup, first, idle, keys, dags, soak; --panes limits the idle
// group to the panes named (ids as in PANES below).
//
// No figure passes or fails here: targets are printed beside the figures for a reader.
// Baselines: node -e 0, a bare Node fetch of the same URL or pages, Node writing in the same
// pty, a raw-mode Node echo (the pty's own latency); RSS figures have none but their target.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {setTimeout as sleep} from 'node:timers/promises';
import {startFixtureServer} from './fixture-server.mjs';
import {PtySession, stripAnsi} from './pty.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);

function option(name, fallback) {
	const at = process.argv.indexOf(name);
	return at > 0 ? process.argv[at + 1] : fallback;
}
// the bundle: what the package ships and the tests run (dist/cli.js is tsc's unbundled output)
const BIN = path.resolve(option('--bin', path.join(ROOT, 'dist/bin/cli.js')));
const LABEL = option('--label', path.relative(process.cwd(), BIN) || BIN);
const REPEAT = Number(option('--repeat', 5));
const IDLE_SECONDS = Number(option('--idle-seconds', 10));
const SOAK_MINUTES = Number(option('--soak-minutes', 2));
const DELAY_MS = Number(option('--delay-ms', 0));
const REAL = process.argv.includes('--real');
const ONLY = option('--only', '').split(',').filter(Boolean);
const ONLY_PANES = option('--panes', '').split(',').filter(Boolean);
const OUT = path.resolve(option('--out', path.join(HERE, 'results.json')));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const TMP = mkdtempSync(path.join(tmpdir(), 'windsock-bench-'));
// what windsock remembers of servers stays here, not in the home: the first run of each
// figure learns the server, the rest go as a returning user's would
process.env.WINDSOCK_STATE_DIR = path.join(TMP, 'state');

const rows = [];
/** One row of THE table; baseline null where there is nothing fair to compare with. */
function figure(name, value, baseline, unit, target = '') {
	const ratio = typeof value === 'number' && typeof baseline === 'number' && baseline > 0 ? value / baseline : null;
	rows.push({figure: name, value, baseline, ratio, unit, target});
	process.stderr.write(`  ${name}: ${fmt(value)} ${unit} (baseline ${fmt(baseline)})\n`);
}
const fmt = n => (n === null || n === undefined ? '-' : typeof n !== 'number' ? String(n) : Number.isNaN(n) ? 'n/a' : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(Math.abs(n) >= 10 ? 1 : 2));
const wanted = group => ONLY.length === 0 || ONLY.includes(group);

function median(values) {
	const sorted = values.filter(v => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function percentile(values, p) {
	const sorted = values.filter(v => typeof v === 'number').sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs argv to its end: wall ms (spawn to exit) and peak RSS in MB (/usr/bin/time %M). */
function timed(argv, env = {}, killAfterMs = 120_000) {
	const rssFile = path.join(TMP, 'rss');
	const full = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(full[0], full.slice(1), {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let out = 0;
		let err = '';
		child.stdout.on('data', d => (out += d.length));
		child.stderr.on('data', d => (err += d));
		child.on('error', reject);
		const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
		child.on('exit', code => {
			clearTimeout(killer);
			const wall = performance.now() - started;
			let peak = NaN;
			try {
				if (TIME) peak = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
			} catch {}
			resolve({wall, peak, code, out, err});
		});
	});
}

/** Median wall and peak RSS over REPEAT runs, windsock and baseline interleaved so load drifts hit both. */
async function pair(argv, baseArgv, env = {}) {
	const a = [];
	const b = [];
	for (let i = 0; i < REPEAT; i++) {
		a.push(await timed(argv, env));
		b.push(await timed(baseArgv, env));
	}
	const bad = a.find(r => r.code !== 0 && r.code !== null);
	return {wall: median(a.map(r => r.wall)), peak: median(a.map(r => r.peak)), baseWall: median(b.map(r => r.wall)), basePeak: median(b.map(r => r.peak)), code: bad?.code, err: bad?.err};
}

const node = process.execPath;
/**
 * How a bare script authenticates, as code: fixed headers, or (3.x) a token fetched first, as
 * windsock does; the test servers' tokens last 20 s, so one fetched at the start would expire.
 */
const authCode = auth =>
	auth?.login
		? `const t = await (await fetch(${JSON.stringify(auth.login.url)}, {method: 'POST', headers: {'content-type': 'application/json'}, body: ${JSON.stringify(JSON.stringify(auth.login.body))}})).json(); const headers = {authorization: 'Bearer ' + t.access_token};`
		: `const headers = ${JSON.stringify(auth?.headers ?? {})};`;
/** A bare Node script that GETs one URL and prints the body: what `health` costs without windsock. */
const bareFetch = (url, auth) => [node, '--input-type=module', '-e', `${authCode(auth)} const r = await fetch(${JSON.stringify(url)}, {headers}); process.stdout.write(await r.text());`];
/** A bare Node loop over every page of DAGs, sequentially, as the server serves them. */
const barePages = (base, prefix, auth) => [
	node,
	'--input-type=module',
	'-e',
	`${authCode(auth)} const all = []; let total = Infinity;
	for (let offset = 0; offset < total; offset += 100) {
		const r = await fetch(${JSON.stringify(base)} + '/${prefix}/dags?limit=100&order_by=dag_id&offset=' + offset, {headers});
		const body = await r.json(); total = body.total_entries; all.push(...body.dags);
		if (!body.dags.length) break;
	}
	process.stdout.write(JSON.stringify(all));`,
];

async function startup(target) {
	process.stderr.write('start-up\n');
	const version = await pair([node, BIN, '--version'], [node, '-e', '0']);
	figure('--version wall', version.wall, version.baseWall, 'ms', '<= 1.5x node -e 0');
	figure('--version peak RSS', version.peak, version.basePeak, 'MB');
	const health = await pair([node, BIN, 'health', '--url', target.url, ...target.args], bareFetch(`${target.url}/${target.prefix}/${target.healthPath}`), target.env);
	if (health.code) process.stderr.write(`  health exited ${health.code}: ${health.err.slice(0, 300)}\n`);
	figure(`health wall (${target.name})`, health.wall, health.baseWall, 'ms', '<= 1.5x bare fetch');
	figure(`health peak RSS (${target.name})`, health.peak, health.basePeak, 'MB');
}

/** The console's first frame and first data, from exec; the baseline is Node writing a byte, and fetching one page, in the same pty. */
async function firstFrame(target) {
	process.stderr.write('console first frame\n');
	const frame = [];
	const tabs = [];
	const data = [];
	const baseFrame = [];
	const baseData = [];
	for (let i = 0; i < REPEAT; i++) {
		const pty = new PtySession([node, BIN, '--url', target.url, ...target.args], {env: target.env, stderr: path.join(TMP, 'first.err')});
		try {
			// a frame: windsock's first screen (the connecting frame, drawn before Ink loads) is on
			// the alternate screen; the tab row follows once connected, with the data
			// (waitFor sees the text without escapes: the program writes nothing before its frame)
			frame.push(await pty.waitFor(text => /windsock/.test(text)));
			tabs.push(await pty.waitFor(text => /Health/.test(text)));
			data.push(await pty.waitFor(text => target.firstRow.test(text)));
		} catch (error) {
			process.stderr.write(`  ${error.message}\n`);
		}
		await pty.close();
		const bare = new PtySession([node, '-e', 'process.stdout.write("Health")']);
		baseFrame.push(await bare.waitFor(text => /Health/.test(text)).catch(() => NaN));
		await bare.exited;
		const fetcher = new PtySession(bareFetch(`${target.url}/${target.prefix}/dags?limit=100&offset=0`, target.auth));
		baseData.push(await fetcher.waitFor(text => target.firstRow.test(text)).catch(() => NaN));
		await fetcher.exited;
	}
	figure(`console first frame from exec (${target.name})`, median(frame), median(baseFrame), 'ms', '<= 250 ms');
	figure(`console connected frame (tabs) from exec (${target.name})`, median(tabs), median(baseFrame), 'ms', 'Ink loaded, server answered');
	figure(`console first data row from exec (${target.name})`, median(data), median(baseData), 'ms', 'first frame + 1 round trip');
}

/** The panes in tab order (source/ui/panes/registry.ts): pane i is number key i + 1 up to 9; the tenth is reached by name. */
const PANES = ['triage', 'health', 'dags', 'runs', 'variables', 'connections', 'pools', 'import-errors', 'config', 'providers'];
// the console binds 1-9 only (keymap.ts): a "0" did nothing, and Providers was never measured
const paneKey = id => (PANES.indexOf(id) < 9 ? String(PANES.indexOf(id) + 1) : `:${id}\r`);

/** Idle bytes/s and requests per refresh tick, pane by pane, at 200x60 and the default refresh (5 s). */
async function idle(target, server) {
	process.stderr.write(`idle traffic, ${IDLE_SECONDS} s per pane\n`);
	const refreshSeconds = 5;
	const pty = new PtySession([node, BIN, '--url', target.url, ...target.args], {env: target.env, stderr: path.join(TMP, 'idle.err')});
	try {
		await pty.waitFor(text => target.firstRow.test(text), 15_000);
		for (const pane of PANES) {
			if (ONLY_PANES.length && !ONLY_PANES.includes(pane)) continue;
			pty.write(paneKey(pane));
			await sleep(3000); // its first data, and any follow-up requests
			server?.reset();
			const before = pty.bytes;
			await sleep(IDLE_SECONDS * 1000);
			const bytes = pty.bytes - before;
			figure(`idle bytes/s at 200x60, ${pane}`, bytes / IDLE_SECONDS, null, 'B/s', '<= 300 B/s');
			if (server) figure(`requests per refresh tick, ${pane}`, server.total() / (IDLE_SECONDS / refreshSeconds), null, 'req', JSON.stringify(server.counts()).slice(0, 160));
		}
	} finally {
		await pty.close();
	}
}

/** Keystroke to first output, and RSS at start and after walking the 10,000 DAGs. */
async function keys(target) {
	process.stderr.write('keystroke to frame\n');
	const pty = new PtySession([node, BIN, '--url', target.url, ...target.args], {env: target.env, stderr: path.join(TMP, 'keys.err')});
	const samples = {scroll: [], page: [], filter: [], 'switch pane': []};
	const misses = {scroll: 0, page: 0, filter: 0, 'switch pane': 0};
	let atStart = NaN;
	try {
		await pty.waitFor(text => target.firstRow.test(text), 15_000);
		await sleep(1500);
		atStart = pty.rss().rss;
		// the keys are measured on the DAGs pane, 10,000 rows (the console opens on Triage)
		pty.write(paneKey('dags'));
		await sleep(1500);
		const sample = async (kind, sequence) => {
			// just after a frame: the next clock tick is most of a second away and cannot be taken for the answer
			await pty.quiet(40);
			const ms = await pty.key(sequence);
			if (ms === undefined) misses[kind]++;
			else samples[kind].push(ms);
		};
		for (let i = 0; i < 20; i++) await sample('scroll', 'j');
		for (let i = 0; i < 20; i++) await sample('scroll', 'k');
		for (let i = 0; i < 15; i++) await sample('page', '\u001b[6~');
		for (let i = 0; i < 15; i++) await sample('page', '\u001b[5~');
		for (let round = 0; round < 3; round++) {
			await sample('filter', '/');
			for (const ch of 'bench_0042') await sample('filter', ch);
			await sleep(800);
			await sample('filter', '\u001b');
			await sleep(300);
		}
		for (let i = 0; i < 16; i++) {
			await sample('switch pane', '\t');
			await sleep(300);
		}
		// the last DAG of 10,000 (G), then back: what holding that many costs
		pty.write(paneKey('dags'));
		await sleep(1000);
		pty.write('G');
		await pty.waitFor(text => /bench_09999/.test(text), 10_000).catch(() => {});
		await sleep(1500);
		const walked = pty.rss();
		figure(`console RSS at start (${target.name})`, atStart, null, 'MB', '<= 80 MB');
		figure(`console RSS after walking 10,000 DAGs (${target.name})`, walked.rss, null, 'MB', '<= 100 MB');
		figure(`console peak RSS (${target.name})`, walked.peak, null, 'MB');
	} finally {
		await pty.close();
	}
	// the pty's own latency: a raw-mode Node echo in the same wrapper, the floor for any program
	const echo = new PtySession([node, '-e', 'process.stdin.setRawMode(true); process.stdout.write("ready"); process.stdin.on("data", d => d[0] === 113 ? process.exit(0) : process.stdout.write(d))']);
	const floor = [];
	await echo.waitFor(text => /ready/.test(text));
	for (let i = 0; i < 30; i++) {
		await echo.quiet(20);
		floor.push(await echo.key('j'));
	}
	await echo.close();
	for (const [kind, values] of Object.entries(samples)) {
		figure(`keystroke-to-frame median, ${kind}`, median(values), median(floor), 'ms', `<= 16 ms; ${values.length} samples, ${misses[kind]} without output`);
		figure(`keystroke-to-frame p95, ${kind}`, percentile(values, 95), percentile(floor, 95), 'ms', '<= 50 ms');
	}
}

async function dagsJson(target) {
	process.stderr.write('dags --json\n');
	const result = await pair([node, BIN, 'dags', '--json', '--url', target.url, ...target.args], barePages(target.url, target.prefix, target.auth), target.env);
	if (result.code) process.stderr.write(`  dags exited ${result.code}: ${result.err.slice(0, 300)}\n`);
	figure(`dags --json, every page (${target.name})`, result.wall, result.baseWall, 'ms', '<= 1.2x the bare loop');
}

async function soak(target) {
	// an older build refuses 0.2 s (its floor was 0.5): soak it at the fastest it takes, and say so
	const probe = await timed([node, BIN, '--url', 'http://127.0.0.1:9', '--request-timeout', '1', '--refresh', '0.2'], {}, 5000);
	const refresh = /--refresh/.test(probe.err) ? '0.5' : '0.2';
	process.stderr.write(`soak, ${SOAK_MINUTES} min at --refresh ${refresh}\n`);
	const errFile = path.join(TMP, 'soak.err');
	const pty = new PtySession([node, BIN, '--url', target.url, '--refresh', refresh, ...target.args], {env: target.env, stderr: errFile});
	try {
		await pty.waitFor(text => target.firstRow.test(text), 15_000);
		// warm: JIT, caches, the first pages of each pane (a visited pane stays mounted, with its
		// rows: that is what the console holds, not what it leaks)
		for (const id of PANES) {
			pty.write(paneKey(id));
			await sleep(1500);
		}
		await sleep(10_000);
		// measured as at the end: on DAGs, 3 s after its key (the console collects 1 s after a key)
		pty.write(paneKey('dags'));
		await sleep(3000);
		const start = pty.rss().rss;
		const began = Date.now();
		const end = began + SOAK_MINUTES * 60_000;
		// RSS every second: one sample moves ±3 MB with where V8's committed heap stands (a heap
		// snapshot pair found no leak, #12), so the growth is also given as the median of the
		// last minute against the median of the first
		const samples = [];
		const sampler = setInterval(() => samples.push([Date.now(), pty.rss().rss]), 1000);
		let pane = 0;
		try {
			while (Date.now() < end) {
				// visit every pane so a listener leaked on mount or unmount shows
				pty.write(paneKey(PANES[pane++ % PANES.length]));
				await sleep(Math.min(10_000, end - Date.now()));
			}
		} finally {
			clearInterval(sampler);
		}
		pty.write(paneKey('dags'));
		await sleep(3000);
		const last = pty.rss();
		const minute = Math.min(60_000, (end - began) / 2);
		const firstMinute = median(samples.filter(([at]) => at < began + minute).map(([, rss]) => rss));
		const lastMinute = median(samples.filter(([at]) => at >= end - minute).map(([, rss]) => rss));
		const stderr = existsSync(errFile) ? readFileSync(errFile, 'utf8') : '';
		const warned = /MaxListenersExceededWarning/.test(stderr + stripAnsi(pty.text));
		figure(`soak RSS growth over ${SOAK_MINUTES} min at --refresh ${refresh} (${target.name})`, last.rss - start, start, 'MB', '< 5 MB; one sample each end, on DAGs 3 s after its key');
		figure(`soak RSS growth, median of last minute - first (${target.name})`, lastMinute - firstMinute, firstMinute, 'MB', '< 5 MB; a sample a second');
		figure(`soak MaxListenersExceededWarning printed (${target.name})`, warned ? 'yes' : 'no', null, '', 'never');
	} finally {
		await pty.close();
	}
}

/** The real test Airflow (test/.airflow/servers.json): the same figures that need no fixture. */
async function realTargets() {
	const file = [path.join(ROOT, 'test/.airflow/servers.json'), '/work/main/test/.airflow/servers.json'].find(existsSync);
	if (!file) {
		process.stderr.write('--real: no test/.airflow/servers.json\n');
		return [];
	}
	const targets = [];
	for (const server of JSON.parse(readFileSync(file, 'utf8'))) {
		const {username, password} = server.admin;
		const auth =
			server.line === 3 ? {login: {url: `${server.url}/auth/token`, body: {username, password}}} : {headers: {authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`}};
		targets.push({
			name: `Airflow ${server.version}`,
			url: server.url,
			prefix: server.line === 3 ? 'api/v2' : 'api/v1',
			healthPath: server.line === 3 ? 'monitor/health' : 'health',
			args: ['--username', username],
			env: {WINDSOCK_PASSWORD: password, WINDSOCK_TOKEN: ''},
			auth,
			firstRow: /ws_\w+/,
		});
	}
	return targets;
}

function table() {
	const head = ['figure', 'value', 'baseline', 'ratio', 'unit', 'target / note'];
	const body = rows.map(r => [r.figure, fmt(r.value), fmt(r.baseline), r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`, r.unit, r.target]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map(row => String(row[i]).length)));
	const line = cells => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
	return [line(head), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const began = Date.now();
if (!existsSync(BIN)) {
	process.stderr.write(`no ${BIN}: build first (npm run build)\n`);
	process.exit(2);
}
const server = await startFixtureServer({delayMs: DELAY_MS});
const fixture = {
	name: 'fixture',
	url: server.url,
	prefix: 'api/v2',
	healthPath: 'monitor/health',
	args: [],
	env: {WINDSOCK_TOKEN: 'bench', WINDSOCK_PASSWORD: ''},
	auth: {headers: {}},
	firstRow: /bench_00000/,
};
process.stderr.write(`bench of ${BIN} on the fixture at ${server.url} (10,000 DAGs, 100,000 runs${DELAY_MS ? `, ${DELAY_MS} ms per request` : ''})\n`);
/** One group of figures; a failure is a row saying so, and the bench goes on to the next. */
async function group(name, target, measure) {
	if (!wanted(name)) return;
	try {
		await measure();
	} catch (error) {
		process.stderr.write(`  ${name} failed: ${error.message}\n`);
		figure(`${name} (${target.name})`, 'failed', null, '', String(error.message).slice(0, 160));
	}
}
try {
	await group('startup', fixture, () => startup(fixture));
	await group('first', fixture, () => firstFrame(fixture));
	await group('idle', fixture, () => idle(fixture, server));
	await group('keys', fixture, () => keys(fixture));
	await group('dags', fixture, () => dagsJson(fixture));
	if (SOAK_MINUTES > 0) await group('soak', fixture, () => soak(fixture));
	if (REAL) {
		for (const target of await realTargets()) {
			process.stderr.write(`--real: ${target.name} at ${target.url}\n`);
			await group('startup', target, () => startup(target));
			await group('first', target, () => firstFrame(target));
			await group('dags', target, () => dagsJson(target));
		}
	}
} finally {
	await server.close();
}
const seconds = (Date.now() - began) / 1000;
const report = {
	label: LABEL,
	bin: BIN,
	node: process.version,
	when: new Date().toISOString(),
	seconds,
	repeat: REPEAT,
	idleSeconds: IDLE_SECONDS,
	soakMinutes: SOAK_MINUTES,
	delayMs: DELAY_MS,
	figures: rows,
};
writeFileSync(OUT, JSON.stringify(report, null, '\t') + '\n');
process.stdout.write(`\n${LABEL}: ${rows.length} figures in ${seconds.toFixed(0)} s (medians of ${REPEAT} where repeated); JSON in ${path.relative(process.cwd(), OUT)}\n\n${table()}\n`);
