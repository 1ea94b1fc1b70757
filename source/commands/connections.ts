// `windsock connections list|get|delete|export|import`. Passwords: the API never returns
// one (2.x) or returns a mask (3.x), so an export has none and says so; an import sends a
// password only where the file has one.
import {ConfigError} from '../config/connection.js';
import {sanitizeLine} from '../text/sanitize.js';
import {connectionsFromFile, connectionsToFile} from '../transfer/connections-file.js';
import type {Connection, ConnectionInput} from '../airflow/model.js';
import type {Command, CommandContext} from './command.js';
import {YES_FLAG} from './flags.js';
import {IMPORT_OPTIONS, importConcurrency, readJsonFile, refuseReadOnlyImport, runImport, writeJsonFile} from './transfer-io.js';
import {plural} from '../text/plural.js';

const USAGE = 'connections list [--json] | get ID [--json] | delete ID [--yes] | export [FILE|-] | import FILE|- [--overwrite|--skip-existing] [--dry-run] [--concurrency N]';

const FIELDS = ['connType', 'description', 'host', 'login', 'schema', 'port', 'extra'] as const;

function sameConnection(entry: ConnectionInput, current: Connection): boolean {
	// a password in the file cannot be compared (the server never shows its own): send it
	if (entry.password) return false;
	return FIELDS.every(field => (entry[field] ?? null) === (current[field] ?? null));
}

async function exportConnections(context: CommandContext): Promise<number> {
	const {args, out} = context;
	const file = args[1] ?? '-';
	const {client} = await context.connect({readOnly: true});
	const connections = await client.listAllConnections();
	writeJsonFile(file, connectionsToFile(connections), 2, out);
	out.note(`exported ${plural(connections.length, 'connection')}${file === '-' ? '' : ` to ${file}`}`);
	if (connections.length) {
		out.warn(
			`Airflow's API does not give passwords back (${client.server.generation === 'v1' ? '2.x leaves them out' : '3.x masks them'}): the file has "password": null. ` +
				'Set passwords after importing, or export with `airflow connections export` on the server for a full copy',
		);
	}
	return 0;
}

async function importConnections(context: CommandContext): Promise<number> {
	const file = context.args[1];
	if (!file) throw new ConfigError(`usage: windsock ${USAGE}`);
	refuseReadOnlyImport(context, 'connections');
	const {entries, problems} = connectionsFromFile(await readJsonFile(file));
	const {client, label} = await context.connect({readOnly: !!context.values['dry-run']});
	const concurrency = importConcurrency(context.values, label);
	const existing = new Map((await client.listAllConnections()).map(connection => [connection.connectionId, connection] as const));
	return runImport(
		context,
		'connections',
		problems,
		{
			entries,
			keyOf: entry => entry.connectionId,
			existing,
			same: sameConnection,
			create: (entry, signal) => client.send(client.plans.createConnection(entry), signal),
			update: (entry, signal) => client.send(client.plans.updateConnection(entry), signal),
		},
		[],
		concurrency,
	);
}

export const connectionsCommand: Command = {
	name: 'connections',
	usage: USAGE,
	summary: 'list, get, delete, export and import Connections (never their passwords)',
	options: {...IMPORT_OPTIONS, yes: YES_FLAG},
	actions: ['list', 'get', 'delete', 'export', 'import'],
	examples: [
		['connections list', 'every Connection, without passwords'],
		['connections import conns.json --dry-run', 'what an import would create and change, without changing anything'],
	],
	async run(context) {
		const {args, values, out} = context;
		const [action, id] = args;
		switch (action) {
			case 'list':
			case 'get': {
				if (action === 'get' && !id) throw new ConfigError('usage: windsock connections get ID');
				const {client} = await context.connect();
				const connections = action === 'get' ? [await client.getConnection(id!)] : await client.listAllConnections();
				// the mask 3.x sends is not shown as if it were a password
				const shown = connections.map(({password: _password, ...rest}) => rest);
				if (values['json']) out.json(action === 'get' ? shown[0] : shown);
				else {
					out.table(
						[
							{header: 'conn_id', value: c => c.connectionId},
							{header: 'type', value: c => c.connType},
							{header: 'host', value: c => c.host},
							{header: 'port', value: c => c.port},
							{header: 'login', value: c => c.login},
							{header: 'schema', value: c => c.schema},
							{header: 'description', value: c => c.description},
						],
						shown,
					);
				}
				return 0;
			}
			case 'delete': {
				if (!id) throw new ConfigError('usage: windsock connections delete ID [--yes]');
				const opened = await context.connect();
				if (!(await context.confirm(opened, `delete connection ${sanitizeLine(id)}?`))) return 1;
				await opened.client.deleteConnection(id);
				out.note(`deleted ${sanitizeLine(id)}`);
				return 0;
			}
			case 'export':
				return exportConnections(context);
			case 'import':
				return importConnections(context);
			default:
				throw new ConfigError(`usage: windsock ${USAGE}`);
		}
	},
};
