// What differs between the two API generations, as one interface: v1.ts (Airflow 2.x,
// /api/v1) and v2.ts (Airflow 3.x, /api/v2) each implement it; client.ts speaks only to it
// and change-plans.ts builds every change from it. Mappers that read the same fields on both
// lines live here once.
import type {
	ApiGeneration,
	ClearTasksRequest,
	ComponentHealth,
	Connection,
	ConnectionInput,
	Dag,
	DagDetails,
	DagListQuery,
	DagRun,
	Health,
	ImportError,
	LogChunk,
	LogQuery,
	Pool,
	Provider,
	RunListQuery,
	TaskInstance,
	TaskInstanceRef,
	TriggerRequest,
	Variable,
} from './model.js';
import {asObject, bool, field, id, num, obj, str, strings, tagNames, type Json} from './fields.js';
import type {SearchValue} from './request-plan.js';

export type LogRequest = {accept: string; text: boolean; searchParams: Record<string, SearchValue>};

export interface WireFormat {
	readonly generation: ApiGeneration;
	/** 'api/v1/' or 'api/v2/', below the base URL */
	readonly prefix: string;
	readonly healthPath: string;
	health(body: unknown): Health;

	/** throws UnsupportedQuery for what this generation cannot ask (2.x: order other than dag_id, latest-run filters) */
	dagListParams(query: DagListQuery): Record<string, SearchValue>;
	dag(raw: Json): Dag;
	dagDetails(raw: Json): DagDetails;

	/** the server's run list parameters; run id / DAG id patterns only where `matchesRunPatterns` */
	runListParams(query: RunListQuery): Record<string, SearchValue>;
	/** whether this server filters runs by run id / DAG id pattern (3.2+; 2.x never) */
	matchesRunPatterns(version: string): boolean;
	/** newest first: v1 by execution_date, v2 by run_after (logical_date may be null) */
	readonly runOrder: string;
	run(raw: Json): DagRun;
	triggerBody(request: TriggerRequest): Json;

	taskInstance(raw: Json): TaskInstance;
	taskRef(raw: Json): TaskInstanceRef;
	clearTasksBody(request: ClearTasksRequest): Json;
	/** the path below the task instance and the body of a set-state (or its dry run) */
	setTaskState(state: string, dryRun: boolean): {suffix: string; body: Json};

	logRequest(query: LogQuery): LogRequest;
	log(body: unknown, query: LogQuery): LogChunk;

	connection(raw: Json): Connection;
	/** update_mask as the query wants it: comma-separated (v1) or repeated (v2) */
	updateMask(fields: string[]): SearchValue;
}

/** A query this API generation cannot express: refused before sending, never silently dropped. */
export class UnsupportedQuery extends Error {}

/** Is `version` (e.g. "3.3.2", "3.2.0rc1") at least major.minor? */
export function versionAtLeast(version: string, major: number, minor: number): boolean {
	const [a = 0, b = 0] = version.split('.').map(part => Number.parseInt(part, 10));
	return a > major || (a === major && b >= minor);
}

// ---- shared mappers: the same fields on both lines ----

export function component(raw: unknown, heartbeatKey: string | null): ComponentHealth {
	if (raw === undefined) return {status: 'absent', latestHeartbeat: null};
	const record = raw && typeof raw === 'object' ? (raw as Json) : {};
	const status = str(record, 'status');
	return {
		status: status === 'healthy' ? 'healthy' : status === 'unhealthy' ? 'unhealthy' : 'unknown',
		latestHeartbeat: heartbeatKey ? str(record, heartbeatKey) : null,
	};
}

export function healthFrom(body: unknown): Health {
	const record = asObject(body, 'the health answer');
	return {
		metadatabase: component(field(record, 'metadatabase'), null),
		scheduler: component(field(record, 'scheduler'), 'latest_scheduler_heartbeat'),
		triggerer: component(field(record, 'triggerer'), 'latest_triggerer_heartbeat'),
		dagProcessor: component(field(record, 'dag_processor'), 'latest_dag_processor_heartbeat'),
	};
}

export function variableFrom(raw: Json): Variable {
	return {key: id(raw, 'key'), value: str(raw, 'value') ?? '', description: str(raw, 'description')};
}

export function variableBody(variable: Variable): Json {
	// 2.x rejects "description": null on update ("Field may not be null"): leave it out
	return {key: variable.key, value: variable.value, ...(variable.description === null ? {} : {description: variable.description})};
}

/** 2.x never returns a connection's password; 3.x returns it masked. */
export function connectionFrom(raw: Json, hasPassword: boolean): Connection {
	return {
		connectionId: id(raw, 'connection_id'),
		connType: str(raw, 'conn_type') ?? '',
		description: str(raw, 'description'),
		host: str(raw, 'host'),
		login: str(raw, 'login'),
		schema: str(raw, 'schema'),
		port: num(raw, 'port'),
		password: hasPassword ? str(raw, 'password') : null,
		extra: str(raw, 'extra'),
	};
}

export function connectionBody(connection: ConnectionInput): Json {
	const body: Json = {
		connection_id: connection.connectionId,
		conn_type: connection.connType,
		description: connection.description,
		host: connection.host,
		login: connection.login,
		schema: connection.schema,
		port: connection.port,
		extra: connection.extra,
	};
	// Leave the stored password alone unless the user typed a new one.
	if (connection.password !== undefined) body['password'] = connection.password;
	return body;
}

export function poolFrom(raw: Json): Pool {
	return {
		name: id(raw, 'name'),
		slots: num(raw, 'slots') ?? 0,
		occupied: num(raw, 'occupied_slots') ?? 0,
		running: num(raw, 'running_slots') ?? 0,
		queued: num(raw, 'queued_slots') ?? 0,
		open: num(raw, 'open_slots') ?? 0,
		description: str(raw, 'description'),
	};
}

export function providerFrom(raw: Json): Provider {
	return {packageName: id(raw, 'package_name'), version: str(raw, 'version') ?? '?', description: str(raw, 'description') ?? ''};
}

export function importErrorFrom(raw: Json): ImportError {
	return {
		id: num(raw, 'import_error_id') ?? 0,
		filename: str(raw, 'filename') ?? '',
		timestamp: str(raw, 'timestamp'),
		stackTrace: str(raw, 'stack_trace') ?? '',
	};
}

export function taskInstanceFrom(raw: Json): TaskInstance {
	return {
		dagId: id(raw, 'dag_id'),
		runId: id(raw, 'dag_run_id'),
		taskId: id(raw, 'task_id'),
		mapIndex: num(raw, 'map_index') ?? -1,
		state: str(raw, 'state'),
		tryNumber: num(raw, 'try_number') ?? 0,
		queuedWhen: str(raw, 'queued_when'),
		startDate: str(raw, 'start_date'),
		endDate: str(raw, 'end_date'),
		duration: num(raw, 'duration'),
		operator: str(raw, 'operator'),
		hostname: str(raw, 'hostname'),
	};
}

export function taskRefFrom(raw: Json): TaskInstanceRef {
	return {
		dagId: id(raw, 'dag_id'),
		runId: id(raw, 'dag_run_id'),
		taskId: id(raw, 'task_id'),
		mapIndex: num(raw, 'map_index') ?? -1,
		state: str(raw, 'state'),
	};
}

/** DAG fields both lines share; each adapter adds liveness, schedule and next run. */
export function dagCommon(raw: Json): Omit<Dag, 'isActive' | 'schedule' | 'nextRunLogicalDate' | 'nextRunAfter'> {
	return {
		dagId: id(raw, 'dag_id'),
		displayName: str(raw, 'dag_display_name') ?? id(raw, 'dag_id'),
		description: str(raw, 'description'),
		isPaused: bool(raw, 'is_paused') ?? false,
		owners: strings(raw, 'owners'),
		tags: tagNames(raw),
		hasImportErrors: bool(raw, 'has_import_errors') ?? false,
		fileloc: str(raw, 'fileloc'),
		lastParsedTime: str(raw, 'last_parsed_time'),
	};
}

/** Run fields both lines share; each adapter adds its own dates. */
export function runCommon(raw: Json): Omit<DagRun, 'runAfter' | 'queuedAt'> {
	return {
		dagId: id(raw, 'dag_id'),
		runId: id(raw, 'dag_run_id'),
		state: str(raw, 'state') ?? 'unknown',
		runType: str(raw, 'run_type') ?? '',
		logicalDate: str(raw, 'logical_date'),
		startDate: str(raw, 'start_date'),
		endDate: str(raw, 'end_date'),
		conf: obj(raw, 'conf'),
		note: str(raw, 'note'),
	};
}

export function clearTasksCommon(request: ClearTasksRequest): Json {
	const body: Json = {
		// Airflow defaults both to true: say what we mean every time.
		dry_run: request.dryRun ?? true,
		only_failed: request.onlyFailed ?? false,
		reset_dag_runs: true,
		include_downstream: request.includeDownstream ?? false,
		include_upstream: request.includeUpstream ?? false,
	};
	if (request.runId) body['dag_run_id'] = request.runId;
	if (request.taskIds?.length) body['task_ids'] = request.taskIds;
	return body;
}
