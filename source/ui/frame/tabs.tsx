// The tab row, generated from the pane registry: number, name (short below 110 columns).
import {Text} from 'ink';
import type {PaneDefinition} from '../panes/pane.js';

export function Tabs(props: {panes: readonly PaneDefinition[]; active: string; width: number}) {
	const short = props.width < 110;
	return (
		<Text wrap="truncate">
			{props.panes.map((pane, index) => (
				<Text key={pane.id} inverse={pane.id === props.active}>
					{` ${index + 1} ${short ? pane.short : pane.name} `}
				</Text>
			))}
		</Text>
	);
}
