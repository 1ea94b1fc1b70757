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

export function DialogFrame(props: {title: string; production: boolean; children: React.ReactNode; width: number}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={color(props.production ? 'red' : 'cyan')} paddingX={1} width={props.width}>
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

	const room = Math.max(1, props.height - 6 - (spec.warning ? 1 : 0) - (state.error ? 1 : 0));
	const lines = spec.lines.length > room ? [...spec.lines.slice(0, room - 1), `… and ${spec.lines.length - room + 1} more`] : spec.lines;
	return (
		<DialogFrame title={spec.title} production={actions.safety.production} width={props.width}>
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate">
					{sanitizeLine(line)}
				</Text>
			))}
			{spec.warning ? <Text color={color('yellow')} wrap="truncate">{`▲ ${spec.warning}`}</Text> : null}
			{state.error ? <Text color={color('red')} wrap="truncate">{`! ${sanitizeLine(state.error)}  (Enter: try again)`}</Text> : null}
			<Text wrap="truncate">
				{state.phase === 'sending' ? (
					<Text color={color('cyan')}>sending…</Text>
				) : (
					<Text>
						{spec.choices.map(choice => `${choice.key}${spec.choices.length === 1 ? '/Enter' : ''}: ${choice.label}`).join('   ')}
						<Text dimColor> Esc/n: cancel</Text>
					</Text>
				)}
			</Text>
		</DialogFrame>
	);
}
