// `windsock pools`: every pool's slots and how they are used, as the Pools pane shows them;
// on call the question is "is something queued behind a full pool".
import {sanitizeLine} from '../text/sanitize.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';

export const poolsCommand: Command = {
	name: 'pools',
	usage: 'pools [--json]',
	summary: 'pools: slots, open, running, queued',
	options: {json: JSON_FLAG},
	examples: [
		['pools', 'every pool with its slots and how many are open, running and queued'],
		['pools --json', 'the same as JSON, for a script'],
	],
	async run({values, out, connect}) {
		const {client} = await connect();
		const pools = await client.listPools();
		if (values['json']) {
			out.json(pools);
			return 0;
		}
		if (pools.length === 0) {
			out.note('windsock: no pools (Airflow always has default_pool; this user may not be allowed to see them)');
			return 0;
		}
		out.table(
			[
				{header: 'pool', value: p => sanitizeLine(p.name)},
				{header: 'slots', value: p => String(p.slots)},
				{header: 'open', value: p => String(p.open)},
				{header: 'running', value: p => String(p.running)},
				{header: 'queued', value: p => String(p.queued)},
				{header: 'description', value: p => sanitizeLine(p.description), max: 60},
			],
			pools,
		);
		return 0;
	},
};
