// `windsock runs DAG`: a DAG's runs, newest first, optionally in given states.
import {expectArgs, type Command} from './command.js';
import {stateStyle} from '../ui/theme.js';
import {ConfigError} from '../config/connection.js';

const when = (iso: string | null) => iso?.replace('T', ' ').slice(0, 19) ?? '';

export const runsCommand: Command = {
	name: 'runs',
	usage: 'runs DAG [--state S]... [--limit N] [--json]',
	summary: "a DAG's runs, newest first",
	options: {state: {type: 'string', multiple: true}, limit: {type: 'string'}, json: {type: 'boolean'}},
	async run(context) {
		const {values, out} = context;
		const [dagId] = expectArgs(context, runsCommand, 1);
		const limit = Number(values['limit'] ?? 25);
		if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit takes a whole number, not "${String(values['limit'])}"`);
		const {client} = await context.connect();
		const states = (values['state'] as unknown as string[] | undefined)?.flatMap(state => state.split(','));
		const page = await client.listRuns({dagId, states, limit});
		if (values['json']) {
			out.json(page.items);
			return 0;
		}
		out.table(
			[
				{header: 'state', value: r => `${stateStyle(r.state).symbol} ${r.state}`, paint: (text, r) => out.paint(stateStyle(r.state).color, text)},
				{header: 'run_id', value: r => r.runId},
				{header: 'type', value: r => r.runType},
				{header: 'logical date', value: r => when(r.logicalDate ?? r.runAfter)},
				{header: 'started', value: r => when(r.startDate)},
				{header: 'ended', value: r => when(r.endDate)},
			],
			page.items,
		);
		out.note(`${page.items.length} of ${page.total} runs`);
		return 0;
	},
};
