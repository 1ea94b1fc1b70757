// Create, edit and delete Variables (n, e, d) and Connections. A Variable's value may be many
// lines; when it starts like JSON ({ or [) it must be JSON, and the mistake's line is shown.
// A Connection's password is typed masked and sent only when typed. The preview is the
// client's plan for the save (secrets shown by length only), built from the same record the
// save sends. A failed save brings the form back with the edit in it.
import type {Connection, ConnectionInput, Variable} from '../../airflow/model.js';
import {parseJson} from '../../text/json-input.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {isSensitiveKey, MASKED} from '../../text/sensitive.js';
import type {Actions} from '../actions.js';
import {FormDialog, type Values} from './form-dialog.js';

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export function VariableDialog(props: {actions: Actions; variable?: Variable; width: number; height: number; onSaved: () => void}) {
	const {actions, variable} = props;
	const {client} = actions;
	const creating = !variable;
	// a value the server masked is not the value: start empty rather than save the mask back
	const masked = variable?.value === MASKED;
	// one record for the preview and the save, so what is shown is what is sent
	const toVariable = (values: Values): Variable => ({
		key: creating ? values['key']!.trim() : variable.key,
		value: values['value'] ?? '',
		description: values['description']?.trim() ? values['description'] : (variable?.description ?? null),
	});
	const planOf = (next: Variable) => (creating ? client.plans.createVariable(next) : client.plans.updateVariable(next));
	return (
		<FormDialog
			title={creating ? 'New Variable' : `Edit Variable ${sanitizeLine(variable.key)}`}
			fields={[
				...(creating ? [{name: 'key', label: 'key'}] : []),
				{name: 'value', label: 'value', multiline: true, rows: 8, secret: isSensitiveKey(variable?.key ?? ''), hint: masked ? 'the server masks this value: type the new one' : undefined},
				{name: 'description', label: 'description', hint: 'optional'},
			]}
			initial={{key: '', value: masked ? '' : (variable?.value ?? ''), description: variable?.description ?? ''}}
			check={values => {
				const problems: Record<string, string> = {};
				if (creating && !values['key']?.trim()) problems['key'] = 'a key is needed';
				const value = values['value'] ?? '';
				if (looksLikeJson(value)) {
					const parsed = parseJson(value);
					if (!parsed.ok) problems['value'] = `looks like JSON but ${parsed.message}`;
				}
				return problems;
			}}
			preview={values => ({lines: client.describe(planOf(toVariable(values)), {multiline: true})})}
			send={async values => {
				const next = toVariable(values);
				// createVariable/updateVariable send what plans.createVariable/updateVariable built
				await (creating ? client.createVariable(next) : client.updateVariable(next));
				return `${creating ? 'created' : 'saved'} Variable ${sanitizeLine(next.key)}`;
			}}
			onSent={props.onSaved}
			width={props.width}
			height={props.height}
		/>
	);
}

export function ConnectionDialog(props: {actions: Actions; connection?: Connection; width: number; height: number; onSaved: () => void}) {
	const {actions, connection} = props;
	const {client} = actions;
	const creating = !connection;
	const toInput = (values: Values): ConnectionInput => {
		const text = (name: string) => (values[name]?.trim() ? values[name]!.trim() : null);
		return {
			connectionId: creating ? values['connectionId']!.trim() : connection.connectionId,
			connType: values['connType']!.trim(),
			description: text('description'),
			host: text('host'),
			login: text('login'),
			schema: text('schema'),
			port: text('port') === null ? null : Number(values['port']),
			extra: text('extra'),
			// empty: the password the server has stays as it is
			...(values['password'] ? {password: values['password']} : {}),
		};
	};
	return (
		<FormDialog
			title={creating ? 'New Connection' : `Edit Connection ${sanitizeLine(connection.connectionId)}`}
			fields={[
				...(creating ? [{name: 'connectionId', label: 'conn id'}] : []),
				{name: 'connType', label: 'type', hint: 'postgres, http, aws, …'},
				{name: 'host', label: 'host'},
				{name: 'port', label: 'port'},
				{name: 'login', label: 'login'},
				{name: 'password', label: 'password', secret: true, hint: creating ? 'optional' : 'empty: keep the current one'},
				{name: 'schema', label: 'schema'},
				{name: 'extra', label: 'extra (JSON)', multiline: true, rows: 3},
				{name: 'description', label: 'description'},
			]}
			initial={{
				connectionId: '',
				connType: connection?.connType ?? '',
				host: connection?.host ?? '',
				port: connection?.port === null || connection?.port === undefined ? '' : String(connection.port),
				login: connection?.login ?? '',
				password: '',
				schema: connection?.schema ?? '',
				extra: connection?.extra ?? '',
				description: connection?.description ?? '',
			}}
			check={values => {
				const problems: Record<string, string> = {};
				if (creating && !values['connectionId']?.trim()) problems['connectionId'] = 'a conn id is needed';
				if (!values['connType']?.trim()) problems['connType'] = 'a type is needed';
				if (values['port']?.trim() && !/^\d+$/.test(values['port'].trim())) problems['port'] = 'a port is a whole number';
				if (values['extra']?.trim()) {
					const parsed = parseJson(values['extra']);
					if (!parsed.ok) problems['extra'] = parsed.message;
				}
				return problems;
			}}
			preview={values => {
				const input = toInput(values);
				const plan = creating ? client.plans.createConnection(input) : client.plans.updateConnection(input);
				return {lines: [...client.describe(plan, {multiline: true}), ...(input.password === undefined && !creating ? ['no password sent: the stored one stays'] : [])]};
			}}
			send={async values => {
				const input = toInput(values);
				await (creating ? client.createConnection(input) : client.updateConnection(input));
				return `${creating ? 'created' : 'saved'} Connection ${sanitizeLine(input.connectionId)}`;
			}}
			onSent={props.onSaved}
			width={props.width}
			height={props.height}
		/>
	);
}

export function confirmDelete(actions: Actions, kind: 'Variable' | 'Connection', id: string, remove: () => Promise<void>, onDone: () => void): void {
	actions.confirm({
		title: `Delete ${kind} ${sanitizeLine(id)}?`,
		// `remove` is the pane's client.deleteVariable/deleteConnection: it sends this same plan
		lines: [actions.client.describeLine(kind === 'Variable' ? actions.client.plans.deleteVariable(id) : actions.client.plans.deleteConnection(id)), 'There is no undo.'],
		choices: [
			{
				key: 'y',
				label: 'delete',
				run: async () => {
					await remove();
					return `deleted ${kind} ${sanitizeLine(id)}`;
				},
			},
		],
		onDone,
	});
}
