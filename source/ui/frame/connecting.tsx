// The frame while the console has no server to show: the environment's name (production in
// red, as always), what went wrong, and when the next try is. It opens this way when the
// server cannot be reached at start (on-call opens the console exactly then) and after a
// switch to an environment that does not answer; the data follows by itself once it does.
// Keys: q quit, r try now, Esc back to the environment before (after a switch).
import {Box, Text, useInput} from 'ink';
import {sanitizeLine} from '../../text/sanitize.js';
import {actionFor} from '../keymap.js';
import {color} from '../theme.js';
import {useNow} from '../use-now.js';

export type ConnectingState = {url: string; failures: number; error?: string; hint?: string; retryAt?: number; startedAt?: number};

/** While the first try hangs (a server that accepts and never answers), how long it has. */
export function waitingWords(startedAt: number | undefined, now: number): string {
	const seconds = startedAt === undefined ? 0 : Math.floor((now - startedAt) / 1000);
	return seconds >= 3 ? ` no answer for ${seconds}s` : '';
}

/** "retrying in 4s", or "retrying now" once the time has come. */
export function retryWords(retryAt: number | undefined, now: number): string {
	if (retryAt === undefined) return 'connecting…';
	const seconds = Math.ceil((retryAt - now) / 1000);
	return seconds > 0 ? `retrying in ${seconds}s` : 'retrying now';
}

export function ConnectingFrame(props: {
	label: string;
	production: boolean;
	state: ConnectingState;
	width: number;
	height: number;
	back?: string;
	onQuit: () => void;
	onRetry: () => void;
	onBack: () => void;
}) {
	const now = useNow(500);
	const {state} = props;
	useInput((input, key) => {
		const action = actionFor(input, key, ['global'])?.action;
		if (action === 'quit') props.onQuit();
		else if (action === 'refresh') props.onRetry();
		else if (action === 'back' && props.back) props.onBack();
	});
	const label = sanitizeLine(props.label);
	const keys = ['r try now', ...(props.back ? [`Esc back to ${sanitizeLine(props.back)}`] : []), 'q quit'].join('  ');
	return (
		<Box flexDirection="column" width={props.width} height={props.height}>
			<Text wrap="truncate">
				<Text bold>windsock</Text> {props.production ? <Text color={color('red')} bold inverse>{` PRODUCTION ${label} `}</Text> : <Text color={color('cyan')}>{label}</Text>}
				{'  '}
				<Text dimColor>{sanitizeLine(props.state.url)}</Text>
			</Text>
			<Box flexDirection="column" marginTop={1} flexGrow={1}>
				{state.error ? (
					<>
						<Text wrap="wrap" color={color('red')}>
							{sanitizeLine(state.error)} — {retryWords(state.retryAt, now)}
						</Text>
						<Text wrap="wrap" dimColor>
							{state.failures === 1 ? '1 try' : `${state.failures} tries`} so far{state.hint ? `. ${sanitizeLine(state.hint)}` : ''}
						</Text>
						<Text wrap="wrap" dimColor>
							The console shows the data as soon as the server answers.
						</Text>
					</>
				) : (
					<Text>
						connecting to {sanitizeLine(state.url)}…<Text color={color('yellow')}>{waitingWords(state.startedAt, now)}</Text>
					</Text>
				)}
			</Box>
			<Text wrap="truncate" dimColor>
				{keys}
			</Text>
		</Box>
	);
}
