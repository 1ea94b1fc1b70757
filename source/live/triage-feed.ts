// The Triage pane's requests, gentle on the server: the facts are split into three groups of
// at most two requests each, and each tick fetches one group, in turn. A first look (or a
// new window, or `r`) sweeps the three groups at once and in two steps: every group's first
// round trip, shown as soon as it is in (the failures, after one round trip), then the
// medians of the DAGs running now, which only the long-running verdict needs, one round trip
// later. After that a fact is at most three ticks old. Never one request per DAG. Health is
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

/** One group's facts, or why they could not be fetched; `running`: the DAGs whose medians are still to be asked. */
type GroupPart = {group: TriageGroup; facts: Partial<TriageFacts>; error?: string; running?: string[]};

/**
 * What a fetch brings, as a change to whatever the facts are by the time it is in: a medians
 * answer that lands while a group's tick is out, or the other way round, is not lost to a
 * copy of the facts taken before either was sent.
 */
export type FactsUpdate = (facts: TriageFacts) => TriageFacts;

async function fetchMedians(client: AirflowClient, running: readonly string[], signal?: AbortSignal): Promise<Map<string, DagRun[]>> {
	return running.length ? client.recentRunsOf([...running], LIMIT, signal) : new Map();
}

/** The DAGs with a run in the running state, once each. */
const runningDags = (runs: readonly DagRun[]) => [...new Set(runs.filter(run => run.state === 'running').map(run => run.dagId))];

/** One group's requests; `mediansLater`: the activity group stops at its active runs and says which DAGs' medians it still needs. */
async function fetchPart(client: AirflowClient, group: TriageGroup, windowStartIso: string, signal?: AbortSignal, mediansLater = false): Promise<GroupPart> {
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
		const running = runningDags(active.items);
		if (mediansLater) return {group, facts: {activeRuns: active.items}, running};
		return {group, facts: {activeRuns: active.items, recentRuns: await fetchMedians(client, running, signal)}};
	} catch (error) {
		if (signal?.aborted) throw error;
		return {group, facts: {}, error: describeError(error)};
	}
}

/** These groups' parts, as a change to facts: a group that failed keeps its facts as last fetched, with the error. */
const withParts =
	(parts: GroupPart[]): FactsUpdate =>
	facts => {
		const next: TriageFacts = {...facts, errors: {...facts.errors}};
		for (const part of parts) {
			Object.assign(next, part.facts);
			if (part.error === undefined) delete next.errors[part.group];
			else next.errors[part.group] = part.error;
		}
		return next;
	};

/** Fetches one group's facts (at most two requests). */
export async function fetchGroup(client: AirflowClient, group: TriageGroup, windowStartIso: string, signal?: AbortSignal): Promise<FactsUpdate> {
	return withParts([await fetchPart(client, group, windowStartIso, signal)]);
}

/** A sweep under way: `first` is every group's first round trip; `medians` the second step, undefined when there was nothing to ask. */
export type Sweep = {first: Promise<FactsUpdate>; medians: Promise<FactsUpdate | undefined>};

/**
 * Sweeps every group at once (a first look, a new window, `r`), in two steps. `first`: every
 * group's facts but the medians (those the facts hold stay till the new ones come).
 * `medians`: a change that sets them, or records why they could not be fetched; undefined
 * when nothing runs (or the active runs failed, which the group says already). Neither
 * rejects unless `signal` aborts.
 */
export function sweepGroups(client: AirflowClient, windowStartIso: string, signal?: AbortSignal): Sweep {
	const parts = Promise.all(GROUPS.map(group => fetchPart(client, group, windowStartIso, signal, true)));
	const first = parts.then(withParts);
	const medians = parts.then(async (all): Promise<FactsUpdate | undefined> => {
		const running = all.find(part => part.group === 'activity')?.running;
		if (!running?.length) return undefined;
		try {
			const recentRuns = await fetchMedians(client, running, signal);
			return current => ({...current, recentRuns});
		} catch (error) {
			if (signal?.aborted) throw error;
			return current => ({...current, errors: {...current.errors, activity: describeError(error)}});
		}
	});
	// whoever sweeps may stop at the first step (the pane gone): the second must not count as unhandled
	medians.catch(() => {});
	return {first, medians};
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
