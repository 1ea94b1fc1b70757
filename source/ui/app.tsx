// The frame: header (environment, URL, version, health badge, last refresh, read-only),
// pane tabs, the active pane, footer (keys that work here, the latest error). Only the
// visible pane polls; the header's health polls always.
import React, {useEffect, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout, type Key} from 'ink';
import type {AirflowClient} from '../airflow/client.js';
import {usePoll, type Polled} from '../live/use-poll.js';
import {DEFAULT_THRESHOLDS, lagLevel, useHealthHistory, type Thresholds} from '../live/health-history.js';
import {ageOf, formatAge} from '../text/age.js';
import {sanitizeLine} from '../text/sanitize.js';
import {actionFor, KEYMAP} from './keymap.js';
import {KeyRegistry, KeyRegistryContext} from './keys.js';
import {useNow} from './use-now.js';
import {editLine, keysOf} from './line-edit.js';
import {ConfigPane} from './panes/config.js';
import {ConnectionsPane} from './panes/connections.js';
import {DagsPane} from './panes/dags.js';
import {HealthPane} from './panes/health.js';
import {ImportErrorsPane} from './panes/import-errors.js';
import {PoolsPane} from './panes/pools.js';
import {RunsPane} from './panes/runs.js';
import {VariablesPane} from './panes/variables.js';
import {color, stateStyle} from './theme.js';
import type {Health} from '../airflow/model.js';

const PANES = ['Health', 'DAGs', 'Runs', 'Variables', 'Connections', 'Pools', 'Import errors', 'Config'] as const;
type PaneName = (typeof PANES)[number];
const SHORT: Record<PaneName, string> = {Health: 'Health', DAGs: 'DAGs', Runs: 'Runs', Variables: 'Vars', Connections: 'Conns', Pools: 'Pools', 'Import errors': 'Errors', Config: 'Config'};

/** Lines the frame uses around a pane: header, tabs, footer keys, footer status. */
const CHROME_LINES = 5;

function useTerminalSize(): {columns: number; rows: number} {
	const {stdout} = useStdout();
	const read = () => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

function Header(props: {client: AirflowClient; label: string; health: Polled<Health>; thresholds: Thresholds; width: number}) {
	const {client, health} = props;
	// the heartbeat age ticks here, so only the header re-renders every second, not the panes
	const now = useNow();
	const scheduler = health.data?.scheduler;
	const beat = ageOf(scheduler?.latestHeartbeat, now);
	// a healthy status with a heartbeat older than the thresholds is a warning all the same
	const level = lagLevel(beat === undefined ? undefined : beat / 1000, props.thresholds);
	const style = scheduler?.status === 'healthy' && level !== 'ok' && level !== 'unknown' ? {color: level === 'critical' ? 'red' : 'yellow', symbol: '▲'} : stateStyle(scheduler?.status);
	const refreshed = health.fetchedAt ? new Date(health.fetchedAt).toTimeString().slice(0, 8) : '—';
	return (
		<Box width={props.width}>
			<Text wrap="truncate">
				<Text bold>windsock</Text> <Text color={color('cyan')}>{props.label}</Text> {client.http.baseUrl.host}
				{'  '}Airflow {sanitizeLine(client.server.version)} ({client.server.generation})
				{'  '}scheduler <Text color={color(style.color)}>{style.symbol} {scheduler?.status ?? '…'}</Text>
				{beat !== undefined ? ` ${formatAge(beat)}` : ''}
				{'  '}
				<Text dimColor>
					{health.error ? `stale ${health.fetchedAt ? formatAge(now - health.fetchedAt) : ''}` : `at ${refreshed}`}
				</Text>
				{client.readOnly ? <Text color={color('yellow')}> READ-ONLY</Text> : null}
			</Text>
		</Box>
	);
}

function Tabs(props: {active: PaneName; width: number}) {
	const short = props.width < 110;
	return (
		<Text wrap="truncate">
			{PANES.map((name, index) => (
				<Text key={name} inverse={name === props.active}>
					{` ${index + 1} ${short ? SHORT[name] : name} `}
				</Text>
			))}
		</Text>
	);
}

function HelpOverlay() {
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>Keys</Text>
			{KEYMAP.map(binding => (
				<Text key={binding.action}>
					{binding.label.padEnd(8)} {binding.help}
					<Text dimColor>{binding.scope === 'global' ? '' : `  (${binding.scope === 'list' ? 'lists' : binding.scope})`}</Text>
				</Text>
			))}
			<Text dimColor>any key closes this help</Text>
		</Box>
	);
}

export function App(props: {client: AirflowClient; label: string; refreshMs?: number; thresholds?: Thresholds}) {
	const {client} = props;
	const refreshMs = props.refreshMs ?? 5000;
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [pane, setPane] = useState<PaneName>('DAGs');
	const [help, setHelp] = useState(false);
	const [command, setCommand] = useState<string | undefined>(undefined);
	const [runsDag, setRunsDag] = useState<string | undefined>(undefined);
	const [registry] = useState(() => new KeyRegistry());
	const health = usePoll(signal => client.health(signal), refreshMs, []);
	const history = useHealthHistory(health.data, health.fetchedAt);
	const thresholds = props.thresholds ?? DEFAULT_THRESHOLDS;
	const lastEvent = history.events.at(-1);

	// Keep the frame one line short of the terminal: Ink clears the whole screen (and the
	// scrollback) on every update once its output is as tall as the terminal.
	const paneHeight = Math.max(3, rows - 1 - CHROME_LINES);
	const overlay = help || command !== undefined;

	/** `:name`: a pane by (a prefix of) its name, otherwise the runs of the DAG with that id. */
	const runCommand = (text: string) => {
		const wanted = text.trim().toLowerCase();
		if (!wanted) return;
		const target = PANES.find(name => name.toLowerCase().startsWith(wanted) || SHORT[name].toLowerCase() === wanted);
		if (target) return setPane(target);
		setRunsDag(text.trim());
		setPane('Runs');
	};

	// The `:` line and the help overlay live in refs too: within one chunk of keys (":etl\r",
	// "?xq") each key must see what the keys before it did, before React re-renders.
	const commandRef = useRef<string | undefined>(undefined);
	const helpRef = useRef(false);

	const onKey = (input: string, key: Key) => {
		const binding = actionFor(input, key, ['global']);
		if (!binding) return;
		switch (binding.action) {
			case 'quit':
				return exit();
			case 'help':
				helpRef.current = true;
				return setHelp(true);
			case 'pane': {
				const next = PANES[Number(input) - 1];
				if (next) setPane(next);
				return;
			}
			case 'next-pane':
			case 'previous-pane': {
				const step = binding.action === 'next-pane' ? 1 : PANES.length - 1;
				return setPane(PANES[(PANES.indexOf(pane) + step) % PANES.length]!);
			}
			case 'refresh':
				return health.refresh();
			default:
				return;
		}
	};
	useInput(
		(input, key) => {
			for (const [char, charKey] of keysOf(input, key)) {
				const open = commandRef.current;
				if (open !== undefined) {
					const edit = editLine(open, char, charKey);
					commandRef.current = edit.done ? undefined : edit.value;
					if (edit.done === 'submit') runCommand(edit.value);
				} else if (helpRef.current) {
					helpRef.current = false; // any key closes the help
					setHelp(false);
				} else if (!registry.dispatch(char, charKey)) {
					if (actionFor(char, charKey, ['global'])?.action === 'command') commandRef.current = '';
					else onKey(char, charKey);
				}
			}
			setCommand(commandRef.current);
		},
	);

	const paneProps = {client, active: !overlay, height: paneHeight, width: columns, refreshMs};
	const keysHere = KEYMAP.filter(binding => ['quit', 'help', 'pane', 'command', 'down', 'filter', 'open'].includes(binding.action) || (pane === 'DAGs' && binding.scope === 'dags'))
		.map(binding => `${binding.label} ${binding.help.split(/[ :]/)[0]}`)
		.join('  ');

	return (
		<KeyRegistryContext.Provider value={registry}>
			<Box flexDirection="column" width={columns} height={rows - 1}>
				<Header client={client} label={props.label} health={health} thresholds={thresholds} width={columns} />
				<Tabs active={pane} width={columns} />
				<Box flexDirection="column" height={paneHeight} marginTop={1}>
					{help ? <HelpOverlay /> : null}
					<Box display={help ? 'none' : 'flex'} flexDirection="column">
						{pane === 'Health' ? <HealthPane health={health.data} history={history} thresholds={thresholds} width={columns} height={paneHeight} /> : null}
						{pane === 'DAGs' ? (
							<DagsPane
								{...paneProps}
								onOpen={dagId => {
									setRunsDag(dagId);
									setPane('Runs');
								}}
							/>
						) : null}
						{pane === 'Runs' ? <RunsPane {...paneProps} dagId={runsDag} onClearDag={() => setRunsDag(undefined)} /> : null}
						{pane === 'Variables' ? <VariablesPane {...paneProps} /> : null}
						{pane === 'Connections' ? <ConnectionsPane {...paneProps} /> : null}
						{pane === 'Pools' ? <PoolsPane {...paneProps} /> : null}
						{pane === 'Import errors' ? <ImportErrorsPane {...paneProps} /> : null}
						{pane === 'Config' ? <ConfigPane {...paneProps} /> : null}
					</Box>
				</Box>
				{command !== undefined ? (
					<Text wrap="truncate">
						: {sanitizeLine(command)}
						<Text inverse> </Text>
						<Text dimColor> a pane (runs, vars, config…) or a DAG id; Enter go, Esc cancel</Text>
					</Text>
				) : (
					<Text dimColor wrap="truncate">
						{keysHere}
					</Text>
				)}
				<Text color={health.error ? color('red') : lastEvent ? color(stateStyle(lastEvent.to).color) : undefined} wrap="truncate">
					{health.error
						? `! ${sanitizeLine(health.error)}`
						: lastEvent
							? `${new Date(lastEvent.at).toTimeString().slice(0, 8)} ${lastEvent.component} ${lastEvent.from} → ${lastEvent.to}`
							: ' '}
				</Text>
			</Box>
		</KeyRegistryContext.Provider>
	);
}
