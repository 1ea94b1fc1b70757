// `windsock pause|unpause DAG... | --pattern P`: shows what will change, asks (or takes
// --yes), changes it, and says what the server reports afterwards. With a pattern every
// page of matches is changed, not only the first.
import {describeError} from '../airflow/errors.js';
import {ConfigError} from '../config/connection.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Command, CommandContext} from './command.js';
import {YES_FLAG} from './flags.js';
import {plural} from '../text/plural.js';

const PREVIEW = 10;

function preview(ids: string[]): string {
	const shown = ids.slice(0, PREVIEW).map(sanitizeLine).join(', ');
	return ids.length > PREVIEW ? `${shown} and ${ids.length - PREVIEW} more` : shown;
}

async function run(context: CommandContext, paused: boolean): Promise<number> {
	const {args, values, out} = context;
	const verb = paused ? 'pause' : 'unpause';
	const pattern = values['pattern'] as string | undefined;
	if (pattern !== undefined && args.length) throw new ConfigError(`give DAG ids or --pattern, not both`);
	if (pattern === undefined && !args.length) throw new ConfigError(`usage: windsock ${verb} DAG... | --pattern P [--yes]`);
	const opened = await context.connect();
	const {client} = opened;

	if (pattern !== undefined) {
		if (!pattern) throw new ConfigError('an empty --pattern would match every DAG');
		const matching = await client.listAllDags({pattern});
		const toChange = matching.filter(dag => dag.isPaused !== paused).map(dag => dag.dagId);
		out.note(`${plural(matching.length, 'DAG')} match "${sanitizeLine(pattern)}"; ${toChange.length} to ${verb}${toChange.length ? `: ${preview(toChange)}` : ''}`);
		if (!toChange.length) return 0;
		if (!(await context.confirm(opened, `${verb} ${plural(toChange.length, 'DAG')} matching "${sanitizeLine(pattern)}"?`))) {
			out.note('nothing changed');
			return 1;
		}
		const after = await client.setPausedByPattern(pattern, paused);
		const wrong = after.filter(dag => dag.isPaused !== paused);
		out.line(`${verb}d ${plural(toChange.length, 'DAG')}; ${after.length - wrong.length} of ${after.length} matching are now ${paused ? 'paused' : 'active'}`);
		if (wrong.length) out.warn(`still ${paused ? 'active' : 'paused'}: ${preview(wrong.map(dag => dag.dagId))}`);
		return wrong.length ? 1 : 0;
	}

	if (!(await context.confirm(opened, `${verb} ${preview(args)}?`))) {
		out.note('nothing changed');
		return 1;
	}
	let failed = 0;
	for (const dagId of args) {
		try {
			const dag = await client.setPaused(dagId, paused);
			out.line(`${sanitizeLine(dag.dagId)}: ${dag.isPaused ? 'paused' : 'active'}`);
		} catch (error) {
			failed++;
			out.note(`windsock: ${sanitizeLine(dagId)}: ${sanitizeLine(describeError(error))}`);
		}
	}
	return failed ? 1 : 0;
}

const options = {pattern: {type: 'string', value: 'P', help: 'every DAG whose id contains P (listed before asking)'}, yes: YES_FLAG} as const;

export const pauseCommand: Command = {
	name: 'pause',
	usage: 'pause DAG... | --pattern P [--yes]',
	summary: 'pause DAGs (asks first; --yes for scripts)',
	options,
	examples: [
		['pause etl_daily', 'pause one DAG (asks first)'],
		['pause --pattern etl_ --yes', 'pause every DAG whose id contains etl_, without asking'],
	],
	run: context => run(context, true),
};

export const unpauseCommand: Command = {
	name: 'unpause',
	usage: 'unpause DAG... | --pattern P [--yes]',
	summary: 'unpause DAGs (asks first; --yes for scripts)',
	options,
	examples: [
		['unpause etl_daily etl_hourly', 'unpause two DAGs (asks first)'],
		['unpause --pattern etl_ --yes', 'unpause every DAG whose id contains etl_, without asking'],
	],
	run: context => run(context, false),
};
