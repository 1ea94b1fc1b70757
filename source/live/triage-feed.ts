// The Triage pane's requests, gentle on the server: the facts are split into three groups of
// at most two requests each, and each tick fetches one group, in turn. A first look (or a
// new window, or `r`) fetches the three groups at once, so the screen is whole after the
// slowest group (two round trips), not after the three in turn (four); after that a fact is
// at most three ticks old. Never one request per DAG. Health is
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

/** One group's facts, or why they could not be fetched. */
type GroupPart = {group: TriageGroup; facts: Partial<TriageFacts>; error?: string};

async function fetchPart(client: AirflowClient, group: TriageGroup, windowStartIso: string, signal?: AbortSignal): Promise<GroupPart> {
	try {
		if (group === 'failures') {
			const [runs, tasks] = await Promise.all([
				client.listRuns({states: ['failed'], updatedAfter: windowStartIso, limit: LIMIT}, signal),
				client.listTaskInstancesAcrossRuns({states: ['failed'], updatedAfter: windowStartIso, limit: LIMIT}, signal),
			]);
			return {group, facts: {failedRuns: runs.items, failedTasks: tasks.items}};
		}
		if (group === 'standing') {
			const [errors, latest] = await Promise.all([client.listImportErrors(signal), latestFailedDags(client, windowStartIso, signal)]);
			return {group, facts: {importErrors: errors, latestFailed: latest}};
		}
		const active = await client.listRuns({states: ['running', 'queued'], limit: LIMIT}, signal);
		// medians only for the DAGs running now, in one batch request
		const running = [...new Set(active.items.filter(run => run.state === 'running').map(run => run.dagId))];
		return {group, facts: {activeRuns: active.items, recentRuns: running.length ? await client.recentRunsOf(running, LIMIT, signal) : new Map()}};
	} catch (error) {
		if (signal?.aborted) throw error;
		return {group, facts: {}, error: describeError(error)};
	}
}

/** `facts` with these groups' parts in: a group that failed keeps its facts as last fetched, with the error. */
function withParts(facts: TriageFacts, parts: GroupPart[]): TriageFacts {
	const next: TriageFacts = {...facts, errors: {...facts.errors}};
	for (const part of parts) {
		Object.assign(next, part.facts);
		if (part.error === undefined) delete next.errors[part.group];
		else next.errors[part.group] = part.error;
	}
	return next;
}

/** Fetches one group's facts (at most two requests) into a copy of `facts`. */
export async function fetchGroup(client: AirflowClient, group: TriageGroup, facts: TriageFacts, windowStartIso: string, signal?: AbortSignal): Promise<TriageFacts> {
	return withParts(facts, [await fetchPart(client, group, windowStartIso, signal)]);
}

/** Fetches every group at once into a copy of `facts`: a first look, a new window, `r`. */
export async function fetchAllGroups(client: AirflowClient, facts: TriageFacts, windowStartIso: string, signal?: AbortSignal): Promise<TriageFacts> {
	return withParts(facts, await Promise.all(GROUPS.map(group => fetchPart(client, group, windowStartIso, signal))));
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
