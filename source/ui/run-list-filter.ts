// The Runs list's filters: a state that cycles, a time window that cycles, and the `/` text,
// turned into one server query. Pure: unit-tested without Ink (test/unit/list-filters.test.ts).
import type {RunListQuery, RunState} from '../airflow/model.js';
import {parseSince, sinceIso} from '../commands/since.js';

export type RunStateFilter = 'all' | RunState;
/** `s` cycles these, in this order: what on-call asks first comes first */
export const RUN_STATE_FILTERS: readonly RunStateFilter[] = ['all', 'failed', 'running', 'queued', 'success'];

/** `w` cycles these: runs whose state changed within the window (updated_at, as `runs --since` and `failures --since`) */
export const RUN_WINDOWS: readonly string[] = ['all', '24h', '7d', '30d'];

/** The value after `current` in a cycle (the first after the last, or after anything unknown). */
export function nextInCycle<T>(cycle: readonly T[], current: T): T {
	return cycle[(cycle.indexOf(current) + 1) % cycle.length]!;
}

/**
 * The `/` text: plain words match the run id, `dag:WORD` the DAG id (both substrings, the
 * API's pattern rules). "dag:etl manual" -> DAG id pattern "etl", run id pattern "manual".
 */
export function parseRunFilter(text: string): {runIdPattern?: string; dagIdPattern?: string} {
	const words = text.split(/\s+/).filter(Boolean);
	const dags = words
		.filter(word => word.startsWith('dag:'))
		.map(word => word.slice(4))
		.filter(Boolean);
	const runs = words.filter(word => !word.startsWith('dag:'));
	return {
		...(runs.length ? {runIdPattern: runs.join(' ')} : {}),
		...(dags.length ? {dagIdPattern: dags.join('|')} : {}),
	};
}

export type RunListSettings = {dagId: string | undefined; state: RunStateFilter; window: string; filter: string};

/** The query for one page of the list; the window's start is computed at `now` (each fetch). */
export function runListQuery(settings: RunListSettings, page: {offset: number; limit: number}, now: number = Date.now()): RunListQuery {
	return {
		dagId: settings.dagId,
		limit: page.limit,
		offset: page.offset,
		...(settings.state === 'all' ? {} : {states: [settings.state]}),
		...(settings.window === 'all' ? {} : {updatedAfter: sinceIso(parseSince(settings.window), now)}),
		// one DAG shown: its id is the path, a dag: word has nothing to narrow
		...(settings.dagId ? {runIdPattern: parseRunFilter(settings.filter).runIdPattern} : parseRunFilter(settings.filter)),
	};
}

/** The note line: what the list is filtered to, in words ("failed runs changed in the last 24h"). */
export function describeRunFilters(state: RunStateFilter, window: string): string {
	const what = state === 'all' ? 'all runs' : `${state} runs`;
	return window === 'all' ? `${what}, any time` : `${what} changed in the last ${window}`;
}
