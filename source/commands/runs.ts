// `windsock runs DAG | --all`: a DAG's runs, or every DAG's, newest first, optionally in given
// states and within a window (--since: runs whose state changed in it, so a run that failed
// an hour ago is there however long ago it started).
import type {DagRun} from '../airflow/model.js';
import {expectArgs, type Command} from './command.js';
import {JSON_FLAG, listFlag, numberFlag} from './flags.js';
import {stateStyle} from '../ui/theme.js';
import {ConfigError} from '../config/connection.js';
import {parseSince, sinceIso} from './since.js';
import {formatDateTime, utcHeader} from '../text/time.js';

const when = (iso: string | null) => formatDateTime(iso, {seconds: true});

/** The run states the list filter takes on both lines (3.x answers anything else with a 422). */
export const RUN_STATES: readonly string[] = ['queued', 'running', 'success', 'failed'];

export const runsCommand: Command = {
	name: 'runs',
	usage: 'runs DAG | --all [--state S]... [--since 24h] [--limit N] [--json]',
	summary: "a DAG's runs, or every DAG's (--all), newest first",
	options: {
		all: {type: 'boolean', help: "every DAG's runs instead of one DAG's"},
		state: {type: 'string', multiple: true, value: 'S', help: `only runs in state S: ${RUN_STATES.join(', ')} (repeat or comma-separate)`},
		since: {type: 'string', value: 'WINDOW', help: 'only runs whose state changed within WINDOW (30m, 24h, 7d)'},
		limit: {type: 'string', value: 'N', help: 'at most N runs (default 25)'},
		json: JSON_FLAG,
	},
	examples: [
		['runs etl_daily', "etl_daily's latest 25 runs"],
		['runs --all --state failed --since 6h', 'every run that failed in the last six hours'],
	],
	async run(context) {
		const {values, out} = context;
		const all = !!values['all'];
		const [dagId] = all ? expectArgs(context, runsCommand, 0) : expectArgs(context, runsCommand, 1);
		const limit = numberFlag(values, 'limit', {min: 1, max: 10_000, integer: true}) ?? 25;
		const states = listFlag(values, 'state')?.flatMap(state => state.split(','));
		const unknown = states?.filter(state => !RUN_STATES.includes(state));
		if (unknown?.length) throw new ConfigError(`--state takes ${RUN_STATES.join(', ')}; not "${unknown.join(', ')}"`);
		const since = values['since'] === undefined ? undefined : parseSince(String(values['since']));
		const {client} = await context.connect();
		const page = await client.listRuns({dagId, states, limit, ...(since === undefined ? {} : {updatedAfter: sinceIso(since)})});
		if (values['json']) {
			out.json(page.items);
			return 0;
		}
		out.table(
			[
				{header: 'state', value: r => `${stateStyle(r.state).symbol} ${r.state}`, paint: (text, r) => out.paint(stateStyle(r.state).color, text)},
				...(all ? [{header: 'dag_id', value: (r: DagRun) => r.dagId}] : []),
				{header: 'run_id', value: r => r.runId},
				{header: 'type', value: r => r.runType},
				{header: utcHeader('logical date'), value: r => when(r.logicalDate ?? r.runAfter)},
				{header: utcHeader('started'), value: r => when(r.startDate)},
				{header: utcHeader('ended'), value: r => when(r.endDate)},
			],
			page.items,
		);
		out.note(`${page.items.length} of ${page.total} runs`);
		return 0;
	},
};
