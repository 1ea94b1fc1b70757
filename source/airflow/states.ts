// Which states are still moving. Airflow's own lists (airflow.utils.state) for both lines.

/** A run in one of these is done; any other state may still change. */
export const FINISHED_RUN_STATES: ReadonlySet<string> = new Set(['success', 'failed']);

/** A task instance in one of these may still write to its log or change state. */
export const UNFINISHED_TASK_STATES: ReadonlySet<string> = new Set(['running', 'queued', 'scheduled', 'up_for_retry', 'up_for_reschedule', 'deferred', 'restarting']);

/** Task states that made a run fail. */
export const FAILED_TASK_STATES: ReadonlySet<string> = new Set(['failed', 'upstream_failed']);
