// Health: each component's state and heartbeat age (ticking every second), the scheduler's
// heartbeat lag over the session as a sparkline, and the status changes seen so far.
import {Box, Text} from 'ink';
import {COMPONENTS, componentName, statusWords} from '../../airflow/components.js';
import type {ApiGeneration, Health} from '../../airflow/model.js';
import {lagLevel, sparkline, type HealthHistory, type Thresholds} from '../../live/health-history.js';
import {ageOf, formatAge} from '../../text/age.js';
import {color, stateStyle} from '../theme.js';
import {useNow} from '../use-now.js';
import type {PaneDefinition} from './pane.js';
import {formatClock} from '../../text/time.js';

const LEVEL_COLOR = {ok: 'green', warning: 'yellow', critical: 'red', unknown: 'gray'} as const;

/**
 * What of the Health pane fits `height` rows: the header and every component always, then the
 * lag line, its sparkline, the events (a heading and at least one), the blank lines between
 * them last. At 60x15 (9 rows) everything but the blanks shows, one event; without this the
 * rows were squeezed onto each other (the header under the first component).
 */
export function healthLayout(height: number, components: number): {lag: boolean; sparkline: boolean; events: number; gaps: boolean} {
	let left = height - 1 - components;
	const lag = left >= 1;
	if (lag) left--;
	const sparkline = left >= 1;
	if (sparkline) left--;
	const section = left >= 2;
	if (section) left--; // the heading
	const gaps = section && left >= 3;
	if (gaps) left -= 2;
	return {lag, sparkline, events: section ? Math.max(1, left) : 0, gaps};
}

export function HealthPane(props: {health: Health | undefined; generation?: ApiGeneration; history: HealthHistory; thresholds: Thresholds; width: number; height: number}) {
	const now = useNow();
	if (!props.health) return <Text dimColor>waiting for the first answer…</Text>;
	const lag = ageOf(props.health.scheduler.latestHeartbeat, now);
	const level = lagLevel(lag === undefined ? undefined : lag / 1000, props.thresholds);
	const layout = healthLayout(props.height, COMPONENTS.length);
	const events = layout.events ? props.history.events.slice(-layout.events) : [];
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">
				{'  component        status                        heartbeat'}
			</Text>
			{COMPONENTS.map(({key, name}) => {
				const component = props.health![key];
				const style = stateStyle(component.status);
				const age = ageOf(component.latestHeartbeat, now);
				return (
					<Text key={key} wrap="truncate">
						{'  '}
						{name.padEnd(17)}
						<Text color={color(style.color)}>{`${style.symbol} ${statusWords(key, component.status, props.generation)}`.padEnd(30)}</Text>
						{age === undefined ? '' : `${formatAge(age)} ago`}
					</Text>
				);
			})}
			{layout.gaps ? <Text> </Text> : null}
			{layout.lag ? (
				<Text wrap="truncate">
					{'  scheduler heartbeat lag '}
					<Text color={color(LEVEL_COLOR[level])}>{level === 'unknown' ? 'unknown' : `${level} (${formatAge(lag!)})`}</Text>
					<Text dimColor>{`  warn ${props.thresholds.warnSeconds}s, critical ${props.thresholds.critSeconds}s`}</Text>
				</Text>
			) : null}
			{layout.sparkline ? (
				<Text wrap="truncate">
					{'  '}
					<Text color={color('cyan')}>{sparkline(props.history.lags, Math.max(10, props.width - 4), props.thresholds.critSeconds) || ' '}</Text>
				</Text>
			) : null}
			{layout.gaps ? <Text> </Text> : null}
			{layout.events ? <Text bold>{'  events this session'}</Text> : null}
			{layout.events && events.length === 0 ? <Text dimColor>{'  no status changes seen'}</Text> : null}
			{events.map(event => (
				<Text key={`${event.at}-${event.component}`} wrap="truncate">
					{'  '}
					{formatClock(event.at)} {componentName(event.component)}: {event.from} → <Text color={color(stateStyle(event.to).color)}>{event.to}</Text>
				</Text>
			))}
		</Box>
	);
}

export const healthPane: PaneDefinition = {
	id: 'health',
	name: 'Health',
	short: 'Health',
	render: context => (
		<HealthPane health={context.health.data} generation={context.client.server.generation} history={context.history} thresholds={context.thresholds} width={context.width} height={context.height} />
	),
};
