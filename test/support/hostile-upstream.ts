// A fake Airflow 3.x whose every string is hostile (#11): each string field of each object a
// pane or a command shows carries escape sequences (CSI, OSC 0/2/52 with BEL and ST, DCS,
// APC, PM, SOS), raw C1 controls, DEL, bidi overrides, zero-width characters and line
// separators, after a readable label the test waits for. One DAG's description, one log line
// and one Variable's value are 100,000 characters long, with a sequence cut where the
// sanitiser cuts raw text. Every "pwned" in here sits inside a sequence, so a "pwned" that
// reaches the terminal is a sequence that was not removed whole.
import type {Handler, SeenRequest} from './fake-server.js';

/** What must never reach a terminal: each entry is one kind of attack. */
export const PAYLOAD = [
	'\u001b[2J', // CSI: clear the screen
	'\u001b[6n', // CSI: make the terminal answer (device status report)
	'\u001b[21t', // CSI: report the window title
	'\u001b]0;pwned-osc0\u0007', // OSC 0 (icon and title) ended by BEL
	'\u001b]2;pwned-osc2\u001b\\', // OSC 2 (title) ended by ST
	'\u001b]52;c;cHduZWQ=\u0007', // OSC 52: write "pwned" to the clipboard
	'\u001b]8;;http://pwned.invalid/\u001b\\', // OSC 8: a hyperlink to somewhere else
	'\u001bPpwned-dcs\u001b\\', // DCS
	'\u001b_pwned-apc\u001b\\', // APC
	'\u001b^pwned-pm\u001b\\', // PM
	'\u001bXpwned-sos\u001b\\', // SOS
	'\u009b2J', // 8-bit CSI
	'\u009d0;pwned-c1-osc\u0007', // 8-bit OSC
	'\u0090pwned-c1-dcs\u009c', // 8-bit DCS ended by 8-bit ST
	'\u0080\u0085\u008d\u0091\u009a', // other raw C1 (not the string introducers: those come last)
	'\u007f', // DEL
	'\u202a\u202b\u202c\u202d\u202e', // bidi embeddings and overrides
	'\u2066\u2067\u2068\u2069', // bidi isolates
	'\u200e\u200f', // bidi marks
	'\u200b\u200c\u200d\ufeff', // zero-width
	'\u2028\u2029', // line and paragraph separators
].join('');

/** An 8-bit APC never ended: it hides the rest of its line, so it ends every hostile string. */
const UNENDED = '\u009fpwned-unended';

/** A label the screen can be searched for, followed by every attack. */
export const hostile = (label: string): string => `${label}${PAYLOAD}~${UNENDED}`;

/**
 * 100,000 characters: a hostile head, filler, an OSC 52 cut in half where sanitizeLine cuts
 * raw text (8,000 characters), and more filler and attacks up to the end.
 */
export function hostileLong(label: string): string {
	// no unended APC in the head: it would hide the rest
	const head = `${label}${PAYLOAD}`;
	const cut = `${'x'.repeat(8000 - head.length - 10)}\u001b]52;c;cHduZWQ=pwned-cut\u0007`;
	const tail = PAYLOAD;
	return `${head}${cut}${'y'.repeat(100_000 - head.length - cut.length - tail.length - UNENDED.length)}${tail}${UNENDED}`;
}

/** A date a parser may reject: a valid date with attacks after it. */
const date = (iso: string) => `${iso}${PAYLOAD}`;

const DAG_ID = hostile('hx-dag');
const RUN_ID = hostile('hx-run');
const TASK_ID = hostile('hx-task');
const now = () => new Date(Date.now() - 60_000).toISOString();

function dag(): Record<string, unknown> {
	return {
		dag_id: DAG_ID,
		dag_display_name: hostile('hx-display'),
		description: hostileLong('hx-description'),
		is_paused: false,
		is_stale: false,
		timetable_summary: hostile('hx-schedule'),
		tags: [{name: hostile('hx-tag'), dag_id: DAG_ID}],
		owners: [hostile('hx-owner')],
		has_import_errors: true,
		fileloc: hostile('/dags/hx-file.py'),
		last_parsed_time: date(now()),
		next_dagrun_logical_date: date('2026-11-26T00:00:00Z'),
		next_dagrun_run_after: date('2026-11-26T00:00:00Z'),
		params: {[hostile('hx-param')]: {value: hostile('hx-param-value'), description: hostile('hx-param-description'), schema: {}}},
	};
}

function run(): Record<string, unknown> {
	const started = now();
	return {
		dag_id: DAG_ID,
		dag_run_id: RUN_ID,
		state: hostile('failed'),
		run_type: hostile('hx-type'),
		logical_date: date(started),
		run_after: date(started),
		queued_at: date(started),
		start_date: date(started),
		end_date: date(now()),
		conf: {[hostile('hx-conf-key')]: hostile('hx-conf-value')},
		note: hostile('hx-note'),
	};
}

function task(): Record<string, unknown> {
	return {
		task_id: TASK_ID,
		dag_id: DAG_ID,
		dag_run_id: RUN_ID,
		state: hostile('failed'),
		try_number: 1,
		map_index: -1,
		operator: hostile('hx-operator'),
		hostname: hostile('hx-host'),
		queued_when: date(now()),
		start_date: date(now()),
		end_date: date(now()),
		duration: 12.5,
	};
}

const variable = (key: string, long = false) => ({key: hostile(key), value: long ? hostileLong('hx-value') : hostile('hx-value'), description: hostile('hx-var-description')});

const connection = () => ({
	connection_id: hostile('hx-conn'),
	conn_type: hostile('hx-type'),
	description: hostile('hx-conn-description'),
	host: hostile('hx-host'),
	login: hostile('hx-login'),
	schema: hostile('hx-schema'),
	port: 5432,
	password: '***',
	extra: hostile('{"hx-extra": 1}'),
});

/** The answer to every read a pane or a command makes; the paths as the server sees them, decoded. */
function answer(request: SeenRequest): {status?: number; body?: unknown} {
	const url = new URL(request.url, 'http://x');
	const path = decodeURIComponent(url.pathname).replace(/^\/api\/v2\//, '');
	const page = (key: string, items: unknown[]) => ({body: {[key]: items, total_entries: items.length}});
	const beat = now();
	if (path === 'version') return {body: {version: `3.3.2${PAYLOAD}`, git_version: hostile('hx-git')}};
	if (path === 'monitor/health')
		return {
			body: {
				metadatabase: {status: hostile('healthy')},
				scheduler: {status: 'healthy', latest_scheduler_heartbeat: date(beat)},
				triggerer: {status: hostile('unhealthy'), latest_triggerer_heartbeat: date(beat)},
				dag_processor: {status: 'healthy', latest_dag_processor_heartbeat: hostile('hx-beat')},
			},
		};
	if (path === 'dags') return page('dags', [dag()]);
	if (path === `dags/${DAG_ID}` || path === `dags/${DAG_ID}/details`) return {body: dag()};
	// the second run has a plain state, so that `failures` and Triage list it as failed
	if (path === 'dags/~/dagRuns/list' || path === 'dags/~/dagRuns' || path === `dags/${DAG_ID}/dagRuns`)
		return page('dag_runs', [run(), {...run(), dag_run_id: hostile('hx-failed-run'), state: 'failed'}]);
	if (path === `dags/${DAG_ID}/dagRuns/${RUN_ID}`) return {body: run()};
	if (/taskInstances(\/list)?$/.test(path)) return page('task_instances', [task()]);
	if (path === `dags/${DAG_ID}/dagRuns/${RUN_ID}/taskInstances/${TASK_ID}`) return {body: task()};
	if (/\/taskInstances\/[\s\S]+\/logs\/\d+$/.test(path))
		return {
			body: {
				content: [
					{timestamp: date(beat), level: hostile('error'), event: hostile('hx-log-event')},
					{event: hostileLong('hx-log-long'), error_detail: [{exc_type: hostile('hx-exc'), exc_value: hostile('hx-exc-value')}]},
					hostile('hx-log-plain'),
				],
				continuation_token: null,
			},
		};
	if (path === 'variables') return page('variables', [variable('hx-var'), variable('hx-long-var', true)]);
	if (path.startsWith('variables/')) return {body: variable('hx-var')};
	if (path === 'connections') return page('connections', [connection()]);
	if (path.startsWith('connections/')) return {body: connection()};
	if (path === 'pools') return page('pools', [{name: hostile('hx-pool'), slots: 8, occupied_slots: 1, running_slots: 1, queued_slots: 0, open_slots: 7, description: hostile('hx-pool-description')}]);
	if (path === 'importErrors') return page('import_errors', [{import_error_id: 1, filename: hostile('/dags/hx-broken.py'), timestamp: date(beat), stack_trace: hostileLong('hx-trace')}]);
	if (path === 'config')
		return {
			body: {
				sections: [
					{name: hostile('hx-section'), options: [{key: hostile('hx-option'), value: hostile('hx-option-value')}]},
					{name: hostile('core'), options: [{key: 'sensitive_var_conn_names', value: [hostile('hx-sensitive'), 'default']}]},
				],
			},
		};
	if (path === 'providers') return page('providers', [{package_name: hostile('hx-provider'), version: hostile('1.0'), description: hostile('hx-provider-description')}]);
	if (/^dags\/.+\/(tasks|structure)/.test(path)) return {body: {tasks: [{task_id: TASK_ID, operator_name: hostile('hx-operator')}], total_entries: 1}};
	return {status: 404, body: {detail: hostile('hx-not-found')}};
}

/** The hostile server; `unknown` collects the paths it had no answer for (a column the test misses). */
export function hostileUpstream(unknown: string[] = []): Handler {
	return request => {
		const result = answer(request);
		if (result.status === 404) unknown.push(`${request.method} ${request.url}`);
		return result;
	};
}

/** The hostile ids, for commands that name them. */
export const IDS = {dag: DAG_ID, run: RUN_ID, failedRun: hostile('hx-failed-run'), task: TASK_ID, variable: hostile('hx-var'), connection: hostile('hx-conn')};
