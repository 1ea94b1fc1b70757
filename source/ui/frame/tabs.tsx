// The tab row, generated from the pane registry: number, name (short below 110 columns), and
// the count a pane publishes, if any.
import {Text} from 'ink';
import type {PaneDefinition} from '../panes/pane.js';
import {usePaneBadges} from '../pane-badges.js';

export function Tabs(props: {panes: readonly PaneDefinition[]; active: string; width: number}) {
	const short = props.width < 110;
	// a pane's count (Triage: the lines needing attention) follows its name
	const badges = usePaneBadges();
	return (
		<Text wrap="truncate">
			{props.panes.map((pane, index) => (
				<Text key={pane.id} inverse={pane.id === props.active}>
					{` ${index + 1} ${short ? pane.short : pane.name}${badges.get(pane.id) ? ` ${badges.get(pane.id)}` : ''} `}
				</Text>
			))}
		</Text>
	);
}
