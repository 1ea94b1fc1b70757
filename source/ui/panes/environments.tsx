// Environments: every profile with its live health, version, failed runs (24h) and import
// errors, probed a few at a time while this pane is shown (live/environment-monitor.ts);
// Enter switches the console to the selected one (as `:env NAME` does). The rows are the
// monitor's: this list reads them, it sends nothing itself.
import {useEffect, useMemo, useSyncExternalStore} from 'react';
import {Text} from 'ink';
import {environmentVerdict} from '../../live/environment-verdict.js';
import type {EnvironmentRow} from '../../live/environment-monitor.js';
import {formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {LEVEL_COLOR, LEVEL_WORD} from '../../commands/environments-table.js';
import {ListPane, pageOf} from '../components/list-pane.js';
import type {Cell} from '../components/windowed-table.js';
import {useActions} from '../actions.js';
import {useEnvironments} from '../environments.js';
import {useRefreshKey} from '../refresh.js';
import {stateStyle} from '../theme.js';
import type {PaneContext, PaneDefinition} from './pane.js';
import type {Health} from '../../airflow/model.js';
import {healthVerdict} from '../../live/health-verdict.js';
import {countFailures} from '../../live/environment-probe.js';
import {usePoll, type Polled} from '../../live/use-poll.js';
import type {Thresholds} from '../../live/health-history.js';

const count = (value: number | undefined): Cell => (value === undefined ? {text: '?', color: 'gray'} : {text: String(value), color: value > 0 ? 'red' : undefined});

const component = (status: string | undefined): Cell => (status ? {text: `${stateStyle(status).symbol} ${status}`, color: stateStyle(status).color} : {text: '?', color: 'gray'});

function statusCell(row: EnvironmentRow): Cell {
	if (!row.probe) return {text: row.checking ? 'checking…' : 'waiting', color: 'gray'};
	const {level} = environmentVerdict(row.probe);
	return {text: LEVEL_WORD[level], color: LEVEL_COLOR[level], bold: level !== 'ok'};
}

function whyText(row: EnvironmentRow, now: number): string {
	if (!row.probe) return '';
	const reasons = environmentVerdict(row.probe).reasons.join('; ');
	const age = `${formatAge(now - row.probe.checkedAt)} ago${row.checking ? ', checking' : ''}`;
	return sanitizeLine(reasons ? `${reasons} (${age})` : age);
}

/**
 * The connection on screen as the pane's one row when there is no profile file (WINDSOCK_URL
 * or --url): its health and version from the frame's own poll, nothing probed; the runs are
 * not counted ("?"). Pure: unit-tested.
 */
export function currentConnectionRow(
	connection: {name: string; url: string; production: boolean; readOnly: boolean; version: string; generation: 'v1' | 'v2'},
	health: Health | undefined,
	fetchedAt: number | undefined,
	thresholds: Thresholds,
	counts: Polled<{failedRuns: number; importErrors: number} | undefined>,
): EnvironmentRow {
	const {name, url, production, readOnly, version, generation} = connection;
	const verdict = health ? healthVerdict(health, thresholds) : undefined;
	return {
		profile: {name, url, production, readOnly, insecure: false, confirm: true},
		probe: {
			name,
			url,
			production,
			version,
			generation,
			...(health && verdict ? {health: {level: verdict.level, reasons: verdict.reasons, scheduler: health.scheduler.status, dagProcessor: health.dagProcessor.status}} : {}),
			...(counts.data ? counts.data : {runsError: counts.error ?? 'not read yet'}),
			checkedAt: fetchedAt ?? Date.now(),
		},
		checking: false,
	};
}

export function EnvironmentsPane(props: PaneContext) {
	const environments = useEnvironments();
	const actions = useActions();
	const monitor = environments?.monitor;
	const version = useSyncExternalStore(monitor?.subscribe ?? noSubscribe, monitor?.version ?? zero);
	// probes run while the pane is shown; hidden, it keeps its rows and asks nothing
	useEffect(() => {
		monitor?.setActive(props.active);
		return () => monitor?.setActive(false);
	}, [monitor, props.active]);
	// `r` probes every environment now, not only re-reads the rows
	useRefreshKey(() => {
		if (props.active) monitor?.refresh();
	});
	const current = environments?.current ?? 'url';
	// after a switch (a new frame) the cursor goes to the environment now on screen, marked ●
	const locate = useMemo(() => ({token: {}, test: (row: EnvironmentRow) => row.profile.name === current}), [current]);
	const {client} = props;
	// no profile file: this connection's failures counted here, while the pane is shown
	const counts = usePoll(signal => (monitor ? Promise.resolve(undefined) : countFailures(client, signal)), monitor || !props.active ? 0 : props.refreshMs, [monitor === undefined]);
	const single = monitor
		? undefined
		: currentConnectionRow(
				{name: current, url: String(client.http.baseUrl), production: false, readOnly: client.readOnly, version: client.server.version, generation: client.server.generation},
				props.health.data,
				props.health.fetchedAt,
				props.thresholds,
				counts,
			);
	return (
		<ListPane<EnvironmentRow>
			active={props.active}
			height={props.height}
			width={props.width}
			refreshMs={0}
			// the one row is made anew on every render: read it again only when its data changes
			reloadKey={monitor ? version : `${props.health.fetchedAt ?? ''}:${counts.fetchedAt ?? ''}:${counts.error ?? ''}:${current}`}
			locate={locate}
			fetchPage={async query => pageOf(monitor ? monitor.rows() : [single!], query, row => `${row.profile.name} ${row.profile.url}`)}
			filterLabel="name or URL"
			columns={width => [
				{
					header: 'environment',
					width: Math.min(20, Math.max(12, Math.floor(width / 5))),
					cell: row => ({text: `${row.profile.name === current ? '● ' : '  '}${sanitizeLine(row.profile.name)}`, bold: row.profile.name === current, color: row.probe?.production ? 'red' : undefined}),
				},
				{header: 'status', width: 9, cell: statusCell},
				{header: 'scheduler', width: 11, cell: row => component(row.probe?.health?.scheduler)},
				...(width >= 90 ? [{header: 'dag_processor', width: 14, cell: (row: EnvironmentRow) => component(row.probe?.health?.dagProcessor)}] : []),
				{header: 'version', width: 8, cell: row => (row.probe?.version ? {text: sanitizeLine(row.probe.version)} : {text: '?', color: 'gray'})},
				{header: 'failed', width: 6, cell: row => count(row.probe?.failedRuns)},
				{header: 'errors', width: 6, cell: row => count(row.probe?.importErrors)},
				{header: 'why', width: 0, cell: row => ({text: whyText(row, Date.now()), color: 'gray'})},
			]}
			note={
				monitor ? (
					<Text dimColor>failed: runs failed in the last 24h; Enter or :env NAME switches</Text>
				) : (
					<Text dimColor>no profile file: this connection only; `windsock profiles add` adds one to switch to</Text>
				)
			}
			empty="no profiles in the profile file"
			onEnter={row => {
				const refused = environments ? environments.switchTo(row.profile.name, environmentsPane.id) : `already on ${current}`;
				if (refused) actions.notify(refused, 'error');
			}}
		/>
	);
}

const noSubscribe = () => () => {};
const zero = () => 0;

export const environmentsPane: PaneDefinition = {id: 'environments', name: 'Environments', short: 'Envs', render: context => <EnvironmentsPane {...context} />};
