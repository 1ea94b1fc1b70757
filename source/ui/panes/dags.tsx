// DAGs: a list fetched a screen at a time from the server (dag_id_pattern and paused filters
// on the server), so 10,000 DAGs cost what 20 do. Enter opens the DAG's runs. `f` shows only
// DAGs whose latest run failed and `o` cycles the sort (ui/dag-page.ts: how each generation
// does them).
import {useRef, useState} from 'react';
import {Text} from 'ink';
import type {Dag, DagRun} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {parseDagFilter} from '../dag-filter.js';
import {layoutOf, ListPane, type PaneProps} from '../components/list-pane.js';
import {bind} from '../bindings.js';
import type {PaneDefinition} from './pane.js';
import {useActions} from '../actions.js';
import {describeError} from '../../airflow/errors.js';
import {openTrigger} from '../dialogs/trigger.js';
import {confirmPause, confirmPauseAll} from '../dialogs/pause.js';
import {stateStyle} from '../theme.js';
import type {Column} from '../components/windowed-table.js';
import {formatDateTime, utcHeader} from '../../text/time.js';
import {DAG_SORT_WORDS, DAG_SORTS, DERIVED_WINDOW, fetchDagPage, type DagSort} from '../dag-page.js';
import {nextInCycle} from '../run-list-filter.js';

export type PausedFilter = 'all' | 'active' | 'paused';
const PAUSED_FILTERS: PausedFilter[] = ['all', 'active', 'paused'];

/** A DAG row: the DAG and its latest runs, newest first. */
type DagRow = Dag & {recent: DagRun[]};

const GRID = 5;
/** DAGs whose last runs are kept for a failed refresh: a few screens' worth; more starts over. */
const KNOWN_RUNS_KEPT = 2000;

function columns(width: number): Column<DagRow>[] {
	const base: Column<DagRow>[] = [
		{
			header: 'DAG',
			width: Math.min(36, Math.max(20, Math.floor(width * 0.3))),
			cell: dag => ({text: sanitizeLine(dag.dagId), bold: true, color: dag.hasImportErrors || !dag.isActive ? 'red' : undefined}),
		},
		{header: 'state', width: 7, cell: dag => (dag.isPaused ? {text: '❚❚ off', color: 'gray'} : {text: '▶ on', color: 'green'})},
		{header: 'schedule', width: 14, cell: dag => ({text: sanitizeLine(dag.schedule ?? 'none')})},
		{
			header: 'last runs',
			width: GRID * 2,
			// oldest on the left, newest on the right, as Airflow's grid; symbol + colour
			cell: dag => ({
				text: '',
				parts: [...dag.recent.slice(0, GRID)].reverse().flatMap(run => {
					const style = stateStyle(run.state);
					return [{text: style.symbol, color: style.color}, {text: ' '}];
				}),
			}),
		},
	];
	if (width >= 100) base.push({header: utcHeader('next run'), width: 16, cell: dag => ({text: formatDateTime(dag.nextRunAfter)})});
	if (width >= 120) base.push({header: 'owner', width: 14, cell: dag => ({text: sanitizeLine(dag.owners.join(','))})});
	base.push({
		header: 'tags / notes',
		width: 0,
		cell: dag => ({text: [dag.hasImportErrors ? '[import errors]' : '', !dag.isActive ? '[stale]' : '', sanitizeLine(dag.tags.join(' '))].filter(Boolean).join(' ')}),
	});
	return base;
}

export function DagsPane(props: PaneProps & {onOpen: (dagId: string) => void}) {
	const [paused, setPaused] = useState<PausedFilter>('all');
	const [failedOnly, setFailedOnly] = useState(false);
	const [sort, setSort] = useState<DagSort>('id');
	const actions = useActions();
	const idOnly = props.client.server.generation === 'v1';
	// each DAG's last runs as last read: a refresh whose runs request fails (a timeout, a 500)
	// shows these rather than an empty grid that reads as "never ran"
	const knownRuns = useRef(new Map<string, DagRun[]>());
	return (
		<ListPane<DagRow>
			{...layoutOf(props)}
			deps={[paused, failedOnly, sort]}
			fetchPage={async (query, signal) => {
				const {pattern, tags} = parseDagFilter(query.filter);
				const base = {pattern, tags, paused: paused === 'all' ? undefined : paused === 'paused'};
				const page = await fetchDagPage(props.client, base, {sort, failedOnly}, query, signal);
				// one more request for the page on screen, not one per DAG, and not for the pages
				// either side (100 runs shared by 60 DAGs would leave some without any): those
				// show theirs once their own page is asked for
				// (the grid is secondary: a server that refuses it still shows its DAGs)
				const visible = query.visible ?? query;
				const from = visible.offset - (page.offset ?? query.offset);
				const onScreen = page.items.slice(Math.max(0, from), Math.max(0, from + visible.limit)).map(dag => dag.dagId);
				const recent = await props.client.recentRunsOf(onScreen, 100, signal).then(
					fresh => {
						const known = knownRuns.current;
						if (known.size > KNOWN_RUNS_KEPT) known.clear();
						for (const dagId of onScreen) known.set(dagId, fresh.get(dagId) ?? []);
						return fresh;
					},
					() => knownRuns.current,
				);
				return {total: page.total, remark: page.remark, ...(page.offset !== undefined ? {offset: page.offset} : {}), items: page.items.map(dag => ({...dag, recent: recent.get(dag.dagId) ?? []}))};
			}}
			filterLabel="id (tag:NAME for a tag)"
			note={
				<Text>
					showing <Text bold>{paused}</Text> DAGs
					{failedOnly ? <Text bold>{', latest run failed'}</Text> : null}
					{failedOnly && idOnly ? ` (2.x: from runs of ${DERIVED_WINDOW})` : ''}
					{`, ${idOnly ? 'by id (2.x)' : DAG_SORT_WORDS[sort]}`}
				</Text>
			}
			columns={columns}
			empty="no DAG matches"
			onEnter={dag => props.onOpen(dag.dagId)}
			bindings={context => {
				const noDag = () => (context().row ? undefined : 'no DAG selected');
				const pauseAll = (pause: boolean) => () => {
					const {filter, refresh} = context();
					confirmPauseAll(actions, filter, pause, refresh).catch((error: unknown) => actions.notify(describeError(error), 'error'));
				};
				return [
					bind('toggle-paused-filter', () => setPaused(current => nextInCycle(PAUSED_FILTERS, current))),
					bind('failed-only', () => setFailedOnly(current => !current)),
					bind('dag-sort', () => setSort(current => nextInCycle(DAG_SORTS, current)), {
						disabledReason: () => (idOnly ? "Airflow 2.x's API sorts DAGs by id only" : undefined),
					}),
					bind('trigger', () => openTrigger(actions, context().row!.dagId, props), {disabledReason: noDag}),
					bind('pause', () => confirmPause(actions, context().row!, context().refresh), {disabledReason: noDag}),
					bind('pause-all', pauseAll(true), {disabledReason: () => (context().filter ? undefined : 'filter the list first (/): P pauses the DAGs a filter matches, never every DAG')}),
					bind('unpause-all', pauseAll(false), {disabledReason: () => (context().filter ? undefined : 'filter the list first (/): U unpauses the DAGs a filter matches, never every DAG')}),
					bind('copy', () => actions.copy(context().row!.dagId, 'dag id'), {disabledReason: noDag}),
					bind('link', () => actions.link({kind: 'dag', dagId: context().row!.dagId}), {disabledReason: noDag}),
				];
			}}
		/>
	);
}

export const dagsPane: PaneDefinition = {
	id: 'dags',
	name: 'DAGs',
	short: 'DAGs',
	render: context => <DagsPane {...context} onOpen={dagId => context.navigate({type: 'open-dag', dagId})} />,
};
