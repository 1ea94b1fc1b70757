// The fake Airflow 3.x the fault matrix puts behind its proxy when no real server is asked
// for: every read a matrix column makes (health, DAGs, runs, task instances, a log,
// Variables), with data the test recognises on screen and in output.
import {airflow} from './console-harness.js';
import type {Handler} from './fake-server.js';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
// within the last hour: Triage lists a failed run only inside its window (24h by default), and
// fixed dates of 2026-11-25 made this run "before the window" from the next day on (stop 13's CI)
const RUN = {dag_id: 'etl_0001', dag_run_id: 'r0', state: 'failed', run_type: 'manual', logical_date: ago(30), start_date: ago(30), end_date: ago(25)};
const TASK = {task_id: 'extract', dag_id: 'etl_0001', dag_run_id: 'r0', state: 'failed', try_number: 1, map_index: -1, operator: 'PythonOperator'};

export function faultUpstream(): Handler {
	return airflow(5, request => {
		const url = new URL(request.url, 'http://x');
		const path = url.pathname;
		// heartbeats of now, not of when the module loaded: a long matrix must not age them
		const beat = new Date().toISOString();
		if (path === '/api/v2/monitor/health')
			return {body: {metadatabase: {status: 'healthy'}, scheduler: {status: 'healthy', latest_scheduler_heartbeat: beat}, triggerer: {status: 'healthy', latest_triggerer_heartbeat: beat}}};
		if (path === '/api/v2/dags/etl_0001/dagRuns' || path === '/api/v2/dags/~/dagRuns') return {body: {dag_runs: [RUN], total_entries: 1}};
		if (path === '/api/v2/dags/etl_0001/dagRuns/r0') return {body: RUN};
		if (/^\/api\/v2\/dags\/[^/]+\/dagRuns\/[^/]+\/taskInstances$/.test(path)) return {body: {task_instances: [TASK], total_entries: 1}};
		if (path === '/api/v2/dags/etl_0001/dagRuns/r0/taskInstances/extract') return {body: TASK};
		if (/\/taskInstances\/extract\/logs\/\d+$/.test(path)) return {body: {content: [{event: 'ERROR extract failed: matrix-log-line'}], continuation_token: null}};
		// the write column: one Variable to change
		if (path === '/api/v2/variables/matrix_region') return {body: {key: 'matrix_region', value: request.method === 'PATCH' ? 'changed' : 'eu-west-1', description: null}};
		if (path === '/api/v2/variables') return {body: {variables: [{key: 'matrix_region', value: 'eu-west-1', description: null}], total_entries: 1}};
		if (path === '/api/v2/importErrors') return {body: {import_errors: [], total_entries: 0}};
		if (path === '/api/v2/config') return {status: 403, body: {detail: 'hidden'}};
		if (path === '/api/v2/dags/~/dagRuns/~/taskInstances') return {body: {task_instances: [TASK], total_entries: 1}};
		return {};
	});
}
