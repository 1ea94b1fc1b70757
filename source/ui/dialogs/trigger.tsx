// Trigger a DAG (key t): conf as JSON, pre-filled from the DAG's params and their defaults,
// checked as you type (the mistake's line and column under the field); an optional logical
// date (empty: now, which never conflicts), run id and note. The preview is the client's plan
// for the trigger, the one trigger() sends; a paused DAG is said to be paused, with "unpause,
// then trigger" offered (and its request shown). On success the console opens the new run and
// follows it; on 409/400/422 the form comes back as typed.
import {useRef} from 'react';
import type {DagDetails, TriggerRequest} from '../../airflow/model.js';
import {parseJsonObject} from '../../text/json-input.js';
import {useActions, type Actions} from '../actions.js';
import {FormDialog, type FieldSpec, type Values} from './form-dialog.js';

const FIELDS: FieldSpec[] = [
	{name: 'conf', label: 'conf (JSON)', multiline: true, rows: 8},
	{name: 'logicalDate', label: 'logical date', hint: 'empty: now (never conflicts); or 2026-11-25T10:00:00Z'},
	{name: 'runId', label: 'run id', hint: 'empty: Airflow names it'},
	{name: 'note', label: 'note', hint: 'optional'},
];

/** The conf a DAG's params suggest: each param's default. */
export function confFromParams(dag: DagDetails): string {
	const entries = Object.entries(dag.params);
	if (!entries.length) return '{}';
	return JSON.stringify(Object.fromEntries(entries.map(([name, param]) => [name, param.value ?? null])), null, 2);
}

export function checkTrigger(values: Values): Record<string, string> {
	const problems: Record<string, string> = {};
	const conf = parseJsonObject(values['conf'] ?? '');
	if (!conf.ok) problems['conf'] = conf.message;
	const date = values['logicalDate']?.trim();
	if (date && Number.isNaN(Date.parse(date))) problems['logicalDate'] = 'an ISO date and time, such as 2026-11-25T10:00:00Z';
	return problems;
}

export function triggerRequest(values: Values): TriggerRequest {
	const conf = parseJsonObject(values['conf'] ?? '');
	const date = values['logicalDate']?.trim();
	return {
		conf: conf.ok ? conf.value : {},
		...(date ? {logicalDate: new Date(Date.parse(date)).toISOString()} : {}),
		...(values['runId']?.trim() ? {runId: values['runId'].trim()} : {}),
		...(values['note']?.trim() ? {note: values['note'].trim()} : {}),
	};
}

/** Opens the trigger form for a DAG, unless this console must not change anything. */
export function openTrigger(actions: Actions, dagId: string, size: {width: number; height: number}): void {
	actions.show(<TriggerDialog dagId={dagId} width={size.width} height={size.height} />);
}

export function TriggerDialog(props: {dagId: string; width: number; height: number}) {
	const actions = useActions();
	const {client} = actions;
	const paused = useRef<boolean | undefined>(undefined);
	return (
		<FormDialog
			title={`Trigger ${props.dagId}`}
			fields={FIELDS}
			initial={{conf: '{}'}}
			load={async () => {
				const dag = await client.getDag(props.dagId);
				paused.current = dag.isPaused;
				return {conf: confFromParams(dag)};
			}}
			check={checkTrigger}
			preview={values => ({
				lines: [
					...client.describe(client.plans.trigger(props.dagId, triggerRequest(values)), {multiline: true}),
					...(paused.current ? [`u sends first: ${client.describeLine(client.plans.pause(props.dagId, false))}`] : []),
				],
				...(paused.current ? {warning: `${props.dagId} is paused: the run will stay queued until it is unpaused`} : {}),
			})}
			extra={() => (paused.current ? {key: 'u', label: 'unpause, then trigger'} : undefined)}
			send={async (values, unpauseFirst) => {
				if (unpauseFirst) await client.setPaused(props.dagId, false);
				const run = await client.trigger(props.dagId, triggerRequest(values));
				actions.openRun(run.dagId, run.runId);
				return `triggered ${run.runId}${unpauseFirst ? ` (and unpaused ${props.dagId})` : ''}`;
			}}
			fieldOfError={error => (error.fields.some(field => field.includes('conf')) || /conf|param/i.test(error.detail ?? '') ? 'conf' : error.status === 409 ? 'logicalDate' : undefined)}
			width={props.width}
			height={props.height}
		/>
	);
}
