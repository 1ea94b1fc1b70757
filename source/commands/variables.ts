// `windsock variables list|get|set|delete|export|import`: Airflow's Variables without the
// web UI or `airflow variables` on the server. export/import read and write the files of
// Airflow's own CLI (see source/transfer/variables-file.ts).
import {ConfigError} from '../config/connection.js';
import {sanitize, sanitizeLine} from '../text/sanitize.js';
import {learnSensitiveWords} from '../airflow/sensitive-config.js';
import {isSensitiveKey, MASK, MASKED} from '../text/sensitive.js';
import {variablesFromFile, variablesToFile, type VariableEntry} from '../transfer/variables-file.js';
import type {Variable} from '../airflow/model.js';
import {readSource, unlessNotFound, type Command, type CommandContext} from './command.js';
import {YES_FLAG} from './flags.js';
import {IMPORT_OPTIONS, importConcurrency, readJsonFile, refuseReadOnlyImport, runImport, writeJsonFile} from './transfer-io.js';
import {plural} from '../text/plural.js';

const USAGE =
	'variables list [--json] | get KEY | set KEY VALUE|@file|@- [--description T] | delete KEY [--yes] | export [FILE|-] [--no-descriptions] | import FILE|- [--overwrite|--skip-existing] [--dry-run] [--concurrency N]';

async function valueArgument(raw: string, key: string, context: CommandContext): Promise<string> {
	if (raw.startsWith('@')) return (await readSource(raw.slice(1))).replace(/\n$/, '');
	if (isSensitiveKey(key)) context.out.warn(`"${key}" looks secret, and argv shows in \`ps\` and shell history: pass the value as @- (stdin) or @file instead`);
	return raw;
}

async function exportVariables(context: CommandContext): Promise<number> {
	const {args, values, out} = context;
	const file = args[1] ?? '-';
	const {client} = await context.connect({readOnly: true});
	const variables = await client.listAllVariables();
	const masked = variables.filter(variable => variable.value === MASKED).map(variable => variable.key);
	writeJsonFile(file, variablesToFile(variables, {descriptions: !values['no-descriptions']}), 4, out);
	out.note(`exported ${plural(variables.length, 'variable')}${file === '-' ? '' : ` to ${file}`}`);
	if (masked.length) {
		out.warn(
			`the server masked ${plural(masked.length, 'value')} as ${MASKED} (${masked.map(sanitizeLine).join(', ')}): the file holds the mask, not the secret, and will not round-trip; windsock's import skips such values`,
		);
	}
	return 0;
}

async function importVariables(context: CommandContext): Promise<number> {
	const file = context.args[1];
	if (!file) throw new ConfigError(`usage: windsock ${USAGE}`);
	refuseReadOnlyImport(context, 'variables');
	const {entries, problems} = variablesFromFile(await readJsonFile(file, {keepNumbers: true}));
	// a value the exporting server masked is not the secret: writing it would destroy the real one
	const masked = entries.filter(entry => entry.value === MASKED).map(entry => ({key: entry.key, reason: `the file holds the server's mask ${MASKED}, not the value`}));
	const {client, label} = await context.connect({readOnly: !!context.values['dry-run']});
	const concurrency = importConcurrency(context.values, label);
	const existing = new Map((await client.listAllVariables()).map(variable => [variable.key, variable] as const));
	const asVariable = (entry: VariableEntry): Variable => ({key: entry.key, value: entry.value, description: entry.description ?? existing.get(entry.key)?.description ?? null});
	return runImport(
		context,
		'variables',
		problems,
		{
			entries: entries.filter(entry => entry.value !== MASKED),
			keyOf: entry => entry.key,
			existing,
			same: (entry, current) => entry.value === current.value && (entry.description === undefined || (entry.description ?? null) === current.description),
			// the plans, sent with the import's signal: an interrupted import abandons its writes in flight
			create: (entry, signal) => client.send(client.plans.createVariable(asVariable(entry)), signal),
			update: (entry, signal) => client.send(client.plans.updateVariable(asVariable(entry)), signal),
		},
		masked,
		concurrency,
	);
}

export const variablesCommand: Command = {
	name: 'variables',
	usage: USAGE,
	summary: 'list, get, set, delete, export and import Variables',
	options: {
		...IMPORT_OPTIONS,
		description: {type: 'string', value: 'T', help: "set: the Variable's description"},
		'no-descriptions': {type: 'boolean', help: 'export: values only, as `airflow variables export` writes them'},
		yes: YES_FLAG,
	},
	actions: ['list', 'get', 'set', 'delete', 'export', 'import'],
	examples: [
		['variables get region', "print one Variable's value"],
		['variables set api_key @-', 'set a value read from stdin (a secret stays out of argv)'],
		['variables export vars.json', "every Variable in the file form of Airflow's CLI"],
	],
	async run(context) {
		const {args, values, out} = context;
		const [action, key, value] = args;
		switch (action) {
			case 'list': {
				const {client} = await context.connect();
				// the server's [core] sensitive_var_conn_names joins the masking (when it shows its config)
				const [variables] = await Promise.all([client.listAllVariables(), learnSensitiveWords(client)]);
				if (values['json']) out.json(variables);
				else {
					out.table(
						[
							{header: 'key', value: v => v.key},
							{header: 'value', value: v => (isSensitiveKey(v.key) ? MASK : v.value), max: 50},
							{header: 'description', value: v => v.description ?? ''},
						],
						variables,
					);
					out.note(`${plural(variables.length, 'variable')} (values of secret-looking keys masked; \`windsock variables get KEY\` shows one)`);
				}
				return 0;
			}
			case 'get': {
				if (!key) throw new ConfigError('usage: windsock variables get KEY');
				const {client} = await context.connect();
				const variable = await client.getVariable(key);
				// 3.x sends *** for a secret-looking key: that is the server's mask, not the value,
				// and a script must not take it for one (2.x sends every value in clear)
				if (client.server.generation === 'v2' && variable.value === MASKED) {
					if (values['json']) out.json({...variable, value: null, maskedByServer: true});
					out.warn(`the server masks the value of ${sanitizeLine(key)} (it sends ${MASKED}, Airflow's [core] hide_sensitive_var_conn_fields): the API does not give the value`);
					return 1;
				}
				if (values['json']) out.json(variable);
				else out.line(sanitize(variable.value));
				return 0;
			}
			case 'set': {
				if (!key || value === undefined) throw new ConfigError('usage: windsock variables set KEY VALUE|@file|@- [--description T]');
				const text = await valueArgument(value, key, context);
				const {client} = await context.connect();
				const current = await unlessNotFound(client.getVariable(key));
				const variable = {key, value: text, description: (values['description'] as string | undefined) ?? current?.description ?? null};
				await (current ? client.updateVariable(variable) : client.createVariable(variable));
				out.note(`${current ? 'updated' : 'created'} ${sanitizeLine(key)}`);
				return 0;
			}
			case 'delete': {
				if (!key) throw new ConfigError('usage: windsock variables delete KEY [--yes]');
				const opened = await context.connect();
				if (!(await context.confirm(opened, `delete variable ${sanitizeLine(key)}?`))) return 1;
				await opened.client.deleteVariable(key);
				out.note(`deleted ${sanitizeLine(key)}`);
				return 0;
			}
			case 'export':
				return exportVariables(context);
			case 'import':
				return importVariables(context);
			default:
				throw new ConfigError(`usage: windsock ${USAGE}`);
		}
	},
};
