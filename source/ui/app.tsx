// The frame: header (environment, URL, version, health badge, last refresh, read-only),
// pane tabs, the active pane, footer (keys that work here, the latest error). Only the
// visible pane polls; the header's health polls always.
import React, {useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {Box, Text, useApp, useInput, useStdout, type Key} from 'ink';
import type {AirflowClient} from '../airflow/client.js';
import {usePoll, type Polled} from '../live/use-poll.js';
import {DEFAULT_THRESHOLDS, lagLevel, useHealthHistory, type Thresholds} from '../live/health-history.js';
import {ageOf, formatAge} from '../text/age.js';
import {sanitizeLine} from '../text/sanitize.js';
import {describeError} from '../airflow/errors.js';
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
import type {Safety} from '../config/connection.js';
import {ActionsContext, type Actions, type Tone} from './actions.js';
import {ConfirmDialog} from './dialogs/confirm.js';

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

function Header(props: {client: AirflowClient; label: string; safety: Safety; health: Polled<Health>; thresholds: Thresholds; width: number}) {
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
				<Text bold>windsock</Text> {props.safety.production ? <Text color={color('red')} bold inverse>{` PRODUCTION ${props.label} `}</Text> : <Text color={color('cyan')}>{props.label}</Text>} {client.http.baseUrl.host}
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

function HelpOverlay(props: {height: number; width: number}) {
	// border and title take 3 lines; two columns where one would not fit (80x24 leaves 15)
	const room = props.height - 3;
	const perColumn = KEYMAP.length > room ? Math.ceil(KEYMAP.length / 2) : KEYMAP.length;
	const columns = [KEYMAP.slice(0, perColumn), KEYMAP.slice(perColumn)].filter(part => part.length);
	const columnWidth = Math.floor((props.width - 4) / columns.length);
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>
				Keys <Text dimColor>(any key closes this help)</Text>
			</Text>
			<Box>
				{columns.map((bindings, index) => (
					<Box key={index} flexDirection="column" width={columnWidth} paddingRight={1}>
						{bindings.map(binding => (
							<Text key={binding.action} wrap="truncate">
								{binding.label.padEnd(8)} {binding.help}
								<Text dimColor>{binding.scope === 'global' ? '' : `  (${binding.scope === 'list' ? 'lists' : binding.scope})`}</Text>
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}

/** Where a trigger sends the console: this run, opened at its task instances. */
export type RunFocus = {dagId: string; runId: string; nonce: number};

export function App(props: {client: AirflowClient; label: string; safety?: Safety; refreshMs?: number; thresholds?: Thresholds}) {
	const {client} = props;
	const safety: Safety = props.safety ?? {readOnly: client.readOnly, production: false, confirm: true};
	const refreshMs = props.refreshMs ?? 5000;
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [pane, setPane] = useState<PaneName>('DAGs');
	const [help, setHelp] = useState(false);
	const [command, setCommand] = useState<string | undefined>(undefined);
	const [runsDag, setRunsDag] = useState<string | undefined>(undefined);
	const [runFocus, setRunFocus] = useState<RunFocus | undefined>(undefined);
	const [dialog, setDialog] = useState<ReactNode>(undefined);
	const [notice, setNotice] = useState<{text: string; tone: Tone} | undefined>(undefined);
	const [registry] = useState(() => new KeyRegistry());
	const health = usePoll(signal => client.health(signal), refreshMs, []);
	const history = useHealthHistory(health.data, health.fetchedAt);
	const thresholds = props.thresholds ?? DEFAULT_THRESHOLDS;
	const lastEvent = history.events.at(-1);

	// Keep the frame one line short of the terminal: Ink clears the whole screen (and the
	// scrollback) on every update once its output is as tall as the terminal.
	const paneHeight = Math.max(3, rows - 1 - CHROME_LINES);
	// a notice says what just happened; it gives way to the health line after a while
	useEffect(() => {
		if (!notice) return;
		const timer = setTimeout(() => setNotice(undefined), 10_000);
		return () => clearTimeout(timer);
	}, [notice]);

	const overlay = help || command !== undefined || dialog !== undefined;

	const actions = useMemo<Actions>(() => {
		const notify = (text: string, tone: Tone = 'info') => setNotice({text, tone});
		const close = () => setDialog(undefined);
		return {
			client,
			safety,
			show: setDialog,
			close,
			notify,
			allowed(what) {
				if (!client.readOnly) return true;
				notify(`read-only: ${what} is disabled (${props.label === 'url' || props.label === 'default' ? '--read-only or WINDSOCK_READ_ONLY' : `--read-only, WINDSOCK_READ_ONLY or profile ${props.label}`}); nothing was sent`, 'error');
				return false;
			},
			confirm(spec) {
				const only = spec.choices.length === 1 ? spec.choices[0] : undefined;
				if (!safety.confirm && only) {
					// a dev profile without confirmations: do it, and say what was done
					only.run().then(
						done => {
							notify(done, 'ok');
							spec.onDone?.();
						},
						(error: unknown) => notify(describeError(error), 'error'),
					);
					return;
				}
				setDialog(<ConfirmDialog spec={spec} width={columns} height={paneHeight} />);
			},
			openRun(dagId, runId) {
				setRunsDag(dagId);
				setRunFocus({dagId, runId, nonce: Date.now()});
				setPane('Runs');
			},
		};
	}, [client, safety.confirm, safety.production, columns, paneHeight]);

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
				} else if (dialog !== undefined) {
					registry.dispatch(char, charKey); // a dialog takes every key
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
			<ActionsContext.Provider value={actions}>
			<Box flexDirection="column" width={columns} height={rows - 1}>
				<Header client={client} label={props.label} safety={safety} health={health} thresholds={thresholds} width={columns} />
				<Tabs active={pane} width={columns} />
				<Box flexDirection="column" height={paneHeight} marginTop={1}>
					{help ? <HelpOverlay height={paneHeight} width={columns} /> : null}
					{dialog !== undefined && !help ? dialog : null}
					<Box display={help || dialog !== undefined ? 'none' : 'flex'} flexDirection="column">
						{pane === 'Health' ? <HealthPane health={health.data} generation={client.server.generation} history={history} thresholds={thresholds} width={columns} height={paneHeight} /> : null}
						{pane === 'DAGs' ? (
							<DagsPane
								{...paneProps}
								onOpen={dagId => {
									setRunsDag(dagId);
									setPane('Runs');
								}}
							/>
						) : null}
						{pane === 'Runs' ? <RunsPane {...paneProps} dagId={runsDag} focus={runFocus} onFocusTaken={() => setRunFocus(undefined)} onClearDag={() => setRunsDag(undefined)} /> : null}
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
				<Text color={notice ? color(notice.tone === 'error' ? 'red' : notice.tone === 'ok' ? 'green' : 'cyan') : health.error ? color('red') : lastEvent ? color(stateStyle(lastEvent.to).color) : undefined} wrap="truncate">
					{notice
						? `${notice.tone === 'error' ? '! ' : notice.tone === 'ok' ? '✓ ' : ''}${sanitizeLine(notice.text)}`
						: health.error
						? `! ${sanitizeLine(health.error)}`
						: lastEvent
							? `${new Date(lastEvent.at).toTimeString().slice(0, 8)} ${lastEvent.component} ${lastEvent.from} → ${lastEvent.to}`
							: ' '}
				</Text>
			</Box>
			</ActionsContext.Provider>
		</KeyRegistryContext.Provider>
	);
}
