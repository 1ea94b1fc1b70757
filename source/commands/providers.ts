// `windsock providers`: the provider packages the server runs and their versions: the first
// thing to compare when a DAG works in one environment and not in another.
import {sanitizeLine} from '../text/sanitize.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';

export const providersCommand: Command = {
	name: 'providers',
	usage: 'providers [--json]',
	summary: 'provider packages installed on the server, with versions',
	options: {json: JSON_FLAG},
	examples: [
		['providers', 'each provider package and its version'],
		['providers --json', 'the same as JSON, to compare two environments with diff or jq'],
	],
	async run({values, out, connect}) {
		const {client} = await connect();
		const providers = await client.listProviders();
		if (values['json']) {
			out.json(providers);
			return 0;
		}
		if (providers.length === 0) {
			out.note('windsock: the server lists no provider packages');
			return 0;
		}
		out.table(
			[
				{header: 'package', value: p => sanitizeLine(p.packageName)},
				{header: 'version', value: p => sanitizeLine(p.version)},
				{header: 'description', value: p => sanitizeLine(p.description), max: 80},
			],
			providers,
		);
		return 0;
	},
};
