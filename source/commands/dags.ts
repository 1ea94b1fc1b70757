// `windsock dags`: every DAG (all pages), or only the active (unpaused) or paused ones,
// optionally those whose id contains a pattern; a table for people, JSON for machines.
import {ConfigError} from '../config/connection.js';
import type {Command} from './command.js';
import {JSON_FLAG, listFlag} from './flags.js';
import {formatDateTime, utcHeader} from '../text/time.js';
import {plural} from '../text/plural.js';

export const dagsCommand: Command = {
	name: 'dags',
	usage: 'dags [--active | --paused] [--pattern P] [--tag T] [--json]',
	summary: 'list DAGs: id, paused, schedule, next run, tags',
	options: {
		active: {type: 'boolean', help: 'only DAGs that are not paused'},
		paused: {type: 'boolean', help: 'only paused DAGs'},
		pattern: {type: 'string', value: 'P', help: 'only DAG ids containing P (the server filters)'},
		tag: {type: 'string', multiple: true, value: 'T', help: 'only DAGs tagged T (repeat for any of several tags)'},
		json: JSON_FLAG,
	},
	examples: [
		['dags --paused', 'every paused DAG'],
		['dags --pattern etl --tag finance --json', 'DAGs whose id contains etl and that are tagged finance, as JSON'],
	],
	async run({values, out, connect}) {
		if (values['active'] && values['paused']) throw new ConfigError('--active and --paused exclude each other');
		const {client} = await connect();
		const dags = await client.listAllDags({
			pattern: values['pattern'] as string | undefined,
			paused: values['active'] ? false : values['paused'] ? true : undefined,
			tags: listFlag(values, 'tag'),
		});
		if (values['json']) {
			out.json(dags);
			return 0;
		}
		out.table(
			[
				{header: 'dag_id', value: d => d.dagId},
				{header: 'paused', value: d => (d.isPaused ? 'paused' : 'active'), paint: (text, d) => out.paint(d.isPaused ? 'yellow' : 'green', text)},
				{header: 'schedule', value: d => d.schedule ?? 'none', max: 24},
				{header: utcHeader('next run'), value: d => formatDateTime(d.nextRunAfter)},
				{header: 'import errors', value: d => (d.hasImportErrors ? 'yes' : '')},
				{header: 'tags', value: d => d.tags.join(', ')},
			],
			dags,
		);
		out.note(`${plural(dags.length, 'DAG')}`);
		return 0;
	},
};
