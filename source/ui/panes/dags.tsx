// DAGs: a windowed list fetched a screen at a time from the server (dag_id_pattern and
// paused filters on the server), so 10,000 DAGs cost what 20 do.
import React from 'react';
import {Box, Text} from 'ink';
import type {Dag, Page} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {WindowedTable, type Column} from '../components/windowed-table.js';

export type PausedFilter = 'all' | 'active' | 'paused';

export const PAUSED_FILTERS: PausedFilter[] = ['all', 'active', 'paused'];

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

export function DagsPane(props: {
	page: Page<Dag> | undefined;
	/** absolute index of the first row of `page` */
	offset: number;
	/** absolute index of the selected row */
	selected: number;
	height: number;
	width: number;
	filter: string;
	paused: PausedFilter;
}) {
	const total = props.page?.total ?? 0;
	const shown = props.page?.items.length ?? 0;
	const range = shown ? `rows ${(props.offset + 1).toLocaleString('en')}-${(props.offset + shown).toLocaleString('en')} of ${total.toLocaleString('en')}` : `0 of ${total.toLocaleString('en')}`;
	return (
		<Box flexDirection="column">
			<Text>
				<Text dimColor>{range}</Text>
				{'  '}
				<Text>showing </Text>
				<Text bold>{props.paused}</Text>
				{props.filter ? (
					<Text>
						{' matching '}
						<Text bold>{`"${sanitizeLine(props.filter)}"`}</Text>
					</Text>
				) : null}
			</Text>
			<WindowedTable
				columns={columns(props.width)}
				rows={props.page?.items ?? []}
				selected={props.selected - props.offset}
				height={props.height - 1}
				width={props.width}
				empty={props.page ? 'no DAG matches' : 'loading…'}
			/>
		</Box>
	);
}
