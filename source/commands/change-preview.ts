// What `clear` and `mark` show before they change anything: the request as it will be sent
// and the task instances it touches, in the words the console's dialogs use.
import type {AirflowClient} from '../airflow/client.js';
import type {TaskInstanceRef} from '../airflow/model.js';
import type {Output} from './output.js';

/** A task instance's name: its id, and its map index when it is one of a mapped task's. */
export const taskName = (ref: {taskId: string; mapIndex: number}) => `${ref.taskId}${ref.mapIndex >= 0 ? `[${ref.mapIndex}]` : ''}`;

const refKey = (ref: {runId: string; taskId: string; mapIndex: number}) => `${ref.runId}\u0000${ref.taskId}\u0000${ref.mapIndex}`;

/** 2.x's dry runs list task references without their state: fill it from the run's task instances. */
export async function withStates(client: AirflowClient, dagId: string, runId: string, refs: TaskInstanceRef[]): Promise<TaskInstanceRef[]> {
	if (refs.every(ref => ref.state !== null)) return refs;
	const tasks = await client.listTaskInstances(dagId, runId).catch(() => []);
	const state = new Map(tasks.map(task => [refKey(task), task.state]));
	return refs.map(ref => ({...ref, state: ref.state ?? state.get(refKey(ref)) ?? null}));
}

/** The same task instances, in any order? (what was changed against what the preview said) */
export function sameRefs(a: TaskInstanceRef[], b: TaskInstanceRef[]): boolean {
	const keys = new Set(a.map(refKey));
	return a.length === b.length && b.every(ref => keys.has(refKey(ref)));
}

export function refTable(out: Output, refs: TaskInstanceRef[]): void {
	out.table(
		[
			{header: 'task', value: ref => taskName(ref)},
			{header: 'state now', value: ref => ref.state ?? 'none'},
			{header: 'run_id', value: ref => ref.runId},
		],
		refs,
	);
}

/**
 * Refuses a change in read-only mode, after its preview and before asking: the preview was
 * worth having, the question would not be. True when the caller must stop (exit 1).
 */
export function refusedReadOnly(client: AirflowClient, out: Output, what: string): boolean {
	if (!client.readOnly) return false;
	out.note(`windsock: read-only mode: ${what} was not sent (nothing changed); the connection was opened with --read-only or a read-only profile`);
	return true;
}
