// Connections: id, type, host, login, port. Passwords and extras are never shown: 2.x never
// returns the password and 3.x returns it masked; extras can hold keys too.
import React from 'react';
import {Text} from 'ink';
import type {Connection} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import {actionFor} from '../keymap.js';
import {useActions} from '../actions.js';
import {ConnectionDialog, confirmDelete} from '../dialogs/record-edit.js';

export function ConnectionsPane(props: PaneProps) {
	const actions = useActions();
	return (
		<ListPane<Connection>
			{...layoutOf(props)}
			fetchPage={async (query, signal) => pageOf(await props.client.listAllConnections(signal), query, c => `${c.connectionId} ${c.connType} ${c.host ?? ''}`)}
			filterLabel="id, type or host"
			note={<Text dimColor>Connections from environment variables (AIRFLOW_CONN_*) or a secrets backend are not listed by the API. Passwords are never shown. n: new  e: edit  d: delete</Text>}
			columns={width => [
				{header: 'id', width: Math.max(16, Math.min(32, Math.floor(width * 0.28))), cell: c => ({text: sanitizeLine(c.connectionId), bold: true})},
				{header: 'type', width: 12, cell: c => ({text: sanitizeLine(c.connType)})},
				{header: 'login', width: 14, cell: c => ({text: sanitizeLine(c.login)})},
				{header: 'port', width: 5, cell: c => ({text: c.port === null ? '' : String(c.port)})},
				{header: 'host', width: 0, cell: c => ({text: sanitizeLine(c.host)})},
			]}
			empty="no connections"
			onKey={(input, key, row, refresh) => {
				const action = actionFor(input, key, ['records'])?.action;
				const edit = (connection?: Connection) =>
					actions.allowed(connection ? 'edit' : 'new Connection') &&
					actions.show(<ConnectionDialog actions={actions} connection={connection} width={props.width} height={props.height} onSaved={refresh} />);
				if (action === 'new') edit();
				else if (!row) return false;
				else if (action === 'edit') edit(row);
				else if (action === 'delete') confirmDelete(actions, 'Connection', row.connectionId, () => props.client.deleteConnection(row.connectionId), refresh);
				else return false;
				return true;
			}}
		/>
	);
}
