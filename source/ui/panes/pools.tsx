// Pools: slots and how they are used.
import type {Pool} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import type {PaneDefinition} from './pane.js';

export function PoolsPane(props: PaneProps) {
	return (
		<ListPane<Pool>
			{...layoutOf(props)}
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

export const poolsPane: PaneDefinition = {id: 'pools', name: 'Pools', short: 'Pools', render: context => <PoolsPane {...context} />};
