// A confirmation over the pane: what will be sent, then one key per choice. While the change
// is in flight the dialog says so; a failure stays on screen (Enter tries again, Esc closes).
import type React from 'react';
import {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {describeError} from '../../airflow/errors.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {useActions, type ConfirmSpec} from '../actions.js';
import {useKeys} from '../keys.js';
import {color} from '../theme.js';
import {wrapAtWords} from '../../text/cells.js';
import {usePaneSize} from '../pane-size.js';

/** Prose in a dialog, one Text per row, broken between words (the frame's border and padding take 4 cells). */
export function DialogProse(props: {text: string; width: number; color?: string; dim?: boolean}) {
	return (
		<>
			{wrapAtWords(props.text, Math.max(10, props.width - 4)).map((row, index) => (
				<Text key={index} color={props.color ? color(props.color) : undefined} dimColor={props.dim}>
					{row}
				</Text>
			))}
		</>
	);
}

/** Rows DialogProse takes. */
export const proseRows = (text: string, width: number) => wrapAtWords(text, Math.max(10, width - 4)).length;

export function DialogFrame(props: {title: string; production: boolean; children: React.ReactNode; width: number}) {
	// the frame's width now, not the one the dialog opened with (a window grown since)
	const {width} = usePaneSize({width: props.width, height: 0});
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={color(props.production ? 'red' : 'cyan')} paddingX={1} width={width}>
			<Text bold wrap="truncate">
				{props.production ? <Text color={color('red')}>PRODUCTION </Text> : null}
				{/* every dialog's title names a server's DAG, run or record */}
				{sanitizeLine(props.title)}
			</Text>
			{props.children}
		</Box>
	);
}

export function ConfirmDialog(props: {spec: ConfirmSpec; width: number; height: number}) {
	const actions = useActions();
	const {spec} = props;
	const [state, setState] = useState<{phase: 'ask' | 'sending'; error?: string; last?: number}>({phase: 'ask'});
	const busy = useRef(false);

	const run = (index: number) => {
		const choice = spec.choices[index];
		if (!choice || busy.current) return;
		busy.current = true;
		setState({phase: 'sending', last: index});
		choice.run().then(
			notice => {
				busy.current = false;
				actions.close();
				actions.notify(notice, 'ok');
				spec.onDone?.();
			},
			(error: unknown) => {
				busy.current = false;
				setState({phase: 'ask', error: describeError(error), last: index});
			},
		);
	};

	useKeys((input, key) => {
		if (busy.current) return true; // nothing but waiting while the request is out
		if (key.escape || input === 'n') actions.close();
		else if (key.return && state.error !== undefined && state.last !== undefined) run(state.last);
		else if (key.return && spec.choices.length === 1) run(0);
		else {
			const index = spec.choices.findIndex(choice => choice.key === input);
			if (index >= 0) run(index);
		}
		return true;
	}, true);

	const {width, height} = usePaneSize(props);
	const warning = spec.warning ? `▲ ${spec.warning}` : '';
	const error = state.error ? `! ${sanitizeLine(state.error)}  (Enter: try again)` : '';
	const choices = `${spec.choices.map(choice => `${choice.key}${spec.choices.length === 1 ? '/Enter' : ''}: ${choice.label}`).join('   ')}   Esc/n: cancel`;
	const room = Math.max(1, height - 5 - (warning ? proseRows(warning, width) : 0) - (error ? proseRows(error, width) : 0) - proseRows(choices, width));
	const lines = spec.lines.length > room ? [...spec.lines.slice(0, room - 1), `… and ${spec.lines.length - room + 1} more`] : spec.lines;
	return (
		<DialogFrame title={spec.title} production={actions.safety.production} width={width}>
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate">
					{sanitizeLine(line)}
				</Text>
			))}
			{warning ? <DialogProse text={warning} width={width} color="yellow" /> : null}
			{error ? <DialogProse text={error} width={width} color="red" /> : null}
			{state.phase === 'sending' ? <Text color={color('cyan')}>sending…</Text> : <DialogProse text={choices} width={width} />}
		</DialogFrame>
	);
}
