// Changing runs and task instances from the Runs pane: mark a run or a task success/failed,
// clear a run or chosen tasks. A clear always asks Airflow first what it would clear (its own
// dry run) and shows that list; nothing is sent until the user says so. Each choice shows the
// client's plan for it, and its send goes through the client method built on that same plan.
import type {DagRun, TaskInstance, TaskInstanceRef} from '../../airflow/model.js';
import type {RequestPlan} from '../../airflow/request-plan.js';
import {FAILED_TASK_STATES} from '../../airflow/states.js';
import {sanitizeLine} from '../../text/sanitize.js';
import type {Actions} from '../actions.js';
import {plural} from '../../text/plural.js';

const refLine = (ref: TaskInstanceRef) => `  ${ref.taskId}${ref.mapIndex >= 0 ? `[${ref.mapIndex}]` : ''}  ${ref.state ?? ''}  (${ref.runId})`;
/** 2.x's dry run lists task references without their state: fill it from the run's task instances. */
async function withStates(actions: Actions, run: DagRun, refs: TaskInstanceRef[]): Promise<TaskInstanceRef[]> {
	if (refs.every(ref => ref.state !== null)) return refs;
	const tasks = await actions.client.listTaskInstances(run.dagId, run.runId).catch(() => []);
	const state = new Map(tasks.map(task => [`${task.runId}/${task.taskId}/${task.mapIndex}`, task.state]));
	return refs.map(ref => ({...ref, state: ref.state ?? state.get(`${ref.runId}/${ref.taskId}/${ref.mapIndex}`) ?? null}));
}

/** "s: PATCH …  {…}": a choice's key and the request it sends. */
const choiceLine = (actions: Actions, key: string, plan: RequestPlan) => `${key}: ${actions.client.describeLine(plan)}`;

export function confirmMarkRun(actions: Actions, run: DagRun, onDone: () => void): void {
	const mark = (state: 'success' | 'failed') => async () => {
		const after = await actions.client.setRunState(run.dagId, run.runId, state);
		return `${sanitizeLine(after.runId)} marked ${after.state}`;
	};
	actions.confirm({
		title: `Mark run ${sanitizeLine(run.runId)} of ${sanitizeLine(run.dagId)} (now ${run.state})`,
		lines: [
			choiceLine(actions, 's', actions.client.plans.setRunState(run.dagId, run.runId, 'success')),
			choiceLine(actions, 'f', actions.client.plans.setRunState(run.dagId, run.runId, 'failed')),
			'Its unfinished task instances take the same state.',
		],
		choices: [
			{key: 's', label: 'mark success', run: mark('success')},
			{key: 'f', label: 'mark failed', run: mark('failed')},
		],
		onDone,
	});
}

export async function confirmClearRun(actions: Actions, run: DagRun, onDone: () => void): Promise<void> {
	const all = await withStates(actions, run, await actions.client.clearRun(run.dagId, run.runId, {dryRun: true}));
	// what only_failed would clear: the same states Airflow picks (failed, upstream_failed)
	const failed = all.filter(ref => FAILED_TASK_STATES.has(ref.state ?? ''));
	const clear = (onlyFailed: boolean) => async () => {
		const cleared = await actions.client.clearRun(run.dagId, run.runId, {dryRun: false, onlyFailed});
		return `cleared ${plural(cleared.length, 'task instance')} of ${sanitizeLine(run.runId)}: the scheduler runs them again`;
	};
	actions.confirm({
		title: `Clear run ${sanitizeLine(run.runId)}?`,
		lines: [
			`${sanitizeLine(run.dagId)}, per Airflow's dry run:`,
			choiceLine(actions, 'y', actions.client.plans.clearRun(run.dagId, run.runId, {dryRun: false, onlyFailed: false})),
			...(failed.length ? [choiceLine(actions, 'f', actions.client.plans.clearRun(run.dagId, run.runId, {dryRun: false, onlyFailed: true}))] : []),
			`all: ${plural(all.length, 'task instance')}; failed only: ${failed.length}`,
			...all.map(refLine),
		],
		choices: [{key: 'y', label: `clear all ${all.length}`, run: clear(false)}, ...(failed.length ? [{key: 'f', label: `clear the ${failed.length} failed`, run: clear(true)}] : [])],
		onDone,
	});
}

export async function confirmClearTasks(actions: Actions, run: DagRun, chosenTaskIds: Iterable<string>, onDone: () => void): Promise<void> {
	const taskIds = [...new Set(chosenTaskIds)];
	const request = (includeDownstream: boolean, dryRun: boolean) => ({runId: run.runId, taskIds, includeDownstream, dryRun});
	const dryRun = async (includeDownstream: boolean) => withStates(actions, run, await actions.client.clearTasks(run.dagId, request(includeDownstream, true)));
	// both lists up front: what the user confirms is what Airflow said it would clear
	const [only, withDownstream] = await Promise.all([dryRun(false), dryRun(true)]);
	const clear = (includeDownstream: boolean) => async () => {
		const cleared = await actions.client.clearTasks(run.dagId, request(includeDownstream, false));
		return `cleared ${plural(cleared.length, 'task instance')}: the scheduler runs them again`;
	};
	const extra = withDownstream.filter(ref => !only.some(other => other.taskId === ref.taskId && other.mapIndex === ref.mapIndex));
	actions.confirm({
		title: `Clear ${taskIds.length === 1 ? `task ${sanitizeLine(taskIds[0])}` : `${taskIds.length} tasks`}?`,
		lines: [
			`${sanitizeLine(run.dagId)} › ${sanitizeLine(run.runId)}, per Airflow's dry run:`,
			choiceLine(actions, 'y', actions.client.plans.clearTasks(run.dagId, request(false, false))),
			...(extra.length ? [choiceLine(actions, 'd', actions.client.plans.clearTasks(run.dagId, request(true, false)))] : []),
			...only.map(refLine),
			...(extra.length ? [`with downstream (d), also:`, ...extra.map(refLine)] : []),
		],
		choices: [{key: 'y', label: `clear ${only.length}`, run: clear(false)}, ...(extra.length ? [{key: 'd', label: `clear ${withDownstream.length} with downstream`, run: clear(true)}] : [])],
		onDone,
	});
}

export function confirmMarkTask(actions: Actions, run: DagRun, task: TaskInstance, onDone: () => void): void {
	const mark = (state: 'success' | 'failed') => async () => {
		await actions.client.setTaskState(run.dagId, run.runId, task.taskId, state, {dryRun: false});
		return `${sanitizeLine(task.taskId)} marked ${state}`;
	};
	actions.confirm({
		title: `Mark task ${sanitizeLine(task.taskId)} in ${sanitizeLine(run.runId)} (now ${task.state ?? 'none'})`,
		// 2.x sends {new_state, dry_run}: the plan says so, so the preview does too
		lines: [
			choiceLine(actions, 's', actions.client.plans.setTaskState(run.dagId, run.runId, task.taskId, 'success', {dryRun: false})),
			choiceLine(actions, 'f', actions.client.plans.setTaskState(run.dagId, run.runId, task.taskId, 'failed', {dryRun: false})),
		],
		choices: [
			{key: 's', label: 'mark success', run: mark('success')},
			{key: 'f', label: 'mark failed', run: mark('failed')},
		],
		onDone,
	});
}
