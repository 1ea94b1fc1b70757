// `windsock clear DAG RUN`: asks Airflow first what it would clear (its own dry run) and shows
// that list with the exact request; --dry-run stops there. Otherwise it asks (or takes --yes),
// clears, and says what Airflow reports it cleared. Cleared task instances lose their state
// and the scheduler runs them again.
import type {ClearTasksRequest} from '../airflow/model.js';
import {ConfigError} from '../config/connection.js';
import {sanitizeLine} from '../text/sanitize.js';
import {plural} from '../text/plural.js';
import {refTable, refusedReadOnly, sameRefs, taskName, withStates} from './change-preview.js';
import {expectArgs, type Command} from './command.js';
import {JSON_FLAG, listFlag, YES_FLAG} from './flags.js';

export const clearCommand: Command = {
	name: 'clear',
	usage: 'clear DAG RUN [--only-failed] [--task T]... [--downstream] [--dry-run] [--yes] [--json]',
	summary: "clear a run's task instances so they run again (shows Airflow's dry run first)",
	options: {
		'only-failed': {type: 'boolean', help: 'only the failed and upstream-failed task instances'},
		task: {type: 'string', multiple: true, value: 'T', help: 'only task T (repeat for several)'},
		downstream: {type: 'boolean', help: 'with --task: its downstream tasks too'},
		'dry-run': {type: 'boolean', help: "show Airflow's dry run and stop"},
		yes: YES_FLAG,
		json: JSON_FLAG,
	},
	examples: [
		['clear etl_daily scheduled__2026-01-31T00:00:00+00:00 --only-failed', 'run the failed tasks of one run again (asks first)'],
		['clear etl_daily RUN_ID --task load --downstream --dry-run', 'what clearing load and its downstream would touch'],
	],
	async run(context) {
		const {values, out} = context;
		const [dagId, runId] = expectArgs(context, clearCommand, 2) as [string, string];
		// a change names the run it means: "latest" could be a newer run than the one looked at
		if (runId === 'latest') throw new ConfigError('clear needs the run id, not "latest" (windsock runs DAG lists them)');
		const taskIds = listFlag(values, 'task') ?? [];
		if (taskIds.some(task => !task.trim())) throw new ConfigError('--task takes a task id');
		if (values['downstream'] && !taskIds.length) throw new ConfigError('--downstream needs --task: without it every task of the run is cleared already');
		const dryRunOnly = !!values['dry-run'];
		const opened = await context.connect(dryRunOnly ? {readOnly: true} : {});
		const {client} = opened;

		const request: ClearTasksRequest = {
			runId,
			onlyFailed: !!values['only-failed'],
			includeDownstream: !!values['downstream'],
			...(taskIds.length ? {taskIds: [...new Set(taskIds)]} : {}),
		};
		const preview = await withStates(client, dagId, runId, await client.clearTasks(dagId, {...request, dryRun: true}));
		// the plan the clear sends: the preview shows it, --json carries it
		const plan = client.plans.clearTasks(dagId, {...request, dryRun: false});
		const what = [
			request.onlyFailed ? 'failed ' : '',
			taskIds.length ? `task${taskIds.length === 1 ? '' : 's'} ${taskIds.map(sanitizeLine).join(', ')}${request.includeDownstream ? ' and downstream' : ''}` : 'task instances',
		].join('');

		const asJson = !!values['json'];
		const planned = {request: {method: plan.method, path: `/${plan.path}`, body: plan.body}, taskInstances: preview};
		// the list goes to stdout as the result; with --json it is in the document, and a person
		// who is asked still sees it on stderr
		if (!asJson && preview.length) refTable(out, preview);
		if (asJson) for (const ref of preview) out.note(`  ${sanitizeLine(taskName(ref))}  ${ref.state ?? 'none'}`);
		const stop = (code: number) => {
			if (asJson) out.json({dryRun: true, ...planned});
			return code;
		};
		if (!preview.length) {
			out.note(`nothing to clear: Airflow's dry run finds no ${what} in ${sanitizeLine(dagId)} ${sanitizeLine(runId)}`);
			return stop(0);
		}
		out.note(`Airflow's dry run: ${plural(preview.length, 'task instance')} of ${sanitizeLine(dagId)} ${sanitizeLine(runId)} would be cleared and run again`);
		out.note(sanitizeLine(client.describeLine(plan)));
		if (dryRunOnly) return stop(0);
		if (refusedReadOnly(client, out, 'the clear')) return stop(1);
		if (!(await context.confirm(opened, `clear ${plural(preview.length, 'task instance')} of ${sanitizeLine(dagId)} ${sanitizeLine(runId)}?`))) {
			out.note('nothing changed');
			return stop(1);
		}
		const cleared = await client.clearTasks(dagId, {...request, dryRun: false});
		if (asJson) out.json({dryRun: false, ...planned, cleared});
		else out.line(`cleared ${plural(cleared.length, 'task instance')} of ${sanitizeLine(dagId)} ${sanitizeLine(runId)}: ${cleared.map(ref => sanitizeLine(taskName(ref))).join(', ')}`);
		// the run may have moved between the dry run and the clear: say so rather than hide it
		if (!sameRefs(preview, cleared)) out.warn(`Airflow cleared ${plural(cleared.length, 'task instance')}; its dry run had listed ${preview.length}`);
		return 0;
	},
};
