// Connections: id, type, host, login, port. Passwords and extras are never shown: 2.x never
// returns the password and 3.x returns it masked; extras can hold keys too.
import {Text} from 'ink';
import type {Connection} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import type {PaneDefinition} from './pane.js';
import {recordBindings} from './record-bindings.js';
import {useActions} from '../actions.js';
import {ConnectionDialog} from '../dialogs/record-edit.js';

export function ConnectionsPane(props: PaneProps) {
	const actions = useActions();
	return (
		<ListPane<Connection>
			{...layoutOf(props)}
			fetchPage={async (query, signal) => pageOf(await props.client.listAllConnections(signal), query, c => `${c.connectionId} ${c.connType} ${c.host ?? ''}`)}
			filterLabel="id, type or host"
			note={<Text dimColor>Connections from environment variables (AIRFLOW_CONN_*) or a secrets backend are not listed by the API. Passwords are never shown.</Text>}
			columns={width => [
				{header: 'id', width: Math.max(16, Math.min(32, Math.floor(width * 0.28))), cell: c => ({text: sanitizeLine(c.connectionId), bold: true})},
				{header: 'type', width: 12, cell: c => ({text: sanitizeLine(c.connType)})},
				{header: 'login', width: 14, cell: c => ({text: sanitizeLine(c.login)})},
				{header: 'port', width: 5, cell: c => ({text: c.port === null ? '' : String(c.port)})},
				{header: 'host', width: 0, cell: c => ({text: sanitizeLine(c.host)})},
			]}
			empty="no connections"
			bindings={context =>
				recordBindings(actions, context, {
					name: 'Connection',
					idOf: connection => connection.connectionId,
					openForm: (connection, onSaved) => actions.show(<ConnectionDialog actions={actions} connection={connection} width={props.width} height={props.height} onSaved={onSaved} />),
					remove: id => props.client.deleteConnection(id),
				})
			}
		/>
	);
}

export const connectionsPane: PaneDefinition = {id: 'connections', name: 'Connections', short: 'Conns', render: context => <ConnectionsPane {...context} />};
