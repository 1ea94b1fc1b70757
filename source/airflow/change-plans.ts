// Every change windsock can make, as a plan: the paths both API generations share are spelled
// here once, below the generation's prefix; what differs (bodies, the task-state dry run, the
// update_mask form) comes from the WireFormat of v1.ts or v2.ts. Pure: building a plan sends
// nothing, so a dialog can build one, show it, and hand that same plan to client.send().
import type {ClearTasksRequest, ConnectionInput, RunState, TriggerRequest, Variable} from './model.js';
import type {RequestPlan} from './request-plan.js';
import {connectionBody, variableBody, type WireFormat} from './wire.js';
import {isSensitiveKey} from '../text/sensitive.js';

const seg = encodeURIComponent;

export type MarkableRunState = Extract<RunState, 'success' | 'failed' | 'queued'>;
export type MarkableTaskState = 'success' | 'failed';

/** A bulk pause's page: the largest Airflow serves by default ([api] maximum_page_limit). */
const BULK_PAGE = 100;

export type ChangePlans = {
	pause(dagId: string, paused: boolean): RequestPlan;
	/** every DAG whose id contains `pattern`, the page from `offset` on: 2.x changes only the page asked for */
	pauseByPattern(pattern: string, paused: boolean, offset?: number): RequestPlan;
	trigger(dagId: string, request: TriggerRequest): RequestPlan;
	setRunState(dagId: string, runId: string, state: MarkableRunState): RequestPlan;
	/** a dry run (the default) reads: it is allowed in read-only mode */
	clearTasks(dagId: string, request: ClearTasksRequest): RequestPlan;
	/** a run's task instances, all or only the failed ones: clearTaskInstances with dag_run_id */
	clearRun(dagId: string, runId: string, options?: {dryRun?: boolean; onlyFailed?: boolean}): RequestPlan;
	setTaskState(dagId: string, runId: string, taskId: string, state: MarkableTaskState, options?: {dryRun?: boolean}): RequestPlan;
	createVariable(variable: Variable): RequestPlan;
	updateVariable(variable: Variable): RequestPlan;
	deleteVariable(key: string): RequestPlan;
	createConnection(connection: ConnectionInput): RequestPlan;
	/** the fields given, by update_mask; the stored password stays unless one is given */
	updateConnection(connection: ConnectionInput): RequestPlan;
	deleteConnection(connectionId: string): RequestPlan;
};

export function changePlans(wire: WireFormat): ChangePlans {
	const at = (path: string) => wire.prefix + path;
	const change = (plan: Omit<RequestPlan, 'readsOnly' | 'path'> & {path: string; readsOnly?: boolean}): RequestPlan => ({readsOnly: false, ...plan, path: at(plan.path)});
	const dagPath = (dagId: string) => `dags/${seg(dagId)}`;
	const runPath = (dagId: string, runId: string) => `${dagPath(dagId)}/dagRuns/${seg(runId)}`;
	// a Variable whose key looks secret (Airflow's own rule) never shows its value in a preview
	const variableSecret = (key: string) => (isSensitiveKey(key) ? {secret: ['value']} : {});

	const plans: ChangePlans = {
		pause: (dagId, paused) => change({method: 'PATCH', path: dagPath(dagId), query: {update_mask: wire.updateMask(['is_paused'])}, body: {is_paused: paused}, operation: 'pause'}),
		pauseByPattern: (pattern, paused, offset = 0) =>
			change({
				method: 'PATCH',
				path: 'dags',
				query: {dag_id_pattern: pattern, update_mask: wire.updateMask(['is_paused']), limit: BULK_PAGE, offset},
				body: {is_paused: paused},
				operation: 'pause',
			}),
		trigger: (dagId, request) => change({method: 'POST', path: `${dagPath(dagId)}/dagRuns`, body: wire.triggerBody(request), operation: 'trigger'}),
		setRunState: (dagId, runId, state) => change({method: 'PATCH', path: runPath(dagId, runId), body: {state}, operation: 'run-state'}),
		clearTasks: (dagId, request) => {
			const dryRun = request.dryRun ?? true;
			return change({method: 'POST', path: `${dagPath(dagId)}/clearTaskInstances`, body: wire.clearTasksBody({...request, dryRun}), operation: 'clear', readsOnly: dryRun});
		},
		clearRun: (dagId, runId, options = {}) => plans.clearTasks(dagId, {runId, dryRun: options.dryRun ?? true, onlyFailed: options.onlyFailed ?? false}),
		setTaskState: (dagId, runId, taskId, state, options = {}) => {
			const dryRun = options.dryRun ?? true;
			const {suffix, body} = wire.setTaskState(state, dryRun);
			return change({method: 'PATCH', path: `${runPath(dagId, runId)}/taskInstances/${seg(taskId)}${suffix}`, body, operation: 'task-state', readsOnly: dryRun});
		},
		createVariable: variable => change({method: 'POST', path: 'variables', body: variableBody(variable), operation: 'variables', ...variableSecret(variable.key)}),
		updateVariable: variable => change({method: 'PATCH', path: `variables/${seg(variable.key)}`, body: variableBody(variable), operation: 'variables', ...variableSecret(variable.key)}),
		deleteVariable: key => change({method: 'DELETE', path: `variables/${seg(key)}`, operation: 'variables'}),
		createConnection: connection => change({method: 'POST', path: 'connections', body: connectionBody(connection), operation: 'connections', secret: ['password']}),
		updateConnection: connection => {
			const body = connectionBody(connection);
			const mask = Object.keys(body).filter(key => key !== 'connection_id');
			return change({method: 'PATCH', path: `connections/${seg(connection.connectionId)}`, query: {update_mask: wire.updateMask(mask)}, body, operation: 'connections', secret: ['password']});
		},
		deleteConnection: connectionId => change({method: 'DELETE', path: `connections/${seg(connectionId)}`, operation: 'connections'}),
	};
	return plans;
}
