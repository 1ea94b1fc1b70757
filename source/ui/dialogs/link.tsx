// The web UI address of the selection, shown whole (wrapped, so it can be read or clicked at
// 60 columns) over the pane; it was copied with OSC 52 as it opened. Any key closes it.
import {Text} from 'ink';
import {wrapToWidth} from '../../text/cells.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {useActions} from '../actions.js';
import {useKeys} from '../keys.js';
import {color} from '../theme.js';
import {DialogFrame} from './confirm.js';
import {usePaneSize} from '../pane-size.js';

export function LinkDialog(props: {title: string; url: string; copied: string; copiedOk: boolean; width: number}) {
	const actions = useActions();
	useKeys(() => {
		actions.close();
		return true;
	}, true);
	// the frame's border and padding take 4 cells; the frame's width now, following resizes
	const {width} = usePaneSize({width: props.width, height: 0});
	const lines = wrapToWidth(sanitizeLine(props.url), Math.max(10, width - 4));
	return (
		<DialogFrame title={props.title} production={actions.safety.production} width={width}>
			{lines.map((line, index) => (
				<Text key={index}>{line}</Text>
			))}
			<Text color={color(props.copiedOk ? 'green' : 'red')} wrap="truncate">
				{props.copiedOk ? `✓ ${props.copied}` : `! ${props.copied}`}
			</Text>
			<Text dimColor wrap="truncate">
				any key closes
			</Text>
		</DialogFrame>
	);
}
