// The frame: header (environment, URL, version, health badge, last refresh, read-only),
// pane tabs, the active pane, footer (keys that work here, the latest error). Only the
// visible pane polls; the header's health polls always.
import React, {useEffect, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout, type Key} from 'ink';
import TextInput from 'ink-text-input';
import type {AirflowClient} from '../airflow/client.js';
import {usePoll, type Polled} from '../live/use-poll.js';
import {ageOf, formatAge} from '../text/age.js';
import {sanitizeLine} from '../text/sanitize.js';
import {actionFor, KEYMAP} from './keymap.js';
import {DagsPane, PAUSED_FILTERS, type PausedFilter} from './panes/dags.js';
import {HealthPane} from './panes/health.js';
import {color, stateStyle} from './theme.js';
import type {Health} from '../airflow/model.js';

const PANES = ['Health', 'DAGs'] as const;
type PaneName = (typeof PANES)[number];

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

function useNow(intervalMs = 1000): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return now;
}

function Header(props: {client: AirflowClient; label: string; health: Polled<Health>; now: number; width: number}) {
	const {client, health, now} = props;
	const scheduler = health.data?.scheduler;
	const style = stateStyle(scheduler?.status);
	const beat = ageOf(scheduler?.latestHeartbeat, now);
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

function Tabs(props: {active: PaneName}) {
	return (
		<Text>
			{PANES.map((name, index) => (
				<Text key={name} inverse={name === props.active}>
					{` ${index + 1} ${name} `}
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
					<Text dimColor>{binding.scope === 'list' ? '  (lists)' : ''}</Text>
				</Text>
			))}
			<Text dimColor>any key closes this help</Text>
		</Box>
	);
}

export function App(props: {client: AirflowClient; label: string; refreshMs?: number}) {
	const {client} = props;
	const refreshMs = props.refreshMs ?? 5000;
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const now = useNow();
	const [pane, setPane] = useState<PaneName>('DAGs');
	const [help, setHelp] = useState(false);
	const [selected, setSelected] = useState(0);
	const [filter, setFilter] = useState('');
	const [draft, setDraft] = useState<string | undefined>(undefined);
	const [paused, setPaused] = useState<PausedFilter>('all');

	// Keep the frame one line short of the terminal: Ink clears the whole screen (and the
	// scrollback) on every update once its output is as tall as the terminal.
	const paneHeight = Math.max(3, rows - 1 - CHROME_LINES);
	const pageSize = Math.max(1, paneHeight - 2);
	const pageStart = Math.floor(selected / pageSize) * pageSize;

	const health = usePoll(signal => client.health(signal), refreshMs, []);
	const dags = usePoll(
		signal => (pane === 'DAGs' ? client.listDags({limit: pageSize, offset: pageStart, pattern: filter || undefined, paused: paused === 'all' ? undefined : paused === 'paused'}, signal) : Promise.resolve(undefined)),
		refreshMs,
		[pane, pageSize, pageStart, filter, paused],
	);
	const total = dags.data?.total ?? 0;

	useEffect(() => {
		if (dags.data && selected > Math.max(0, total - 1)) setSelected(Math.max(0, total - 1));
	}, [dags.data, total, selected]);

	const onKey = (input: string, key: Key) => {
		if (help) {
			setHelp(false);
			return;
		}
		const binding = actionFor(input, key, pane === 'DAGs' ? ['global', 'list'] : ['global']);
		if (!binding) return;
		// functional updates: several keys of one chunk are handled before React re-renders
		const clamp = (to: number) => Math.max(0, Math.min(Math.max(0, total - 1), to));
		const move = (delta: number) => setSelected(current => clamp(current + delta));
		const jump = (to: number) => setSelected(clamp(to));
		switch (binding.action) {
			case 'quit':
				exit();
				return;
			case 'help':
				setHelp(true);
				return;
			case 'pane': {
				const next = PANES[Number(input) - 1];
				if (next) setPane(next);
				return;
			}
			case 'next-pane':
			case 'previous-pane': {
				const step = binding.action === 'next-pane' ? 1 : PANES.length - 1;
				setPane(PANES[(PANES.indexOf(pane) + step) % PANES.length]!);
				return;
			}
			case 'refresh':
				health.refresh();
				dags.refresh();
				return;
			case 'down':
				return move(1);
			case 'up':
				return move(-1);
			case 'top':
				return jump(0);
			case 'bottom':
				return jump(total - 1);
			case 'page-down':
				return move(pageSize);
			case 'page-up':
				return move(-pageSize);
			case 'filter':
				setDraft(filter);
				return;
			case 'toggle-paused-filter':
				setPaused(PAUSED_FILTERS[(PAUSED_FILTERS.indexOf(paused) + 1) % PAUSED_FILTERS.length]!);
				setSelected(0);
				return;
			case 'back':
				if (filter) {
					setFilter('');
					setSelected(0);
				}
				return;
		}
	};
	useInput(
		(input, key) => {
			// Keys typed fast (or over a slow SSH link) can arrive as one chunk, "jjj": each counts.
			if (input.length > 1 && !key.ctrl && !key.meta) {
				for (const char of input) onKey(char, key);
			} else {
				onKey(input, key);
			}
		},
		{isActive: draft === undefined},
	);

	// while the filter is typed, only Esc (cancel) is a key; everything else is text
	useInput(
		(_, key) => {
			if (key.escape) setDraft(undefined);
		},
		{isActive: draft !== undefined},
	);

	const keysHere = KEYMAP.filter(binding => binding.scope === 'global' || pane === 'DAGs')
		.filter(binding => ['quit', 'help', 'pane', 'refresh', 'down', 'filter', 'toggle-paused-filter'].includes(binding.action))
		.map(binding => `${binding.label} ${binding.help.split(' ')[0]}`)
		.join('  ');
	const error = pane === 'DAGs' ? (dags.error ?? health.error) : health.error;

	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<Header client={client} label={props.label} health={health} now={now} width={columns} />
			<Tabs active={pane} />
			<Box flexDirection="column" height={paneHeight} marginTop={1}>
				{help ? (
					<HelpOverlay />
				) : pane === 'Health' ? (
					<HealthPane health={health.data} now={now} />
				) : (
					<DagsPane page={dags.data} offset={pageStart} selected={selected} height={paneHeight} width={columns} filter={filter} paused={paused} />
				)}
			</Box>
			{draft !== undefined ? (
				<Box>
					<Text>/ </Text>
					<TextInput
						value={draft}
						onChange={setDraft}
						onSubmit={value => {
							setFilter(value.trim());
							setSelected(0);
							setDraft(undefined);
						}}
					/>
					<Text dimColor> Enter apply, Esc cancel</Text>
				</Box>
			) : (
				<Text dimColor wrap="truncate">
					{keysHere}
				</Text>
			)}
			<Text color={error ? color('red') : undefined} wrap="truncate">
				{error ? `! ${sanitizeLine(error)}` : ' '}
			</Text>
		</Box>
	);
}
