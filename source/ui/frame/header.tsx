// The header: what matters most comes first, so a narrow terminal cuts the least important
// part (the clock, the version, the host), never PRODUCTION, READ-ONLY or the scheduler.
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {Health} from '../../airflow/model.js';
import type {Safety} from '../../config/connection.js';
import {lagLevel, type Thresholds} from '../../live/health-history.js';
import type {Polled} from '../../live/use-poll.js';
import {ageOf, formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {color, stateStyle} from '../theme.js';
import {useNow} from '../use-now.js';
import {formatClock} from '../../text/time.js';
import {healthIsStale, waitingWords} from '../../live/liveness.js';
import {TRIAGE_ALARMS, TRIAGE_WARNINGS, usePaneBadge} from '../pane-badges.js';

export function Header(props: {client: AirflowClient; label: string; safety: Safety; health: Polled<Health>; thresholds: Thresholds; width: number}) {
	const {client, health} = props;
	// the heartbeat age ticks here, so only the header re-renders every second, not the panes
	const now = useNow();
	const scheduler = health.data?.scheduler;
	const beat = ageOf(scheduler?.latestHeartbeat, now);
	// a healthy status with a heartbeat older than the thresholds is a warning all the same;
	// but while the health answer itself is failing or stalled, an old heartbeat is our stall,
	// not the scheduler's: it shows '?' rather than blaming it
	const stale = healthIsStale(health, now);
	const level = lagLevel(beat === undefined ? undefined : beat / 1000, props.thresholds);
	const style = stale
		? stateStyle('unknown')
		: scheduler?.status === 'healthy' && level !== 'ok' && level !== 'unknown'
			? {color: level === 'critical' ? 'red' : 'yellow', symbol: '▲'}
			: stateStyle(scheduler?.status);
	const waiting = waitingWords(health.waitingSince, now);
	// red with the count while Triage lists an alarm, yellow while only warnings: one glance from
	// any pane says whether to look there
	const alarms = usePaneBadge(TRIAGE_ALARMS);
	const warnings = usePaneBadge(TRIAGE_WARNINGS);
	const refreshed = health.fetchedAt ? formatClock(health.fetchedAt) : '—';
	return (
		<Box width={props.width}>
			<Text wrap="truncate">
				<Text bold>windsock</Text>{' '}
				{props.safety.production ? <Text color={color('red')} bold inverse>{` PRODUCTION ${sanitizeLine(props.label)} `}</Text> : <Text color={color('cyan')}>{sanitizeLine(props.label)}</Text>}
				{client.http.insecure ? (
					<Text color={color('red')} bold>
						{' TLS NOT VERIFIED'}
					</Text>
				) : null}
				{client.readOnly ? <Text color={color('yellow')}> READ-ONLY</Text> : null}
				{/* four cells: at 80 columns the version must still fit */}
				{alarms ? <Text color={color('red')} bold>{` ✖${alarms}`}</Text> : warnings ? <Text color={color('yellow')} bold>{` ▲${warnings}`}</Text> : null}
				{'  '}scheduler{' '}
				<Text color={color(style.color)}>
					{style.symbol} {stale ? 'no answer' : (scheduler?.status ?? '…')}
				</Text>
				{beat !== undefined ? ` ${formatAge(beat)}` : ''}
				{'  '}
				{client.http.baseUrl.host}
				{'  '}Airflow {sanitizeLine(client.server.version)} ({client.server.generation}){'  '}
				{/* the age of the newest data, and why it is old */}
				<Text dimColor>{waiting ?? (health.error ? `stale ${health.fetchedAt ? formatAge(now - health.fetchedAt) : ''}` : `at ${refreshed}`)}</Text>
			</Text>
		</Box>
	);
}
