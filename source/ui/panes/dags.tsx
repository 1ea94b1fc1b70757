// DAGs: a list fetched a screen at a time from the server (dag_id_pattern and paused filters
// on the server), so 10,000 DAGs cost what 20 do. Enter opens the DAG's runs.
import React, {useState} from 'react';
import {Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {Dag} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListPane} from '../components/list-pane.js';
import {actionFor} from '../keymap.js';
import type {Column} from '../components/windowed-table.js';

export type PausedFilter = 'all' | 'active' | 'paused';
const PAUSED_FILTERS: PausedFilter[] = ['all', 'active', 'paused'];

function columns(width: number): Column<Dag>[] {
	const base: Column<Dag>[] = [
		{header: 'DAG', width: Math.min(36, Math.max(20, Math.floor(width * 0.3))), cell: dag => ({text: sanitizeLine(dag.dagId), bold: true, color: dag.hasImportErrors || !dag.isActive ? 'red' : undefined})},
		{header: 'state', width: 7, cell: dag => (dag.isPaused ? {text: '❚❚ off', color: 'gray'} : {text: '▶ on', color: 'green'})},
		{header: 'schedule', width: 14, cell: dag => ({text: sanitizeLine(dag.schedule ?? 'none')})},
	];
	if (width >= 100) base.push({header: 'next run', width: 17, cell: dag => ({text: dag.nextRunLogicalDate ? dag.nextRunLogicalDate.slice(0, 16).replace('T', ' ') : ''})});
	if (width >= 120) base.push({header: 'owner', width: 14, cell: dag => ({text: sanitizeLine(dag.owners.join(','))})});
	base.push({
		header: 'tags / notes',
		width: 0,
		cell: dag => ({text: [dag.hasImportErrors ? '[import errors]' : '', !dag.isActive ? '[stale]' : '', sanitizeLine(dag.tags.join(' '))].filter(Boolean).join(' ')}),
	});
	return base;
}

export function DagsPane(props: {client: AirflowClient; active: boolean; height: number; width: number; refreshMs: number; onOpen: (dagId: string) => void}) {
	const [paused, setPaused] = useState<PausedFilter>('all');
	return (
		<ListPane<Dag>
			active={props.active}
			height={props.height}
			width={props.width}
			refreshMs={props.refreshMs}
			deps={[paused]}
			fetchPage={(query, signal) =>
				props.client.listDags({limit: query.limit, offset: query.offset, pattern: query.filter || undefined, paused: paused === 'all' ? undefined : paused === 'paused'}, signal)
			}
			filterLabel="id"
			note={
				<Text>
					showing <Text bold>{paused}</Text> DAGs <Text dimColor>(a: all / active / paused, Enter: runs)</Text>
				</Text>
			}
			columns={columns}
			empty="no DAG matches"
			onEnter={dag => props.onOpen(dag.dagId)}
			onKey={(input, key) => {
				if (actionFor(input, key, ['dags'])?.action !== 'toggle-paused-filter') return false;
				setPaused(current => PAUSED_FILTERS[(PAUSED_FILTERS.indexOf(current) + 1) % PAUSED_FILTERS.length]!);
				return true;
			}}
		/>
	);
}
