// Airflow 3.x, /api/v2: the wire format mapped to and from the domain model.
import type {DagListQuery, LogQuery, RunListQuery, TriggerRequest, ClearTasksRequest} from './model.js';
import {bool, field, list, params, str, type Json} from './fields.js';
import {clearTasksCommon, versionAtLeast, dagCommon, connectionFrom, healthFrom, runCommon, taskInstanceFrom, taskRefFrom, type WireFormat} from './wire.js';

/** One structured log event as a line: "2026-11-25T09:44:22Z INFO - text", plus any error. */
function logLine(entry: unknown): string {
	if (typeof entry === 'string') return entry;
	if (!entry || typeof entry !== 'object') return '';
	const record = entry as Json;
	const event = str(record, 'event') ?? '';
	const timestamp = str(record, 'timestamp');
	const level = str(record, 'level');
	let line = timestamp ? `${timestamp} ${(level ?? '').toUpperCase()} - ${event}` : event;
	for (const error of list(record, 'error_detail')) {
		if (error && typeof error === 'object') {
			const detail = error as Json;
			line += `\n${str(detail, 'exc_type') ?? 'Error'}: ${str(detail, 'exc_value') ?? ''}`;
		}
	}
	return line;
}

export const v2: WireFormat = {
	generation: 'v2',
	prefix: 'api/v2/',
	healthPath: 'api/v2/monitor/health',
	health: healthFrom,

	dagListParams: (query: DagListQuery) => ({
		limit: query.limit,
		offset: query.offset,
		order_by: query.orderBy ?? ['dag_id'],
		tags: query.tags,
		exclude_stale: query.onlyActive ?? true,
		paused: query.paused,
		dag_id_pattern: query.pattern || undefined,
		last_dag_run_state: query.lastRunState,
		dag_run_state: query.latestRunStates,
		dag_run_start_date_gte: query.latestRunStartedAfter,
	}),
	dag: (raw: Json) => ({
		...dagCommon(raw),
		isActive: !(bool(raw, 'is_stale') ?? false),
		schedule: str(raw, 'timetable_summary'),
		nextRunLogicalDate: str(raw, 'next_dagrun_logical_date'),
		nextRunAfter: str(raw, 'next_dagrun_run_after'),
	}),
	dagDetails: (raw: Json) => ({...v2.dag(raw), params: params(raw)}),

	runOrder: '-run_after',
	runListParams: (query: RunListQuery) => ({
		limit: query.limit,
		offset: query.offset,
		order_by: v2.runOrder,
		state: query.states,
		updated_at_gte: query.updatedAfter,
		run_id_pattern: query.runIdPattern || undefined,
		dag_id_pattern: query.dagIdPattern || undefined,
	}),
	// run_id_pattern and dag_id_pattern on GET /dagRuns: in the 3.2 spec and 3.3; older 3.x
	// would ignore them (FastAPI drops unknown query parameters) and answer unfiltered
	matchesRunPatterns: (version: string) => versionAtLeast(version, 3, 2),
	run: (raw: Json) => ({...runCommon(raw), runAfter: str(raw, 'run_after'), queuedAt: str(raw, 'queued_at')}),
	// logical_date must be present; null means "now" and never conflicts. Extra keys are a 422.
	triggerBody: (request: TriggerRequest) => {
		const body: Json = {logical_date: request.logicalDate ?? null, conf: request.conf ?? {}};
		if (request.runId) body['dag_run_id'] = request.runId;
		if (request.note) body['note'] = request.note;
		return body;
	},

	taskInstance: taskInstanceFrom,
	taskRef: taskRefFrom,
	clearTasksBody: (request: ClearTasksRequest) => clearTasksCommon(request),
	setTaskState: (state: string, dryRun: boolean) => ({suffix: dryRun ? '/dry_run' : '', body: {new_state: state}}),

	logRequest: (query: LogQuery) => ({
		accept: 'application/json',
		text: false,
		searchParams: {
			token: query.continuationToken ?? undefined,
			map_index: query.mapIndex !== undefined && query.mapIndex >= 0 ? query.mapIndex : undefined,
		},
	}),
	log: (body: unknown) => {
		const record = body && typeof body === 'object' ? (body as Json) : {};
		const content = field(record, 'content');
		const lines = Array.isArray(content) ? content.map(logLine) : typeof content === 'string' ? [content] : [];
		return {text: lines.length ? lines.join('\n') + '\n' : '', continuationToken: str(record, 'continuation_token')};
	},

	connection: (raw: Json) => connectionFrom(raw, true),
	updateMask: (fields: string[]) => fields,
};
