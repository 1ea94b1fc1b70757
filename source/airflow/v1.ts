// Airflow 2.x, /api/v1: the wire format mapped to and from the domain model.
import type {DagListQuery, LogQuery, RunListQuery, TriggerRequest, ClearTasksRequest} from './model.js';
import {bool, field, obj, params, str, type Json} from './fields.js';
import type {SearchValue} from './request-plan.js';
import {clearTasksCommon, UnsupportedQuery, dagCommon, connectionFrom, healthFrom, runCommon, taskInstanceFrom, taskRefFrom, type WireFormat} from './wire.js';

/** HH:MM:SS of a number of seconds within a day, as Python prints a timedelta. */
function clock(seconds: number): string {
	const within = ((Math.floor(seconds) % 86400) + 86400) % 86400;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(Math.floor(within / 3600))}:${two(Math.floor(within / 60) % 60)}:${two(within % 60)}`;
}

/** A TimeDelta part: a number (or numeric text), 0 when absent, NaN when it is anything else. */
function amount(schedule: Json, key: string): number {
	const value = field(schedule, key);
	if (value === undefined || value === null) return 0;
	if (typeof value === 'number') return value;
	return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/**
 * schedule_interval: {__type: CronExpression|TimeDelta|RelativeDelta, ...} or null. A field
 * that makes no sense reads "?" in its cell: one odd DAG must never fail the whole list
 * (non-numeric seconds once did, with "Invalid time value").
 */
function scheduleText(raw: Json): string | null {
	if (!field(raw, 'schedule_interval')) return null; // no schedule: triggered only
	const schedule = obj(raw, 'schedule_interval');
	const kind = str(schedule, '__type');
	if (kind === 'CronExpression') return str(schedule, 'value') ?? '?';
	if (kind === 'TimeDelta') {
		const days = amount(schedule, 'days');
		const seconds = amount(schedule, 'seconds');
		if (!Number.isFinite(days) || !Number.isFinite(seconds)) return '?';
		const hms = clock(seconds);
		return days ? `${days} day${days === 1 ? '' : 's'}, ${hms}` : hms;
	}
	// RelativeDelta or a custom timetable: the server's own words
	return str(raw, 'timetable_description');
}

function v1DagParams(query: DagListQuery, order: string): Record<string, SearchValue> {
	return {
		limit: query.limit,
		offset: query.offset,
		order_by: order,
		tags: query.tags,
		only_active: query.onlyActive ?? true,
		paused: query.paused,
		dag_id_pattern: query.pattern || undefined,
	};
}

/**
 * 2.x's log is read whole every time (text/plain); windsock's token says how much was seen
 * and the last characters of it, to tell a log that grew from one that was replaced.
 */
const OFFSET_TOKEN = /^offset:(\d+)(?::([\s\S]*))?$/;
const TAIL = 32;

export const v1: WireFormat = {
	generation: 'v1',
	prefix: 'api/v1/',
	healthPath: 'api/v1/health',
	health: healthFrom,

	dagListParams: (query: DagListQuery) => {
		// 2.x's /dags sorts by dag_id only and knows nothing of the latest run
		const order = query.orderBy ?? ['dag_id'];
		if (order.length !== 1 || !['dag_id', '-dag_id'].includes(order[0]!)) throw new UnsupportedQuery(`Airflow 2.x sorts DAGs by dag_id only, not ${order.join(', ')}`);
		if (query.lastRunState || query.latestRunStates || query.latestRunStartedAfter) throw new UnsupportedQuery("Airflow 2.x cannot filter DAGs on their latest run's state or start");
		return v1DagParams(query, order[0]!);
	},
	dag: (raw: Json) => ({
		...dagCommon(raw),
		isActive: bool(raw, 'is_active') ?? true,
		schedule: scheduleText(raw),
		nextRunLogicalDate: str(raw, 'next_dagrun'),
		nextRunAfter: str(raw, 'next_dagrun_create_after'),
	}),
	dagDetails: (raw: Json) => ({...v1.dag(raw), params: params(raw)}),

	runOrder: '-execution_date',
	runListParams: (query: RunListQuery) => ({
		limit: query.limit,
		offset: query.offset,
		order_by: v1.runOrder,
		state: query.states,
		updated_at_gte: query.updatedAfter,
	}),
	// GET /dagRuns has no run id or DAG id filter on 2.x (the batch list takes exact DAG ids only)
	matchesRunPatterns: () => false,
	run: (raw: Json) => ({...runCommon(raw), runAfter: str(raw, 'execution_date'), queuedAt: null}),
	triggerBody: (request: TriggerRequest) => {
		const body: Json = {conf: request.conf ?? {}};
		if (request.logicalDate) body['logical_date'] = request.logicalDate;
		if (request.runId) body['dag_run_id'] = request.runId;
		if (request.note) body['note'] = request.note;
		return body;
	},

	taskInstance: taskInstanceFrom,
	taskRef: taskRefFrom,
	clearTasksBody: (request: ClearTasksRequest) => clearTasksCommon(request),
	setTaskState: (state: string, dryRun: boolean) => ({suffix: '', body: {new_state: state, dry_run: dryRun}}),

	// The JSON form holds a Python repr of (host, text) tuples; the text/plain form is the
	// log itself. Following is done by offset into that text: our own token, "offset:N".
	logRequest: (query: LogQuery) => ({
		accept: 'text/plain',
		text: true,
		searchParams: {map_index: query.mapIndex !== undefined && query.mapIndex >= 0 ? query.mapIndex : undefined},
	}),
	log: (body: unknown, query: LogQuery) => {
		const text = typeof body === 'string' ? body : '';
		const token = `offset:${text.length}:${text.slice(Math.max(0, text.length - TAIL))}`;
		const match = OFFSET_TOKEN.exec(query.continuationToken ?? '');
		if (!match) return {text, continuationToken: token};
		const seen = Number(match[1]);
		const tail = match[2] ?? '';
		// the same beginning: what follows it is new; otherwise the log was replaced, whole
		if (seen <= text.length && text.slice(seen - tail.length, seen) === tail) return {text: text.slice(seen), continuationToken: token};
		return {text, continuationToken: token, restarted: true};
	},

	connection: (raw: Json) => connectionFrom(raw, false),
	updateMask: (fields: string[]) => fields.join(','),
};
