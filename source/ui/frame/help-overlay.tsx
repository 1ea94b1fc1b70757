// `?`: the keys of the pane the user is in, then the global ones; j/k and PgUp/PgDn scroll
// when they do not fit, any other key closes it.
import {Box, Text} from 'ink';
import {clampHelpTop, type HelpRow} from './help-rows.js';

export function HelpOverlay(props: {rows: HelpRow[]; top: number; height: number; width: number}) {
	// border and title take 3 lines
	const room = Math.max(1, props.height - 3);
	const top = clampHelpTop(props.top, props.rows.length, room);
	const shown = props.rows.slice(top, top + room);
	const more = props.rows.length > room;
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1} width={props.width}>
			<Text bold wrap="truncate">
				Keys <Text dimColor>{more ? `(${top + 1}-${top + shown.length} of ${props.rows.length}; j/k scroll, any other key closes)` : '(any key closes this help)'}</Text>
			</Text>
			{shown.map((row, index) =>
				row.kind === 'heading' ? (
					<Text key={index} bold color="cyan" wrap="truncate">
						{row.text}
					</Text>
				) : (
					<Text key={index} wrap="truncate">
						{`  ${row.label.padEnd(8)} ${row.help}`}
						<Text dimColor>{row.note ? `  ${row.note}` : ''}</Text>
					</Text>
				),
			)}
		</Box>
	);
}
