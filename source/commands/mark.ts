// `windsock mark DAG RUN success|failed [--task T]`: shows what will change and the exact
// request, asks (or takes --yes), sends it, and reads back what the server now says.
// A task uses Airflow's own dry run for its preview. A run has none in the API, so its preview
// lists the task instances Airflow's rule will change along with the run (success: every one
// not yet successful; failed: running ones fail, those not yet started are skipped).
import type {TaskInstance} from '../airflow/model.js';
import {ConfigError} from '../config/connection.js';
import type {OpenedClient} from '../config/open-client.js';
import {sanitizeLine} from '../text/sanitize.js';
import {plural} from '../text/plural.js';
import {refTable, refusedReadOnly, taskName, withStates} from './change-preview.js';
import {expectArgs, type Command, type CommandContext} from './command.js';
import {JSON_FLAG, YES_FLAG} from './flags.js';

type Target = 'success' | 'failed';

/** Task states Airflow's "mark run failed" fails rather than skips (airflow mark_tasks). */
const RUNNING_TASK_STATES: ReadonlySet<string> = new Set(['running', 'deferred', 'up_for_reschedule']);
const FINISHED_TASK_STATES: ReadonlySet<string> = new Set(['success', 'failed', 'skipped', 'upstream_failed', 'removed']);

/** What Airflow does to one task instance of a run marked `target`; null when it stays as it is. */
export function taskStateAfterRunMark(state: string | null, target: Target): string | null {
	if (target === 'success') return state === 'success' ? null : 'success';
	if (state !== null && RUNNING_TASK_STATES.has(state)) return 'failed';
	if (state === null || !FINISHED_TASK_STATES.has(state)) return 'skipped';
	return null;
}

async function markRun(context: CommandContext, connection: OpenedClient, dagId: string, runId: string, target: Target): Promise<number> {
	const {out, values} = context;
	const {client} = connection;
	const run = await client.getRun(dagId, runId);
	if (run.state === target) {
		out.note(`nothing to change: ${sanitizeLine(dagId)} ${sanitizeLine(runId)} is already ${target}`);
		if (values['json']) out.json({changed: false, run});
		return 0;
	}
	const tasks = await client.listTaskInstances(dagId, runId);
	const changes = tasks.flatMap(task => {
		const after = taskStateAfterRunMark(task.state, target);
		return after ? [{task, after}] : [];
	});
	if (!values['json'] && changes.length) {
		out.table(
			[
				{header: 'task', value: change => taskName(change.task)},
				{header: 'state now', value: change => change.task.state ?? 'none'},
				{header: 'becomes', value: change => change.after},
			],
			changes,
		);
	}
	out.note(`${sanitizeLine(dagId)} ${sanitizeLine(runId)}: ${run.state} -> ${target}; with it Airflow changes ${plural(changes.length, 'task instance')}${changes.length ? ' (above)' : ''}`);
	out.note(sanitizeLine(client.describeLine(client.plans.setRunState(dagId, runId, target))));
	if (refusedReadOnly(client, out, 'the change')) return 1;
	if (!(await context.confirm(connection, `mark run ${sanitizeLine(runId)} of ${sanitizeLine(dagId)} ${target}?`))) {
		out.note('nothing changed');
		return 1;
	}
	const after = await client.setRunState(dagId, runId, target);
	if (values['json']) out.json({changed: true, run: after});
	else out.line(`${sanitizeLine(after.dagId)} ${sanitizeLine(after.runId)}: ${sanitizeLine(after.state)}`);
	return after.state === target ? 0 : 1;
}

async function markTask(context: CommandContext, connection: OpenedClient, dagId: string, runId: string, taskId: string, target: Target): Promise<number> {
	const {out, values} = context;
	const {client} = connection;
	const dry = await withStates(client, dagId, runId, await client.setTaskState(dagId, runId, taskId, target, {dryRun: true}));
	const changes = dry.filter(ref => ref.state !== target);
	if (!changes.length) {
		out.note(`nothing to change: Airflow's dry run finds ${sanitizeLine(taskId)} in ${sanitizeLine(runId)} already ${target}`);
		if (values['json']) out.json({changed: false, taskInstances: dry});
		return 0;
	}
	if (!values['json']) refTable(out, changes);
	out.note(`Airflow's dry run: ${plural(changes.length, 'task instance')} of ${sanitizeLine(dagId)} ${sanitizeLine(runId)} would become ${target}`);
	out.note(sanitizeLine(client.describeLine(client.plans.setTaskState(dagId, runId, taskId, target, {dryRun: false}))));
	if (refusedReadOnly(client, out, 'the change')) return 1;
	if (!(await context.confirm(connection, `mark ${plural(changes.length, 'task instance')} (${changes.map(ref => sanitizeLine(taskName(ref))).join(', ')}) in ${sanitizeLine(runId)} ${target}?`))) {
		out.note('nothing changed');
		return 1;
	}
	await client.setTaskState(dagId, runId, taskId, target, {dryRun: false});
	// 2.x answers a real change with {}: read the state back rather than trust the answer
	const after: TaskInstance = await client.getTaskInstance(dagId, runId, taskId);
	if (values['json']) out.json({changed: true, taskInstance: after});
	else out.line(`${sanitizeLine(taskName(after))} in ${sanitizeLine(runId)}: ${sanitizeLine(after.state ?? 'none')}`);
	return after.state === target ? 0 : 1;
}

export const markCommand: Command = {
	name: 'mark',
	usage: 'mark DAG RUN success|failed [--task T] [--yes] [--json]',
	summary: 'mark a run or one of its tasks success or failed (shows what changes, asks first)',
	options: {task: {type: 'string', value: 'T', help: 'mark only task T, not the whole run'}, yes: YES_FLAG, json: JSON_FLAG},
	examples: [
		['mark etl_daily RUN_ID success', 'mark a run success (shows what changes, asks first)'],
		['mark etl_daily RUN_ID failed --task load --yes', 'mark one task failed without asking'],
	],
	async run(context) {
		const [dagId, runId, target] = expectArgs(context, markCommand, 3) as [string, string, string];
		if (target !== 'success' && target !== 'failed') throw new ConfigError(`mark takes success or failed, not "${sanitizeLine(target)}"`);
		// a change names the run it means: "latest" could be a newer run than the one looked at
		if (runId === 'latest') throw new ConfigError('mark needs the run id, not "latest" (windsock runs DAG lists them)');
		const taskId = context.values['task'] as string | undefined;
		if (taskId !== undefined && !taskId.trim()) throw new ConfigError('--task takes a task id');
		const connection = await context.connect();
		return taskId === undefined ? markRun(context, connection, dagId, runId, target) : markTask(context, connection, dagId, runId, taskId, target);
	},
};
