// The tab row, generated from the pane registry: number, name (short below 110 columns), and
// the count a pane publishes, if any. When the tabs do not fit, a window of them that holds
// the current pane's (tab-window.ts), with ‹ › where more are hidden.
import {Text} from 'ink';
import type {PaneDefinition} from '../panes/pane.js';
import {usePaneBadges} from '../pane-badges.js';
import {MORE_LEFT, MORE_RIGHT, tabWindow} from './tab-window.js';

export function Tabs(props: {panes: readonly PaneDefinition[]; active: string; width: number}) {
	const short = props.width < 110;
	// a pane's count (Triage: the lines needing attention) follows its name
	const badges = usePaneBadges();
	const labels = props.panes.map((pane, index) => ` ${index + 1} ${short ? pane.short : pane.name}${badges.get(pane.id) ? ` ${badges.get(pane.id)}` : ''} `);
	const shown = tabWindow(
		labels,
		props.panes.findIndex(pane => pane.id === props.active),
		props.width,
	);
	return (
		<Text wrap="truncate">
			{shown.left ? <Text dimColor>{MORE_LEFT}</Text> : null}
			{props.panes.slice(shown.first, shown.last + 1).map((pane, offset) => (
				<Text key={pane.id} inverse={pane.id === props.active}>
					{labels[shown.first + offset]}
				</Text>
			))}
			{shown.right ? <Text dimColor>{MORE_RIGHT}</Text> : null}
		</Text>
	);
}
