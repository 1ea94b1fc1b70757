// Where a log should open, asked by whoever opens it: Triage's Enter wants the failed task's
// log at its first error line, not at its end. The navigation's open-task event carries only
// the task and try, so the wish waits here, keyed by the task's try, and the log view takes it
// once when it mounts. (A field on open-task would say this better: see docs/triage.md.)
export type LogFocus = 'first-error';

const wishes = new Map<string, LogFocus>();

const keyOf = (task: {dagId: string; runId: string; taskId: string; mapIndex: number}, tryNumber: number) =>
	`${task.dagId}\u0000${task.runId}\u0000${task.taskId}\u0000${task.mapIndex}\u0000${tryNumber}`;

export function requestLogFocus(task: {dagId: string; runId: string; taskId: string; mapIndex: number}, tryNumber: number, focus: LogFocus): void {
	wishes.clear(); // only the latest wish counts: an older one must not surprise a later visit
	wishes.set(keyOf(task, tryNumber), focus);
}

/** The wish for this task's try, removed as it is taken. */
export function takeLogFocus(task: {dagId: string; runId: string; taskId: string; mapIndex: number}, tryNumber: number): LogFocus | undefined {
	const key = keyOf(task, tryNumber);
	const focus = wishes.get(key);
	wishes.delete(key);
	return focus;
}
