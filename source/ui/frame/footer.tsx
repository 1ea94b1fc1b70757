// The footer: the keys that work here, as their bindings name them, and one status line (a
// notice of what just happened, the health poll's error, or the latest status change).
import {Text} from 'ink';
import {componentName} from '../../airflow/components.js';
import type {HealthEvent} from '../../live/health-history.js';
import {sanitizeLine} from '../../text/sanitize.js';
import type {Binding} from '../bindings.js';
import {color, stateStyle} from '../theme.js';
import type {Tone} from '../actions.js';
import {formatClock} from '../../text/time.js';
import {cutAtWord, fitEntries} from '../../text/cells.js';

/**
 * "Enter open  t trigger  p pause ... ? help  : go to  q quit": this pane's keys first, as many
 * whole ones as fit the width, then help (which lists them all), go to and quit.
 */
export function footerKeys(here: readonly Binding[], width = Number.POSITIVE_INFINITY): string {
	const local = here.filter(binding => binding.display && binding.scope !== 'global');
	const words = local.map(binding => `${binding.label} ${binding.short}`);
	return fitEntries(words, ['? help'], width, [': go to', 'q quit']);
}

export function Footer(props: {
	keys: string;
	command: string | undefined;
	commandHint: string;
	notice: {text: string; tone: Tone} | undefined;
	healthError: string | undefined;
	lastEvent: HealthEvent | undefined;
	/** the status line's width: a notice is cut at a word, never mid-word */
	width: number;
}) {
	const {notice, healthError, lastEvent} = props;
	const statusColor = notice
		? color(notice.tone === 'error' ? 'red' : notice.tone === 'ok' ? 'green' : 'cyan')
		: healthError
			? color('red')
			: lastEvent
				? color(stateStyle(lastEvent.to).color)
				: undefined;
	return (
		<>
			{props.command !== undefined ? (
				<Text wrap="truncate">
					: {sanitizeLine(props.command)}
					<Text inverse> </Text>
					<Text dimColor> {props.commandHint}</Text>
				</Text>
			) : (
				<Text dimColor wrap="truncate">
					{props.keys}
				</Text>
			)}
			<Text color={statusColor} wrap="truncate">
				{notice
					? cutAtWord(`${notice.tone === 'error' ? '! ' : notice.tone === 'ok' ? '✓ ' : ''}${sanitizeLine(notice.text)}`, props.width)
					: healthError
						? cutAtWord(`! ${sanitizeLine(healthError)}`, props.width)
						: lastEvent
							? `${formatClock(lastEvent.at)} ${componentName(lastEvent.component)} ${lastEvent.from} → ${lastEvent.to}`
							: ' '}
			</Text>
		</>
	);
}
