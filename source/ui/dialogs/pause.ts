// Pause and unpause from the DAG list: one DAG (p/Space) or every DAG the filter matches
// (P/U), always with the DAG ids or the count and the request that will be sent, as the
// client's plan for it (the same builder the send goes through).
import type {Dag} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import type {Actions} from '../actions.js';
import {parseDagFilter} from '../dag-filter.js';

export function confirmPause(actions: Actions, dag: Dag, onDone: () => void): void {
	const pause = !dag.isPaused;
	const verb = pause ? 'pause' : 'unpause';
	const {client} = actions;
	const plan = client.plans.pause(dag.dagId, pause);
	actions.confirm({
		title: `${pause ? 'Pause' : 'Unpause'} ${sanitizeLine(dag.dagId)}?`,
		lines: [client.describeLine(plan), pause ? 'No new runs will be scheduled; running tasks finish.' : 'The scheduler starts creating runs again (catchup as the DAG says).'],
		choices: [
			{
				key: 'y',
				label: verb,
				run: async () => {
					// setPaused sends what plans.pause built: the plan previewed above
					const after = await client.setPaused(dag.dagId, pause);
					return `${sanitizeLine(after.dagId)} is ${after.isPaused ? 'paused' : 'active'}`;
				},
			},
		],
		onDone,
	});
}

/** Every DAG the list's filter matches, all pages: with a pattern alone, one PATCH per page. */
export async function confirmPauseAll(actions: Actions, filter: string, pause: boolean, onDone: () => void): Promise<void> {
	const verb = pause ? 'pause' : 'unpause';
	const {pattern, tags} = parseDagFilter(filter);
	if (!pattern && !tags) {
		actions.notify(`filter the list first (/): ${verb} all works on the DAGs a filter matches, never on every DAG`, 'error');
		return;
	}
	actions.notify(`finding the DAGs that match "${sanitizeLine(filter)}"…`);
	const matching = await actions.client.listAllDags({pattern, tags});
	const toChange = matching.filter(dag => dag.isPaused !== pause);
	if (!toChange.length) {
		actions.notify(`all ${matching.length} DAGs matching "${sanitizeLine(filter)}" are ${pause ? 'paused' : 'active'} already`);
		return;
	}
	const byPattern = !tags;
	// the first request of the change, as it will be sent; the others differ only in page or DAG id
	const first = byPattern ? actions.client.plans.pauseByPattern(pattern!, pause) : actions.client.plans.pause(toChange[0]!.dagId, pause);
	actions.confirm({
		title: `${pause ? 'Pause' : 'Unpause'} ${toChange.length} of ${matching.length} DAGs matching "${sanitizeLine(filter)}"?`,
		lines: [
			byPattern ? `${actions.client.describeLine(first)}  (and every further page)` : `${actions.client.describeLine(first)}  (one per DAG: ${toChange.length})`,
			...toChange.map(dag => `  ${dag.dagId}`),
		],
		choices: [
			{
				key: 'y',
				label: `${verb} ${toChange.length}`,
				run: async () => {
					if (byPattern) await actions.client.setPausedByPattern(pattern!, pause);
					else for (const dag of toChange) await actions.client.setPaused(dag.dagId, pause);
					return `${verb}d ${toChange.length} DAGs matching "${sanitizeLine(filter)}"`;
				},
			},
		],
		onDone,
	});
}
