// `windsock status`: one line saying where windsock is connected and how Airflow is.
import {COMPONENTS} from '../airflow/components.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Command} from './command.js';

export const statusCommand: Command = {
	name: 'status',
	usage: 'status',
	summary: 'one line: server, version, API, health',
	options: {},
	examples: [['status --profile prod', 'where the prod profile points, and how Airflow is there']],
	async run({connect, out}) {
		const {client} = await connect();
		const health = await client.health();
		const parts = COMPONENTS.map(({key, name}) => `${name} ${health[key].status}`);
		const {version, generation} = client.server;
		// every server string through the one boundary: a version is the server's words too
		out.line(sanitizeLine(`Airflow ${version} (API ${generation}) at ${client.http.baseUrl.href}: ${parts.join(', ')}`));
		return 0;
	},
};
