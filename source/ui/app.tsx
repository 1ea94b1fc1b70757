// The frame: header, tabs (from the pane registry), the active pane, footer (the keys that
// work here, from the bindings on offer, and one status line), and the overlays: `?` help,
// the `:` line, a dialog. Only the visible pane polls; the header's health polls always.
// Keys: one listener splits each chunk into keys and hands them, innermost first, to the
// key registry, whose dispatcher enforces read-only for every binding that mutates.
import {Fragment, memo, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore, type ReactNode} from 'react';
import {Box, useApp, useInput, type Key} from 'ink';
import type {AirflowClient} from '../airflow/client.js';
import {AirflowError, describeError} from '../airflow/errors.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Safety} from '../config/connection.js';
import {DEFAULT_THRESHOLDS, type Thresholds} from '../live/health-history.js';
import {useHealthHistory} from '../live/use-health-history.js';
import {takeEarlyHealth} from '../live/early-start.js';
import {usePoll} from '../live/use-poll.js';
import {ActionsContext, type Actions, type Tone} from './actions.js';
import {bind} from './bindings.js';
import {commandTarget, completeCommand, dagCommandOutcome, paneCandidates} from './command-line.js';
import {ConfirmDialog} from './dialogs/confirm.js';
import {LinkDialog} from './dialogs/link.js';
import {copyText, type TerminalControl} from './clipboard.js';
import {webLink} from '../airflow/web-links.js';
import {Footer, footerKeys} from './frame/footer.js';
import {Header} from './frame/header.js';
import {HelpOverlay} from './frame/help-overlay.js';
import {clampHelpTop, helpRows, type HelpRow} from './frame/help-rows.js';
import {Tabs} from './frame/tabs.js';
import {useTerminalSize} from './frame/use-terminal-size.js';
import {KeyDepth, KeyRegistry, KeyRegistryContext, useBindings} from './keys.js';
import {actionFor} from './keymap.js';
import {editLine, keysOf} from './line-edit.js';
import {initialNavigation, keepsNotice, navigate, type Navigation, type NavigationEvent} from './navigation.js';
import {useEnvironments} from './environments.js';
import {FIRST_PANE, paneById, PANES} from './panes/registry.js';
import {RefreshContext} from './refresh.js';
import {PaneSizeContext} from './pane-size.js';

/** Lines the frame uses around a pane: header, tabs, margin, footer keys, footer status. */
const CHROME_LINES = 5;
/** DAG ids asked for a Tab on the `:` line: more than this are not completed, only narrowed. */
const DAG_COMPLETIONS = 50;

/** Bindings that only move or mark within what is drawn: the next key needs no redraw first. */
const STAYS: ReadonlySet<string> = new Set(['down', 'up', 'top', 'bottom', 'page-down', 'page-up', 'reveal', 'follow', 'toggle-paused-filter', 'refresh', 'filter']);

/** Why a mutating key does nothing, naming the switch that made this console read-only. */
function readOnlyWhy(label: string): string {
	return label === 'url' || label === 'default' ? '--read-only or WINDSOCK_READ_ONLY' : `--read-only, WINDSOCK_READ_ONLY or profile ${label}`;
}

/**
 * A visited pane. While it is hidden it is not rendered again for the frame's sake (its own
 * state and contexts still update it): a key or a health tick rendered every pane visited so
 * far, nine hidden tables among them, and a pane switch took 30-70 ms (#12). It renders when
 * it is shown, and once more as it is hidden, to hear that it is no longer active (hidden
 * means inactive: another pane, help or a dialog is on screen).
 */
const VisitedPane = memo(
	function VisitedPane(props: {shown: boolean; render: () => ReactNode}) {
		return <>{props.render()}</>;
	},
	(previous, next) => !previous.shown && !next.shown,
);

export function App(props: {
	client: AirflowClient;
	label: string;
	safety?: Safety;
	refreshMs?: number;
	thresholds?: Thresholds;
	firstPane?: string;
	/** the terminal beside the frame, for OSC 52 (clipboard.ts); none: copying says it cannot */
	terminalControl?: TerminalControl;
}) {
	const {client} = props;
	const safety: Safety = props.safety ?? {readOnly: client.readOnly, production: false, confirm: true};
	const refreshMs = props.refreshMs ?? 5000;
	const thresholds = props.thresholds ?? DEFAULT_THRESHOLDS;
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	// the navigation lives in a ref too: a key sees where the key before it left the console
	const navRef = useRef<Navigation>(initialNavigation(props.firstPane ?? FIRST_PANE));
	const [nav, setNav] = useReducer((_: Navigation, next: Navigation) => next, navRef.current);
	const go = (event: NavigationEvent) => {
		const before = navRef.current;
		navRef.current = navigate(before, event);
		setNav(navRef.current);
		if (!keepsNotice(event, before, navRef.current)) setNotice(undefined);
	};
	// the rows are taken when `?` is pressed: once help is open, the pane's keys are not on offer
	const [help, setHelp] = useState<{top: number; rows: HelpRow[]} | undefined>(undefined);
	const [command, setCommand] = useState<string | undefined>(undefined);
	const [dialog, setDialogState] = useState<ReactNode>(undefined);
	// in a ref too, so the key right after the one that opened it goes to it
	const dialogRef = useRef<ReactNode>(undefined);
	// each dialog a fresh key: a second dialog must not inherit the first one's state
	const dialogCount = useRef(0);
	const setDialog = (next: ReactNode) => {
		const keyed = next === undefined ? undefined : <Fragment key={++dialogCount.current}>{next}</Fragment>;
		dialogRef.current = keyed;
		setDialogState(keyed);
		// a dialog that arrives after a server call (a dry run) while help is open: help gives
		// way, or the dialog would be hidden and no key would reach anything
		if (keyed !== undefined && helpRef.current) {
			helpRef.current = undefined;
			setHelp(undefined);
		}
	};
	const [notice, setNotice] = useState<{text: string; tone: Tone} | undefined>(undefined);
	const [refreshTick, setRefreshTick] = useState(0);
	const [registry] = useState(() => new KeyRegistry());
	const environments = useEnvironments();
	// the first read may have been sent while the console loaded (live/early-start.ts)
	const health = usePoll(signal => takeEarlyHealth(client) ?? client.health(signal), refreshMs, [refreshTick]);
	const history = useHealthHistory(health.data, health.fetchedAt);
	const lastEvent = history.events.at(-1);
	useSyncExternalStore(registry.subscribe, registry.version);

	const notify = (text: string, tone: Tone = 'info') => setNotice({text, tone});
	registry.context = {readOnly: client.readOnly, readOnlyWhy: readOnlyWhy(props.label)};
	registry.onRefused = reason => notify(reason, 'error');

	// Keep the frame one line short of the terminal: Ink clears the whole screen (and the
	// scrollback) on every update once its output is as tall as the terminal.
	const paneHeight = Math.max(3, rows - 1 - CHROME_LINES);
	// a notice says what just happened; it gives way to the health line after a while
	useEffect(() => {
		if (!notice) return;
		const timer = setTimeout(() => setNotice(undefined), 10_000);
		return () => clearTimeout(timer);
	}, [notice]);

	const paneSize = useMemo(() => ({width: columns, height: paneHeight}), [columns, paneHeight]);
	const overlay = help !== undefined || command !== undefined || dialog !== undefined;

	const actions = useMemo<Actions>(() => {
		const close = () => setDialog(undefined);
		return {
			client,
			safety,
			show: setDialog,
			close,
			notify,
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
			copy(text, what) {
				const done = copyText(props.terminalControl, text, what);
				notify(done.notice, done.ok ? 'ok' : 'error');
			},
			link(target) {
				const url = webLink(client.http.baseUrl, client.server.generation, target);
				const done = copyText(props.terminalControl, url, 'the address');
				notify(done.notice, done.ok ? 'ok' : 'error');
				setDialog(<LinkDialog title={`Airflow ${client.server.generation === 'v1' ? '2' : '3'} web UI: ${target.kind}`} url={url} copied={done.notice} copiedOk={done.ok} width={columns} />);
			},
			openRun(dagId, runId) {
				client.getRun(dagId, runId).then(
					run => go({type: 'open-run', run}),
					(error: unknown) => notify(describeError(error), 'error'),
				);
			},
		};
	}, [client, safety.confirm, safety.production, columns, paneHeight, props.terminalControl]);

	const pane = paneById(nav.pane);
	const visited = useRef(new Set<string>());
	visited.current.add(pane.id);
	const switchPane = (step: number) => {
		const index = PANES.findIndex(candidate => candidate.id === navRef.current.pane);
		go({type: 'pane', pane: PANES[(index + step + PANES.length) % PANES.length]!.id});
	};

	// the frame's own bindings: the outermost layer, asked after the pane's
	useBindings(
		[
			bind('quit', () => exit()),
			bind('help', () => {
				helpRef.current = {top: 0, rows: helpRows(paneById(navRef.current.pane).name, registry.activeBindings(), client.readOnly)};
				setHelp(helpRef.current);
			}),
			bind('pane', input => {
				const next = PANES[Number(input) - 1];
				if (next) go({type: 'pane', pane: next.id});
			}),
			bind('next-pane', () => switchPane(1)),
			bind('previous-pane', () => switchPane(-1)),
			bind('refresh', () => setRefreshTick(tick => tick + 1)),
			bind('command', () => {
				commandRef.current = '';
			}),
		],
		!overlay,
		registry,
	);

	/** `:DAG_ID` lookups sent: only the latest one's answer may navigate. */
	const dagCommands = useRef(0);
	/** `:name`: a pane by (a prefix of) its name, otherwise the runs of the DAG with that id. */
	const runCommand = (text: string) => {
		const target = commandTarget(text, PANES);
		if (target.kind === 'pane') go({type: 'pane', pane: target.id});
		else if (target.kind === 'dag') {
			// a typo must not open an empty Runs page: the DAG is asked for first
			const {dagId} = target;
			const asked = ++dagCommands.current;
			const navigationWhenAsked = navRef.current;
			const outcome = (lookup: Parameters<typeof dagCommandOutcome>[1]) => {
				const verdict = dagCommandOutcome(sanitizeLine(dagId), lookup, PANES);
				if ('message' in verdict) notify(verdict.message, 'error');
				// a slow answer must not take the user away from where they went meanwhile (another
				// pane, a run opened, a later `:`): their own move stands
				else if (asked === dagCommands.current && navRef.current === navigationWhenAsked) go({type: 'open-dag', dagId});
			};
			client.getDag(dagId).then(
				() => outcome({exists: true}),
				(error: unknown) => outcome({status: error instanceof AirflowError ? error.status : undefined}),
			);
		} else if (target.kind === 'env') {
			const refused = environments ? environments.switchTo(target.name, navRef.current.pane) : 'no other environments: this console was opened without profiles';
			if (refused) notify(refused, 'error');
		}
	};

	// Tab on the `:` line: the DAG ids the server matches for the text, then the line completed
	// again with them, if it was not typed on meanwhile. An earlier answer completes at once
	// only when it holds every candidate: all the server matched for a text the line begins
	// with (ids matched for `ws_fa` would complete `ws_` to `ws_fail`, other ws_ DAGs unseen).
	const dagIds = useRef<{query: string; ids: readonly string[]; whole: boolean}>({query: '', ids: [], whole: false});
	const knownDagIds = (typed: string): readonly string[] => (dagIds.current.whole && dagIds.current.query && typed.trim().startsWith(dagIds.current.query) ? dagIds.current.ids : []);
	const completeDagIds = (typed: string) => {
		if (!typed.trim() || /^(env|ctx)\s/i.test(typed.trimStart())) return;
		const completedNow = commandRef.current;
		const query = typed.trim();
		client.listDags({pattern: query, limit: DAG_COMPLETIONS}).then(
			page => {
				dagIds.current = {query, ids: page.items.map(dag => dag.dagId), whole: page.items.length >= page.total};
				if (commandRef.current !== completedNow || completedNow === undefined) return;
				commandRef.current = completeCommand(completedNow, PANES, environments?.names, dagIds.current.ids);
				setCommand(commandRef.current);
			},
			() => undefined, // no completion then; Enter still says what it finds
		);
	};

	// The `:` line and the help overlay live in refs too: within one chunk of keys (":etl\r",
	// "?xq") each key must see what the keys before it did, before React re-renders.
	const commandRef = useRef<string | undefined>(undefined);
	const helpRef = useRef<{top: number; rows: HelpRow[]} | undefined>(undefined);
	const here = registry.activeBindings();

	// Keys of one chunk wait here while the console redraws: after a key that may put other
	// bindings on offer (another pane, a level opened, a dialog), the rest of the chunk must
	// reach what is drawn next, not what was on screen ("2t" triggers from DAGs, not Runs).
	// Ink may read two chunks before React draws, so the wait holds for the next chunk too.
	const pending = useRef<Array<[string, Key]>>([]);
	const waiting = useRef(false);
	const drain = () => {
		while (pending.current.length) {
			const [char, charKey] = pending.current.shift()!;
			if (handleKey(char, charKey) === 'redraw') {
				setCommand(commandRef.current);
				waiting.current = true;
				// released by the next commit (below); a key that changed nothing draws nothing
				fallback.current = setTimeout(release, 100);
				return;
			}
		}
		setCommand(commandRef.current);
	};
	// the latest render's drain: its closures see the latest props and layout
	const drainRef = useRef(drain);
	drainRef.current = drain;
	const fallback = useRef<NodeJS.Timeout | undefined>(undefined);
	const release = () => {
		if (!waiting.current) return;
		waiting.current = false;
		clearTimeout(fallback.current);
		drainRef.current();
	};
	// after every commit, the bindings of what was just drawn are registered (children's
	// layout effects run before this one): the keys that waited may go on
	useLayoutEffect(() => {
		if (waiting.current) queueMicrotask(release);
	});
	useEffect(() => () => clearTimeout(fallback.current), []);
	const handleKey = (char: string, charKey: Key): 'redraw' | undefined => {
		// Ctrl-C always quits: in a text line, in help, in a dialog waiting on the server
		if (charKey.ctrl && char === 'c') {
			exit();
			return undefined;
		}
		const open = commandRef.current;
		if (open !== undefined) {
			if (charKey.tab) {
				commandRef.current = completeCommand(open, PANES, environments?.names, knownDagIds(open));
				completeDagIds(open);
				return undefined;
			}
			const edit = editLine(open, char, charKey);
			commandRef.current = edit.done ? undefined : edit.value;
			if (edit.done === 'submit') {
				runCommand(edit.value);
				return 'redraw';
			}
			return undefined;
		}
		if (dialogRef.current !== undefined) {
			registry.dispatch(char, charKey); // a dialog takes every key
			return dialogRef.current === undefined ? 'redraw' : undefined;
		}
		if (helpRef.current) {
			const action = actionFor(char, charKey, ['list'])?.action;
			const room = Math.max(1, paneHeight - 3);
			const step = action === 'down' ? 1 : action === 'up' ? -1 : action === 'page-down' ? room : action === 'page-up' ? -room : undefined;
			// j/k scroll a help that does not fit; any other key closes it
			const shown = helpRef.current;
			helpRef.current = step === undefined ? undefined : {...shown, top: clampHelpTop(shown.top + step, shown.rows.length, room)};
			setHelp(helpRef.current);
			return helpRef.current ? undefined : 'redraw';
		}
		const before = navRef.current;
		const taken = registry.dispatch(char, charKey);
		const moved = typeof taken === 'object' && !STAYS.has(taken.action);
		return moved || navRef.current !== before || dialogRef.current !== undefined || helpRef.current ? 'redraw' : undefined;
	};

	useInput((input, key) => {
		pending.current.push(...keysOf(input, key));
		if (!waiting.current) drain();
	});

	const candidates = command !== undefined ? paneCandidates(command, PANES).map(candidate => candidate.short.toLowerCase()) : [];
	const typedTarget = command !== undefined ? commandTarget(command, PANES) : undefined;
	const commandHint =
		typedTarget?.kind === 'env'
			? `switch to environment ${typedTarget.name}; Tab completes, Enter go, Esc cancel`
			: command?.trim() && !candidates.length
				? `open DAG ${command.trim()}; Enter go, Esc cancel`
				: `${candidates.join(' ')}, env NAME or a DAG id; Tab completes, Enter go, Esc cancel`;

	return (
		<KeyRegistryContext.Provider value={registry}>
			<ActionsContext.Provider value={actions}>
				<RefreshContext.Provider value={refreshTick}>
					<Box flexDirection="column" width={columns} height={rows - 1}>
						<Header client={client} label={props.label} safety={safety} health={health} thresholds={thresholds} width={columns} />
						<Tabs panes={PANES} active={nav.pane} width={columns} />
						<Box flexDirection="column" height={paneHeight} marginTop={1}>
							{help ? <HelpOverlay rows={help.rows} top={help.top} height={paneHeight} width={columns} /> : null}
							{/* panes and dialogs sit one level in: they are asked for keys before the frame */}
							<KeyDepth>
								{/* a dialog measures itself by the frame's size now, following resizes (pane-size.ts) */}
								{dialog !== undefined && !help ? <PaneSizeContext.Provider value={paneSize}>{dialog}</PaneSizeContext.Provider> : null}
								{/* a pane once visited stays mounted, hidden and not polling: going back to it
								    shows its rows, selection and filter at once, and a key typed right after the
								    switch ("2t") acts on rows that are already there */}
								{PANES.filter(candidate => visited.current.has(candidate.id)).map(candidate => {
									const shown = !help && dialog === undefined && candidate.id === nav.pane;
									return (
										<Box key={candidate.id} display={shown ? 'flex' : 'none'} flexDirection="column">
											<VisitedPane
												shown={shown}
												render={() =>
													candidate.render({client, active: !overlay && candidate.id === nav.pane, height: paneHeight, width: columns, refreshMs, nav, navigate: go, health, history, thresholds})
												}
											/>
										</Box>
									);
								})}
							</KeyDepth>
						</Box>
						<Footer keys={footerKeys(here, columns)} command={command} commandHint={commandHint} notice={notice} healthError={health.error} lastEvent={lastEvent} width={columns} />
					</Box>
				</RefreshContext.Provider>
			</ActionsContext.Provider>
		</KeyRegistryContext.Provider>
	);
}
