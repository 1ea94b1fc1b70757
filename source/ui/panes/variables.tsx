// Variables: key, value (masked when the key looks sensitive, by Airflow's own rule, until
// `v`), description; Enter shows the whole value, pretty-printed when it is JSON.
import {useState} from 'react';
import {Text} from 'ink';
import type {Variable} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {learnSensitiveWords} from '../../airflow/sensitive-config.js';
import {isSensitiveKey, MASK} from '../../text/sensitive.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import {ListUnderDetail} from '../components/list-under-detail.js';
import {bind} from '../bindings.js';
import type {PaneDefinition} from './pane.js';
import {recordBindings} from './record-bindings.js';
import {useActions} from '../actions.js';
import {VariableDialog} from '../dialogs/record-edit.js';

/** The value as it may be shown: masked unless revealed, JSON pretty-printed. */
export function shownValue(variable: Variable, revealed: boolean, pretty = false): string {
	if (isSensitiveKey(variable.key) && !revealed) return MASK;
	if (!pretty) return variable.value;
	try {
		return JSON.stringify(JSON.parse(variable.value), null, 2);
	} catch {
		return variable.value;
	}
}

export const NOT_LISTED = 'Variables set by environment variables (AIRFLOW_VAR_*) or a secrets backend are not listed by the API.';

export function VariablesPane(props: PaneProps) {
	const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
	const [open, setOpen] = useState<Variable | undefined>(undefined);
	const actions = useActions();
	const toggle = (key: string) =>
		setRevealed(current => {
			const next = new Set(current);
			if (next.has(key)) next.delete(key);
			else next.add(key);
			return next;
		});

	const opened = open
		? {
				title: (
					<Text>
						<Text bold>{sanitizeLine(open.key)}</Text>
						<Text dimColor>{`  ${sanitizeLine(open.description)}  (Esc: back${isSensitiveKey(open.key) ? ', v: show/hide' : ''})`}</Text>
					</Text>
				),
				text: shownValue(open, revealed.has(open.key), true),
				bindings: [bind('reveal', () => toggle(open.key), {enabled: () => isSensitiveKey(open.key)})],
			}
		: undefined;
	return (
		<ListUnderDetail opened={opened} onBack={() => setOpen(undefined)} height={props.height} width={props.width} active={props.active}>
			<ListPane<Variable>
				{...layoutOf(props)}
				active={props.active && !open}
				fetchPage={async (query, signal) => {
					// the server's own sensitive words join the masking before the rows are drawn
					const [variables] = await Promise.all([props.client.listAllVariables(signal), learnSensitiveWords(props.client)]);
					return pageOf(variables, query, v => `${v.key} ${v.description ?? ''}`);
				}}
				filterLabel="key"
				note={<Text dimColor>{NOT_LISTED}</Text>}
				columns={width => [
					{header: 'key', width: Math.max(16, Math.min(40, Math.floor(width * 0.3))), cell: v => ({text: sanitizeLine(v.key), bold: true})},
					{
						header: 'value',
						width: Math.max(16, Math.floor(width * 0.4)),
						cell: v => ({text: sanitizeLine(shownValue(v, revealed.has(v.key))), color: isSensitiveKey(v.key) && !revealed.has(v.key) ? 'gray' : undefined}),
					},
					{header: 'description', width: 0, cell: v => ({text: sanitizeLine(v.description)})},
				]}
				empty="no variables"
				onEnter={setOpen}
				bindings={context => {
					const noRow = () => (context().row ? undefined : 'no Variable selected');
					return [
						bind('reveal', () => toggle(context().row!.key), {disabledReason: noRow}),
						...recordBindings(actions, context, {
							name: 'Variable',
							idOf: variable => variable.key,
							openForm: (variable, onSaved) => actions.show(<VariableDialog actions={actions} variable={variable} width={props.width} height={props.height} onSaved={onSaved} />),
							remove: key => props.client.deleteVariable(key),
						}),
					];
				}}
			/>
		</ListUnderDetail>
	);
}

export const variablesPane: PaneDefinition = {id: 'variables', name: 'Variables', short: 'Vars', render: context => <VariablesPane {...context} />};
