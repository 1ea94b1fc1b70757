// One page of the DAG list as the DAGs pane asks for it: a sort that cycles and a
// failed-only filter, done by the server wherever the API can (docs/triage.md, "Lists").
//
// 3.x sorts by next_dagrun / last_run_state / last_run_start_date, but where a DAG without
// that value lands is the database's choice (SQLite and MySQL put NULL first when ascending,
// PostgreSQL last): "failing first" on SQLite would open on DAGs that never ran. So for the
// sorts with a server filter that selects "has the value" (a latest run; a latest run that
// started), the rows with it come first in the server's order, then those without, read
// from the plain sorted list at the place this database puts them (found from its first row).
// 2.x sorts by dag_id only and has no latest-run filter: the sort key says so and does
// nothing; failed-only is derived as Triage derives it (live/triage-feed.ts).
import type {AirflowClient} from '../airflow/client.js';
import type {Dag, DagListQuery, Page, RunState} from '../airflow/model.js';
import {compilePattern} from '../airflow/pattern.js';
import {parseSince, sinceIso} from '../commands/since.js';
import {latestFailedDags} from '../live/triage-feed.js';

export type DagSort = 'id' | 'last-run' | 'next-run' | 'failing-first';
/** `o` cycles these */
export const DAG_SORTS: readonly DagSort[] = ['id', 'last-run', 'next-run', 'failing-first'];

/** The note line's words for each sort. */
export const DAG_SORT_WORDS: Readonly<Record<DagSort, string>> = {
	id: 'by id',
	'last-run': 'by last run, newest first',
	'next-run': 'by next run, soonest first (unscheduled: where the database sorts empty values)',
	'failing-first': 'failing first, then queued, running, success, never run',
};

const ALL_RUN_STATES: RunState[] = ['failed', 'queued', 'running', 'success'];

/** The server order, and the filter that selects the DAGs that have the sorted value (when one exists). */
export type SortPlan = {orderBy: string[]; present?: Pick<DagListQuery, 'latestRunStates' | 'latestRunStartedAfter'>};

export function dagSortPlan(sort: DagSort): SortPlan {
	switch (sort) {
		case 'id':
			return {orderBy: ['dag_id']};
		case 'last-run':
			return {orderBy: ['-last_run_start_date', 'dag_id'], present: {latestRunStartedAfter: '1970-01-01T00:00:00Z'}};
		case 'next-run':
			// no filter selects "has a next run": unscheduled DAGs sort where the database puts NULL
			return {orderBy: ['next_dagrun', 'dag_id']};
		case 'failing-first':
			// states sort alphabetically: failed, queued, running, success
			return {orderBy: ['last_run_state', 'dag_id'], present: {latestRunStates: ALL_RUN_STATES}};
	}
}

/** Where one page's rows come from: the filtered list (DAGs with the value) or the plain sorted list. */
export type Slice = {from: 'present' | 'all'; offset: number; limit: number};

/**
 * The rows [offset, offset+limit) of "the `present` DAGs, then the rest": the first from the
 * filtered list, the rest from the plain list, whose DAGs without the value are its first
 * `total - present` rows (nullsFirst) or its last.
 */
export function slicesFor(page: {offset: number; limit: number}, counts: {present: number; total: number}, nullsFirst: boolean): Slice[] {
	const slices: Slice[] = [];
	const {present, total} = counts;
	let wanted = page.limit;
	if (page.offset < present) {
		const limit = Math.min(wanted, present - page.offset);
		slices.push({from: 'present', offset: page.offset, limit});
		wanted -= limit;
	}
	const missing = total - present;
	const start = Math.max(0, page.offset - present);
	const limit = Math.min(wanted, missing - start);
	if (limit > 0) slices.push({from: 'all', offset: nullsFirst ? start : present + start, limit});
	return slices;
}

/** How long 2.x looks back for the runs its failed-only list is derived from. */
export const DERIVED_WINDOW = '7d';

/** `offset`: where items start when not at the offset asked (2.x failed-only reads the page on screen only). */
export type DagPage = Page<Dag> & {remark?: string; offset?: number};

/** One page of DAGs in `sort` order; `failedOnly`: DAGs whose latest run failed. */
export async function fetchDagPage(
	client: AirflowClient,
	base: Omit<DagListQuery, 'limit' | 'offset' | 'orderBy'>,
	options: {sort: DagSort; failedOnly: boolean},
	page: {offset: number; limit: number; visible?: {offset: number; limit: number}},
	signal?: AbortSignal,
): Promise<DagPage> {
	if (client.server.generation === 'v1')
		return options.failedOnly ? derivedFailedPage(client, base, page.visible ?? page, signal) : client.listDags({...base, offset: page.offset, limit: page.limit}, signal);
	const query: DagListQuery = {...base, ...(options.failedOnly ? {lastRunState: 'failed'} : {})};
	const plan = dagSortPlan(options.sort);
	if (!plan.present) return client.listDags({...query, orderBy: plan.orderBy, ...page}, signal);
	const [present, first] = await Promise.all([
		client.listDags({...query, ...plan.present, orderBy: plan.orderBy, ...page}, signal),
		client.listDags({...query, orderBy: plan.orderBy, offset: 0, limit: 1}, signal),
	]);
	const counts = {present: present.total, total: first.total};
	if (page.offset + page.limit <= counts.present || counts.present >= counts.total) return {items: present.items, total: counts.total};
	// does this database put DAGs without the value first? The plain list's first row says
	let nullsFirst = counts.present === 0;
	if (!nullsFirst) {
		const presentFirst = page.offset === 0 ? present.items[0] : (await client.listDags({...query, ...plan.present, orderBy: plan.orderBy, offset: 0, limit: 1}, signal)).items[0];
		nullsFirst = first.items[0]?.dagId !== presentFirst?.dagId;
	}
	const items: Dag[] = [];
	for (const slice of slicesFor(page, counts, nullsFirst)) {
		if (slice.from === 'present') items.push(...present.items.slice(0, slice.limit));
		else items.push(...(await client.listDags({...query, orderBy: plan.orderBy, offset: slice.offset, limit: slice.limit}, signal)).items);
	}
	return {items, total: counts.total};
}

/**
 * 2.x: the DAGs whose latest run failed, derived from the runs changed in DERIVED_WINDOW
 * (Triage's rule, one request), their ids matched against the filter's words here; only the
 * page's DAGs are then read, one request each (2.x's list cannot select several ids).
 */
async function derivedFailedPage(client: AirflowClient, base: Omit<DagListQuery, 'limit' | 'offset' | 'orderBy'>, page: {offset: number; limit: number}, signal?: AbortSignal): Promise<DagPage> {
	const latest = await latestFailedDags(client, sinceIso(parseSince(DERIVED_WINDOW)), signal);
	const match = compilePattern(base.pattern ?? '');
	const ids = [...latest.keys()].filter(match).sort();
	// one request per DAG: for the page on screen only, not its neighbours
	const items = await Promise.all(ids.slice(page.offset, page.offset + page.limit).map(id => client.getDag(id, signal)));
	// the derived list knows ids only: say what it could not apply
	const unapplied = [base.tags?.length ? 'tag:' : '', base.paused !== undefined ? 'active/paused' : ''].filter(Boolean);
	return {items, total: ids.length, offset: page.offset, ...(unapplied.length ? {remark: `${unapplied.join(', ')} not applied (2.x)`} : {})};
}
