// One item opened from a list (a variable's value, an import error's stack trace): a title
// line and the text, scrollable; Esc goes back to the list.
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {bind, type Binding} from '../bindings.js';
import {KeyDepth, useBindings} from '../keys.js';
import {TextView} from './text-view.js';

export function DetailView(props: {
	title: ReactNode;
	text: string;
	height: number;
	width: number;
	active: boolean;
	onBack: () => void;
	/** keys of the item's own (v to reveal) */
	bindings?: Binding[];
}) {
	useBindings([...(props.bindings ?? []), bind('back', props.onBack)], props.active);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">{props.title}</Text>
			<KeyDepth>
				<TextView text={props.text} height={props.height - 1} width={props.width} active={props.active} />
			</KeyDepth>
		</Box>
	);
}
