// The Airflow web UI's address for what the console shows: a DAG, a run, a task in a run.
// The two generations spell them differently, read from their own UIs:
// - 2.x (Flask views + the React grid, airflow/www): /dags/{dag_id}/grid with the selection in
//   the query: dag_run_id, task_id, map_index, and tab=logs for a task's log;
// - 3.x (the React UI's routes, verified in 3.3.2's bundle): /dags/{dag_id},
//   /dags/{dag_id}/runs/{run_id}, /dags/{dag_id}/runs/{run_id}/tasks/{task_id} (its log is the
//   page's first tab), /mapped/{map_index} for one mapped instance, try_number for an earlier try.
// Built on the profile's base URL (a path prefix included) with every id percent-encoded, so
// a run id such as "manual__2026-01-02T10:00:00+00:00" survives the trip. Pure: unit-tested.
import type {ApiGeneration} from './model.js';

export type LinkTarget =
	| {kind: 'dag'; dagId: string}
	| {kind: 'run'; dagId: string; runId: string}
	| {kind: 'task'; dagId: string; runId: string; taskId: string; mapIndex?: number; tryNumber?: number};

const seg = encodeURIComponent;

export function webLink(baseUrl: URL, generation: ApiGeneration, target: LinkTarget): string {
	const url = new URL(baseUrl.href);
	url.username = '';
	url.password = '';
	url.hash = '';
	url.search = '';
	const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
	const dag = `dags/${seg(target.dagId)}`;
	if (generation === 'v1') {
		const query = new URLSearchParams();
		if (target.kind !== 'dag') query.set('dag_run_id', target.runId);
		if (target.kind === 'task') {
			query.set('task_id', target.taskId);
			if (target.mapIndex !== undefined && target.mapIndex >= 0) query.set('map_index', String(target.mapIndex));
			query.set('tab', 'logs');
		}
		const search = query.toString();
		return `${base}${dag}/grid${search ? `?${search}` : ''}`;
	}
	if (target.kind === 'dag') return `${base}${dag}`;
	const run = `${dag}/runs/${seg(target.runId)}`;
	if (target.kind === 'run') return `${base}${run}`;
	const mapped = target.mapIndex !== undefined && target.mapIndex >= 0 ? `/mapped/${target.mapIndex}` : '';
	const tryPart = target.tryNumber !== undefined ? `?try_number=${target.tryNumber}` : '';
	return `${base}${run}/tasks/${seg(target.taskId)}${mapped}${tryPart}`;
}
