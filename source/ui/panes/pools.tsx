// Pools: slots and how they are used.
import React from 'react';
import type {AirflowClient} from '../../airflow/client.js';
import type {Pool} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListPane, pageOf} from '../components/list-pane.js';

export function PoolsPane(props: {client: AirflowClient; active: boolean; height: number; width: number; refreshMs: number}) {
	return (
		<ListPane<Pool>
			active={props.active}
			height={props.height}
			width={props.width}
			refreshMs={props.refreshMs}
			fetchPage={async (query, signal) => pageOf(await props.client.listPools(signal), query, p => p.name)}
			filterLabel="name"
			columns={() => [
				{header: 'pool', width: 24, cell: p => ({text: sanitizeLine(p.name), bold: true})},
				{header: 'slots', width: 6, cell: p => ({text: String(p.slots)})},
				{header: 'open', width: 6, cell: p => ({text: String(p.open), color: p.open === 0 ? 'red' : 'green'})},
				{header: 'running', width: 7, cell: p => ({text: String(p.running)})},
				{header: 'queued', width: 6, cell: p => ({text: String(p.queued), color: p.queued > 0 ? 'yellow' : undefined})},
				{header: 'description', width: 0, cell: p => ({text: sanitizeLine(p.description)})},
			]}
			empty="no pools"
		/>
	);
}
