// The domain types every pane and command uses. The two wire formats (v1.ts, v2.ts) map into
// these; nothing outside source/airflow/ sees a wire field name. Dates stay ISO-8601 strings
// as the server sent them (null where the server has none), so nothing is lost in parsing.

export type ApiGeneration = 'v1' | 'v2';

export type ServerInfo = {
	version: string;
	gitVersion: string | null;
	generation: ApiGeneration;
};

/**
 * `unknown`: the server reports the component but not its state (2.x says null when that
 * job never ran). `absent`: the server does not report the component at all (older
 * servers, or 3.x without a separate dag-processor). Neither means "unhealthy".
 */
export type ComponentStatus = 'healthy' | 'unhealthy' | 'unknown' | 'absent';

export type ComponentHealth = {
	status: ComponentStatus;
	/** ISO time of the latest heartbeat, where the component has one */
	latestHeartbeat: string | null;
};

export type Health = {
	metadatabase: ComponentHealth;
	scheduler: ComponentHealth;
	triggerer: ComponentHealth;
	dagProcessor: ComponentHealth;
};

export type Page<T> = {
	items: T[];
	/** total matching on the server, for "rows 1-30 of 2,431" */
	total: number;
};

export type Dag = {
	dagId: string;
	displayName: string;
	description: string | null;
	isPaused: boolean;
	/** false when the DAG's file is gone (v1 is_active=false, v2 is_stale=true) */
	isActive: boolean;
	/** a human summary of the schedule: cron text, "1 day, 0:00:00", "@daily", or null */
	schedule: string | null;
	/** the next run's logical date (data interval start on a cron schedule): not when it runs */
	nextRunLogicalDate: string | null;
	/** when the scheduler will create the next run: what "next run" means to a user */
	nextRunAfter: string | null;
	owners: string[];
	tags: string[];
	hasImportErrors: boolean;
	fileloc: string | null;
	lastParsedTime: string | null;
};

export type DagParam = {
	value: unknown;
	description: string | null;
	schema: Record<string, unknown>;
};

export type DagDetails = Dag & {
	/** the DAG's params with their defaults, for a trigger form; {} when it has none */
	params: Record<string, DagParam>;
};

export type DagListQuery = {
	limit?: number;
	offset?: number;
	/** case-insensitive substring of the dag_id */
	pattern?: string;
	/** true: only paused; false: only unpaused; undefined: both */
	paused?: boolean;
	/** hide DAGs whose file is gone (default true, as Airflow's own UI) */
	onlyActive?: boolean;
	tags?: string[];
	/**
	 * dag_id ascending unless given; a leading '-' sorts descending. 2.x sorts by dag_id only;
	 * 3.x also by next_dagrun, last_run_state, last_run_start_date, ... (the client refuses
	 * what 2.x cannot do rather than send it to be ignored)
	 */
	orderBy?: string[];
	/** 3.x only: DAGs whose latest run is in this state (last_dag_run_state) */
	lastRunState?: RunState;
	/** 3.x only: DAGs whose latest run is in one of these states (dag_run_state; never-run DAGs drop out) */
	latestRunStates?: RunState[];
	/** 3.x only: DAGs whose latest run started at or after this ISO time (dag_run_start_date_gte) */
	latestRunStartedAfter?: string;
};

export type RunState = 'queued' | 'running' | 'success' | 'failed';

export type DagRun = {
	dagId: string;
	runId: string;
	state: string;
	runType: string;
	logicalDate: string | null;
	/** when the run may start: v2's run_after, v1's execution_date */
	runAfter: string | null;
	startDate: string | null;
	endDate: string | null;
	queuedAt: string | null;
	conf: Record<string, unknown>;
	note: string | null;
};

export type RunListQuery = {
	/** one DAG, or every DAG when omitted */
	dagId?: string;
	states?: string[];
	limit?: number;
	offset?: number;
	/**
	 * ISO time: only runs whose row changed at or after it (Airflow's updated_at, the same
	 * parameter on both lines). Unlike a start or logical date it also catches a run that
	 * started long ago and failed just now, and a queued run that has not started.
	 */
	updatedAfter?: string;
	/**
	 * Substring of the run id / the DAG id, case-insensitive, with the API's wildcards (`%`
	 * any text, `_` one character, `|` or). The server matches them on 3.2+; elsewhere the
	 * client matches them among the newest runs it reads (see RunPage.matchedAmong).
	 */
	runIdPattern?: string;
	dagIdPattern?: string;
};

/** A page of runs; `matchedAmong`: the patterns were matched by windsock among that many newest runs (the server could not). */
export type RunPage = Page<DagRun> & {matchedAmong?: number};

export type TriggerRequest = {
	conf?: Record<string, unknown>;
	/** ISO date; null or omitted: "now", which never conflicts with an existing run */
	logicalDate?: string | null;
	runId?: string;
	note?: string;
};

export type TaskInstance = {
	dagId: string;
	runId: string;
	taskId: string;
	mapIndex: number;
	state: string | null;
	tryNumber: number;
	/** when the task (its latest try) was queued; null before that (both lines: queued_when) */
	queuedWhen: string | null;
	startDate: string | null;
	endDate: string | null;
	/** seconds */
	duration: number | null;
	operator: string | null;
	hostname: string | null;
};

/** What a clear or set-state would touch (dry run) or touched. */
export type TaskInstanceRef = {
	dagId: string;
	runId: string;
	taskId: string;
	mapIndex: number;
	state: string | null;
};

export type LogChunk = {
	/** plain text, one log line per line, as the server holds it (not yet sanitised) */
	text: string;
	/** pass back to get what follows; null when the server says the log is complete */
	continuationToken: string | null;
	/**
	 * The server's log no longer begins with what was read, so `text` is the whole log, not
	 * what follows: 2.x answers a task that has not run yet with a few "log not found" lines
	 * and later with the real log in their place.
	 */
	restarted?: boolean;
};

export type LogQuery = {
	dagId: string;
	runId: string;
	taskId: string;
	tryNumber: number;
	mapIndex?: number;
	continuationToken?: string | null;
};

export type ClearTasksRequest = {
	runId?: string;
	taskIds?: string[];
	/** default true: nothing changes unless the caller says so */
	dryRun?: boolean;
	/** default false: clear whatever state the tasks are in */
	onlyFailed?: boolean;
	includeDownstream?: boolean;
	includeUpstream?: boolean;
};

export type Variable = {
	key: string;
	value: string;
	description: string | null;
};

export type Connection = {
	connectionId: string;
	connType: string;
	description: string | null;
	host: string | null;
	login: string | null;
	schema: string | null;
	port: number | null;
	/** the password as the server returns it: never on 2.x, masked on 3.x */
	password: string | null;
	/** JSON text, as Airflow keeps it */
	extra: string | null;
};

/** What a create or update sends; a password is only sent when given. */
export type ConnectionInput = Omit<Connection, 'password'> & {password?: string | null};

/** An installed provider package: what the workers can import (the Providers pane). */
export type Provider = {
	packageName: string;
	version: string;
	description: string;
};

export type Pool = {
	name: string;
	slots: number;
	occupied: number;
	running: number;
	queued: number;
	open: number;
	description: string | null;
};

export type ImportError = {
	id: number;
	filename: string;
	timestamp: string | null;
	stackTrace: string;
};

export type ConfigOption = {key: string; value: string};
export type ConfigSection = {name: string; options: ConfigOption[]};

// ---- triage (additive) ----

/** Task instances across every DAG and run (`dags/~/dagRuns/~/taskInstances`), both lines. */
export type TaskInstanceListQuery = {
	states?: string[];
	/** ISO time: only task instances whose row changed at or after it */
	updatedAfter?: string;
	limit?: number;
};
