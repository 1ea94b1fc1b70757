// Triage: everything that needs attention now, most important first (the rules:
// live/triage.ts; the requests: live/triage-feed.ts), each line one Enter from its evidence:
// a component -> Health, import errors -> Import errors, a failed run -> its failed task's log
// at the first error line, a stuck or long run -> its tasks. The count goes to the tab row and
// the header badge (pane-badges.ts).
import {useContext, useEffect, useRef, useState} from 'react';
import {Text} from 'ink';
import {badgeCounts, triageItems, describeItem, firstFailedTask, DEFAULT_WINDOW, nextWindow, type TriageItem, type TriageWindow} from '../../live/triage.js';
import {takeEarlyTriage} from '../../live/early-start.js';
import {fetchGroup, GROUPS, sweepGroups, type FactsUpdate, type TriageFacts} from '../../live/triage-feed.js';
import type {Health} from '../../airflow/model.js';
import {formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {bind} from '../bindings.js';
import {ListPane, pageOf} from '../components/list-pane.js';
import type {Column} from '../components/windowed-table.js';
import {setPaneBadge, TRIAGE_ALARMS, TRIAGE_PANE, TRIAGE_WARNINGS} from '../pane-badges.js';
import {RefreshContext} from '../refresh.js';
import {color} from '../theme.js';
import type {PaneContext, PaneDefinition} from './pane.js';

const KIND_COLOR: Record<TriageItem['kind'], string> = {
	component: 'red',
	'failed-run': 'red',
	'dag-failing': 'red',
	'import-errors': 'red',
	'stuck-queued': 'yellow',
	'long-running': 'yellow',
};

function columns(now: number) {
	return (width: number): Column<TriageItem>[] => [
		{
			header: 'what',
			width: 15,
			cell: item => ({text: `${item.rank === 6 ? '·' : item.rank >= 4 ? '▲' : '✖'} ${describeItem(item, now).what}`, color: item.rank === 6 ? 'gray' : KIND_COLOR[item.kind]}),
		},
		{header: 'DAG / component', width: Math.max(14, Math.min(32, Math.floor(width * 0.25))), cell: item => ({text: sanitizeLine(describeItem(item, now).subject), bold: true})},
		{
			header: 'when',
			width: 8,
			cell: item => {
				const at = describeItem(item, now).atMs;
				return {text: at === undefined ? '' : formatAge(now - at)};
			},
		},
		{header: 'run / detail', width: 0, cell: item => ({text: sanitizeLine(describeItem(item, now).detail)})},
	];
}

export function TriagePane(props: PaneContext) {
	const {client, navigate} = props;
	const [span, setSpan] = useState<TriageWindow>(DEFAULT_WINDOW);
	const [computedAt, setComputedAt] = useState(Date.now());
	const [errors, setErrors] = useState<string[]>([]);
	const facts = useRef<TriageFacts>({errors: {}});
	const turn = useRef(0);
	/** the next tick fetches every group (first look, new window, `r`) */
	const sweep = useRef(true);
	// `r` (the frame's refresh tick) asks every group again, not just the next in turn; noted
	// while rendering, before the list's effect fetches
	const refreshTick = useContext(RefreshContext);
	const seenTick = useRef(refreshTick);
	if (seenTick.current !== refreshTick) {
		seenTick.current = refreshTick;
		sweep.current = true;
	}
	const healthRef = useRef(props.health.data);
	healthRef.current = props.health.data;
	// a sweep's medians, in after its first step: the next fetch only judges the facts again
	const judgeOnly = useRef(false);
	const [mediansIn, setMediansIn] = useState(0);
	// the latest sweep's: only its medians count, and its second step is given up when the
	// pane goes, the window changes or another sweep starts (the poll's own signal is done
	// with once the first step is in, and a request left out would hold the quit up)
	const latestSweep = useRef<AbortController | undefined>(undefined);
	// the health the early first look was judged with, until the header has its own
	const earlyHealth = useRef<Health | undefined>(undefined);

	useEffect(
		() => () => {
			latestSweep.current?.abort();
			for (const id of [TRIAGE_PANE, TRIAGE_ALARMS, TRIAGE_WARNINGS]) setPaneBadge(id, undefined);
		},
		[],
	);

	/** Starts a sweep's life: the one before it is over. */
	const newSweep = () => {
		latestSweep.current?.abort();
		latestSweep.current = new AbortController();
		return latestSweep.current;
	};

	/** A sweep's second step: its medians go into the facts, if it is still the latest sweep. */
	const awaitMedians = (medians: Promise<FactsUpdate | undefined>, sweepOf: AbortController) => {
		medians.then(
			update => {
				if (!update || sweepOf.signal.aborted) return;
				facts.current = update(facts.current);
				judgeOnly.current = true;
				setMediansIn(count => count + 1);
			},
			() => {}, // given up with its fetch
		);
	};

	const fetchItems = async (signal: AbortSignal): Promise<TriageItem[]> => {
		const now = Date.now();
		const windowStartMs = now - span.ms;
		const windowStartIso = new Date(windowStartMs).toISOString();
		// facts of another window are not this window's: a new window fetches everything again
		if (facts.current.windowLabel !== span.label) {
			facts.current = {errors: {}, windowLabel: span.label};
			sweep.current = true;
		}
		// the first look may have been sent while the console loaded, with the health it is judged by
		const early = span.label === DEFAULT_WINDOW.label ? await takeEarlyTriage(client)?.catch(() => undefined) : undefined;
		// waited on: a fetch given up meanwhile (a new window, the pane gone) must leave no trace
		signal.throwIfAborted();
		const judging = judgeOnly.current && !sweep.current;
		judgeOnly.current = false;
		if (judging) {
			// the medians came: the facts are here, only the verdicts change
		} else if (early) {
			facts.current = early.facts;
			earlyHealth.current = early.health;
			awaitMedians(early.medians, newSweep());
		} else if (sweep.current) {
			const sweepOf = newSweep();
			const swept = sweepGroups(client, windowStartIso, AbortSignal.any([signal, sweepOf.signal]));
			facts.current = (await swept.first)(facts.current);
			awaitMedians(swept.medians, sweepOf);
		} else {
			facts.current = (await fetchGroup(client, GROUPS[turn.current++ % GROUPS.length]!, windowStartIso, signal))(facts.current);
		}
		sweep.current = false;
		const items = triageItems({...facts.current, now, windowStartMs, health: healthRef.current ?? earlyHealth.current, thresholds: props.thresholds});
		setPaneBadge(TRIAGE_PANE, items.length);
		const {alarms, warnings} = badgeCounts(items);
		setPaneBadge(TRIAGE_ALARMS, alarms);
		setPaneBadge(TRIAGE_WARNINGS, warnings);
		setComputedAt(now);
		setErrors(Object.entries(facts.current.errors).map(([group, error]) => `${group}: ${error}`));
		return items;
	};

	// Shown elsewhere, the list does not poll, but the tab count and the header badge must
	// still tell the truth: the same gentle tick (one group per refresh) runs in the background.
	const fetchRef = useRef(fetchItems);
	fetchRef.current = fetchItems;
	useEffect(() => {
		if (props.active || props.refreshMs <= 0) return;
		const controller = new AbortController();
		let busy = false;
		const timer = setInterval(() => {
			if (busy) return; // a slow server: never two ticks in flight
			busy = true;
			fetchRef
				.current(controller.signal)
				.catch(() => undefined) // a failure shows on the pane itself when it is opened
				.finally(() => {
					busy = false;
				});
		}, props.refreshMs);
		return () => {
			clearInterval(timer);
			controller.abort();
		};
	}, [props.active, props.refreshMs]);

	const open = (item: TriageItem) => {
		switch (item.kind) {
			case 'component':
				navigate({type: 'pane', pane: 'health'});
				return;
			case 'import-errors':
				navigate({type: 'pane', pane: 'errors'});
				return;
			case 'dag-failing':
				navigate(item.run ? {type: 'open-run', run: item.run} : {type: 'open-dag', dagId: item.dagId});
				return;
			case 'failed-run': {
				navigate({type: 'open-run', run: item.run});
				const task = firstFailedTask(item);
				if (task) {
					const tryNumber = Math.max(1, task.tryNumber);
					navigate({type: 'open-task', task, tryNumber, focus: 'first-error'});
				}
				return;
			}
			default:
				navigate({type: 'open-run', run: item.run});
		}
	};

	const note = (
		<Text>
			<Text dimColor>failed runs within </Text>
			<Text bold>{span.label}</Text>
			<Text dimColor>{` (w: 1h/6h/24h/7d)  checked ${new Date(computedAt).toTimeString().slice(0, 8)}`}</Text>
			{errors.length ? <Text color={color('red')}>{`  ! ${sanitizeLine(errors.join('; '))}`}</Text> : null}
		</Text>
	);

	return (
		<ListPane<TriageItem>
			active={props.active}
			height={props.height}
			width={props.width}
			refreshMs={props.refreshMs}
			deps={[span.label]}
			reloadKey={mediansIn}
			fetchPage={async (query, signal) => {
				const items = await fetchItems(signal);
				return pageOf(items, query, item => {
					const words = describeItem(item, Date.now());
					return `${words.what} ${words.subject} ${words.detail}`;
				});
			}}
			columns={columns(computedAt)}
			filterLabel="line"
			note={note}
			empty="nothing needs attention: components healthy, no failures, nothing stuck"
			onEnter={open}
			bindings={() => [bind('triage-window', () => setSpan(current => nextWindow(current)))]}
		/>
	);
}

export const triagePane: PaneDefinition = {id: TRIAGE_PANE, name: 'Triage', short: 'Triage', render: context => <TriagePane {...context} />};
