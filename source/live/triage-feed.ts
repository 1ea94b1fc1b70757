// The Triage pane's requests, gentle on the server: the facts are split into three groups of
// at most two requests each, and each tick fetches one group, in turn. A first look (or a
// new window, or `r`) fetches the three groups one after another, so the screen is whole at
// once; after that a fact is at most three ticks old. Never one request per DAG. Health is
// not fetched here: the frame polls it for the header already.
import type {AirflowClient} from '../airflow/client.js';
import {describeError} from '../airflow/errors.js';
import type {DagRun, ImportError, TaskInstance} from '../airflow/model.js';
import {latestFailedFromRuns} from './triage.js';

export type TriageGroup = 'failures' | 'standing' | 'activity';

export const GROUPS: readonly TriageGroup[] = ['failures', 'standing', 'activity'];

/** The facts as last fetched; a missing part has not arrived yet. */
export type TriageFacts = {
	windowLabel?: string;
	failedRuns?: DagRun[];
	failedTasks?: TaskInstance[];
	importErrors?: ImportError[];
	latestFailed?: Map<string, DagRun | undefined>;
	activeRuns?: DagRun[];
	recentRuns?: Map<string, DagRun[]>;
	/** the latest failure per group, cleared by its next success */
	errors: Partial<Record<TriageGroup, string>>;
};

/** A page of each list: triage shows what needs attention, not an archive. */
const LIMIT = 100;

/** Fetches one group's facts (at most two requests) into a copy of `facts`. */
export async function fetchGroup(client: AirflowClient, group: TriageGroup, facts: TriageFacts, windowStartIso: string, signal?: AbortSignal): Promise<TriageFacts> {
	const next: TriageFacts = {...facts, errors: {...facts.errors}};
	try {
		if (group === 'failures') {
			const [runs, tasks] = await Promise.all([
				client.listRuns({states: ['failed'], updatedAfter: windowStartIso, limit: LIMIT}, signal),
				client.listTaskInstancesAcrossRuns({states: ['failed'], updatedAfter: windowStartIso, limit: LIMIT}, signal),
			]);
			next.failedRuns = runs.items;
			next.failedTasks = tasks.items;
		} else if (group === 'standing') {
			const [errors, latest] = await Promise.all([client.listImportErrors(signal), latestFailedDags(client, windowStartIso, signal)]);
			next.importErrors = errors;
			next.latestFailed = latest;
		} else {
			const active = await client.listRuns({states: ['running', 'queued'], limit: LIMIT}, signal);
			next.activeRuns = active.items;
			// medians only for the DAGs running now, in one batch request
			const running = [...new Set(active.items.filter(run => run.state === 'running').map(run => run.dagId))];
			next.recentRuns = running.length ? await client.recentRunsOf(running, LIMIT, signal) : new Map();
		}
		delete next.errors[group];
	} catch (error) {
		if (signal?.aborted) throw error;
		next.errors[group] = describeError(error);
	}
	return next;
}

/**
 * 3.x: the DAG list's own filter on the latest run's state. 2.x has none: one list of the
 * runs of every DAG changed in the window, newest first; a DAG's first run there is its latest.
 */
export async function latestFailedDags(client: AirflowClient, windowStartIso: string, signal?: AbortSignal): Promise<Map<string, DagRun | undefined>> {
	const dags = await client.listDagsByLatestRunState('failed', LIMIT, signal);
	if (dags) return new Map(dags.items.map(dag => [dag.dagId, undefined]));
	const runs = await client.listRuns({updatedAfter: windowStartIso, limit: LIMIT}, signal);
	return latestFailedFromRuns(runs.items);
}
