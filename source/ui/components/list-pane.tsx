// A list pane: polls one page (the rows on screen), moves a selection with the list keys,
// filters with `/` as the user types (debounced, then fetched: the server filters DAGs and
// runs), and offers the pane's own bindings for the selected row. DAGs and runs
// page on the server; small lists (variables, pools, ...) fetch all and page here. The
// selection and filter live in a reducer (list-state.ts) kept in a ref, so each key of a
// chunk sees what the keys before it did.
import {useEffect, useRef, useState, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {Page} from '../../airflow/model.js';
import {usePoll} from '../../live/use-poll.js';
import {waitingWords} from '../../live/liveness.js';
import {useNow} from '../use-now.js';
import {formatAge} from '../../text/age.js';
import {plural} from '../../text/plural.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {bind, type Binding} from '../bindings.js';
import {useBindings, useKeys} from '../keys.js';
import {useRefreshKey} from '../refresh.js';
import {color} from '../theme.js';
import {countWords, fetchWindow, FILTER_DEBOUNCE_MS, INITIAL_LIST, listReducer, pageRows, pageStartOf, pendingDraft, type ListEvent, type ListState} from './list-state.js';
import {WindowedTable, type Column} from './windowed-table.js';

/**
 * `locate`: the row the list wants selected (see ListPaneProps.locate); a pane that has every
 * row (pageOf) answers with its index in `located`, a pane paging on the server ignores it.
 */
/**
 * The rows to fetch (the page on screen and its neighbours, list-state.ts fetchWindow) and,
 * in `visible`, the page on screen: work done per row (a DAG's last runs, a 2.x DAG read one
 * by one) is for those.
 */
export type PageQuery<Row = unknown> = {offset: number; limit: number; filter: string; visible?: {offset: number; limit: number}; locate?: (row: Row) => boolean};

/**
 * A page as a pane fetched it. `remark`: how the rows were matched when the server could not
 * do it all (said after the pane's note, e.g. "ids matched in the newest 300 runs (2.x)").
 */
export type FetchedPage<Row> = Page<Row> & {remark?: string; located?: number /** where items start, when not at the offset asked */; offset?: number};

/** What the frame gives every pane. */
export type PaneProps = {client: AirflowClient; active: boolean; height: number; width: number; refreshMs: number};

/** The part of PaneProps a ListPane takes as it is. */
export const layoutOf = ({active, height, width, refreshMs}: PaneProps) => ({active, height, width, refreshMs});

/** What a pane's bindings act on: the selected row (when there is one), the list's refresh and filter. */
export type RowContext<Row> = {row: Row | undefined; refresh: () => void; filter: string};

export type ListPaneProps<Row> = {
	active: boolean;
	height: number;
	width: number;
	refreshMs: number;
	fetchPage: (query: PageQuery<Row>, signal: AbortSignal) => Promise<FetchedPage<Row>>;
	/**
	 * A row to select once it is found (the task whose log Esc just left). A new `token` (any
	 * object; compared by identity) asks again; a key pressed before it is found wins.
	 */
	locate?: {token: object; test: (row: Row) => boolean};
	/** anything else the query depends on (a toggle, the DAG shown): a change starts at the top */
	deps?: unknown[];
	/** a change reads the rows again and keeps the selection (rows a store updates in place) */
	reloadKey?: unknown;
	columns: (width: number) => Column<Row>[];
	/** what the filter matches, for the count line: "id", "key", ... */
	filterLabel?: string;
	/** an extra line under the count (an explanation, a toggle's state) */
	note?: ReactNode;
	empty: string;
	onEnter?: (row: Row) => void;
	/** the pane's own keys, given the row they act on at the moment the key arrives */
	bindings?: (context: () => RowContext<Row>) => Binding[];
	/** a failure the pane explains better than the raw error (a 403 on config) */
	explainError?: (error: string) => ReactNode | undefined;
};

/** Client-side paging and filtering for lists the API returns whole. */
export function pageOf<Row>(rows: Row[], query: PageQuery<Row>, text: (row: Row) => string): FetchedPage<Row> {
	const needle = query.filter.toLowerCase();
	const matching = needle ? rows.filter(row => text(row).toLowerCase().includes(needle)) : rows;
	const page: FetchedPage<Row> = {items: matching.slice(query.offset, query.offset + query.limit), total: matching.length};
	if (query.locate) {
		const index = matching.findIndex(query.locate);
		if (index >= 0) page.located = index;
	}
	return page;
}

type LoadedPage<Row> = FetchedPage<Row> & {offset: number; filter: string; locating?: object};

/** "waiting 7 s for the server" once a request is slow to answer; ticks only while shown. */
function Waiting(props: {since: number}) {
	const words = waitingWords(props.since, useNow());
	return words ? <Text color={color('yellow')}>{`  ${words}`}</Text> : null;
}

export function ListPane<Row>(props: ListPaneProps<Row>) {
	const stateRef = useRef<ListState>(INITIAL_LIST);
	const [state, setState] = useState<ListState>(INITIAL_LIST);
	// count line + note + header row
	const tableHeight = Math.max(1, props.height - 2 - (props.note ? 1 : 0));
	const pageSize = Math.max(1, tableHeight - 1);
	const pageStart = pageStartOf(state.selected, pageSize);
	// the row asked for by `locate`, until a page has said where it is (or a key moved first)
	const located = useRef<object | undefined>(undefined);
	const locating = props.locate && props.locate.token !== located.current ? props.locate : undefined;
	// hidden (a level below is shown): no polling; shown again: fetched at once
	const fetchRange = fetchWindow(pageStart, pageSize, state.heading);
	const poll = usePoll<LoadedPage<Row>>(
		async signal => ({
			offset: fetchRange.offset,
			...(await props.fetchPage({...fetchRange, filter: state.filter, visible: {offset: pageStart, limit: pageSize}, locate: locating?.test}, signal)),
			filter: state.filter,
			locating: locating?.token,
		}),
		props.active ? props.refreshMs : 0,
		[pageStart, pageSize, state.filter, ...(props.deps ?? []), props.reloadKey, locating?.token],
	);
	const total = poll.data?.total ?? 0;
	const activeRef = useRef(props.active);
	activeRef.current = props.active;
	const totalRef = useRef(total);
	totalRef.current = total;
	// the page on screen: from what is loaded when that holds it (the next page's rows came
	// with this one), otherwise it waits for its own request
	const onScreen = poll.data && poll.data.filter === state.filter ? pageRows(poll.data, pageStart, pageSize) : undefined;
	const current = onScreen ? poll.data : undefined;
	const rows = onScreen ?? [];
	const dataRef = useRef(poll.data);
	dataRef.current = poll.data;
	/** Enter on a row whose page is still on its way: opened when it arrives */
	const pendingOpen = useRef<number | undefined>(undefined);

	const apply = (event: ListEvent) => {
		// a key after Enter changes what the user wants: an open still waiting for its page is
		// dropped, and so is a row still to be located
		if (event.type !== 'clamp') pendingOpen.current = undefined;
		if (event.type !== 'clamp' && event.type !== 'select') located.current = props.locate?.token;
		const next = listReducer(stateRef.current, event, {total: totalRef.current});
		if (next === stateRef.current) return;
		stateRef.current = next;
		setState(next);
	};

	const rowAt = (index: number): Row | undefined => {
		const data = dataRef.current;
		if (!data || data.filter !== stateRef.current.filter || index < data.offset || index >= data.offset + data.items.length) return undefined;
		return data.items[index - data.offset];
	};

	useEffect(() => {
		if (poll.data) apply({type: 'clamp'});
		const asked = poll.data?.locating;
		if (asked !== undefined && asked === locating?.token) {
			located.current = asked; // found or not, asked once
			if (poll.data!.located !== undefined) apply({type: 'select', index: poll.data!.located});
		}
		const pending = pendingOpen.current;
		if (pending !== undefined && current) {
			pendingOpen.current = undefined;
			const row = rowAt(pending);
			// only while this list is still the one on screen
			if (row && props.onEnter && activeRef.current) props.onEnter(row);
		}
	}, [poll.data]);

	// a new query starts at the top
	const depsKey = JSON.stringify(props.deps ?? []);
	const firstDeps = useRef(depsKey);
	useEffect(() => {
		if (firstDeps.current === depsKey) return;
		firstDeps.current = depsKey;
		apply({type: 'reset'});
	}, [depsKey]);

	// typing applies the filter once the keys pause: one request for "etl", not three
	const draft = pendingDraft(state);
	useEffect(() => {
		if (draft === undefined) return;
		const timer = setTimeout(() => apply({type: 'filter-settle', draft}), FILTER_DEBOUNCE_MS);
		return () => clearTimeout(timer);
	}, [draft]);

	const rowContext = (): RowContext<Row> => ({row: rowAt(stateRef.current.selected), refresh: poll.refresh, filter: stateRef.current.filter});

	const listBindings: Binding[] = [
		...(props.bindings?.(rowContext) ?? []),
		bind(
			'open',
			() => {
				const selected = stateRef.current.selected;
				const row = rowAt(selected);
				if (row) props.onEnter?.(row);
				else pendingOpen.current = selected; // its page is on its way
			},
			{enabled: () => props.onEnter !== undefined},
		),
		bind('filter', () => apply({type: 'filter-open'})),
		bind('back', () => apply({type: 'filter-clear'}), {enabled: () => stateRef.current.filter !== '', display: false}),
		bind('down', () => apply({type: 'move', delta: 1}), {display: false}),
		bind('up', () => apply({type: 'move', delta: -1}), {display: false}),
		bind('top', () => apply({type: 'top'}), {display: false}),
		bind('bottom', () => apply({type: 'bottom'}), {display: false}),
		bind('page-down', () => apply({type: 'move', delta: pageSize}), {display: false}),
		bind('page-up', () => apply({type: 'move', delta: -pageSize}), {display: false}),
	];
	useRefreshKey(poll.refresh);
	useBindings(listBindings, props.active);
	// while the filter is typed, every key is text (q, 1-9 included); registered after the
	// bindings, so it is asked first
	useKeys((input, key) => {
		if (stateRef.current.draft === undefined) return false;
		apply({type: 'filter-key', input, key});
		return true;
	}, props.active);

	// the table shows at most pageSize rows (under its header), whatever was fetched
	// a page far from what is loaded, still on its way: where it starts, not "0 of N"
	const range = current || !poll.loading ? countWords(pageStart, rows.length, pageSize, total) : `rows ${(pageStart + 1).toLocaleString('en')}… of ${total.toLocaleString('en')}`;
	// while typing: how many rows the text applied so far matches
	const matching = current ? `  ${plural(current.total, 'row')}` : '  …';
	const explained = poll.error ? props.explainError?.(poll.error) : undefined;
	if (explained && !poll.data) return <Box flexDirection="column">{explained}</Box>;

	return (
		<Box flexDirection="column">
			{state.draft !== undefined ? (
				<Text wrap="truncate">
					/ {sanitizeLine(state.draft)}
					<Text inverse> </Text>
					<Text dimColor>{`${draft === undefined ? matching : '  …'}  Enter keep, Esc restore`}</Text>
				</Text>
			) : (
				<Text wrap="truncate">
					<Text dimColor>{poll.data ? range : poll.loading ? 'loading…' : ''}</Text>
					{poll.waitingSince !== undefined ? <Waiting since={poll.waitingSince} /> : null}
					{state.filter ? (
						<Text>
							{`  ${props.filterLabel ?? ''} matching `}
							<Text bold>{`"${sanitizeLine(state.filter)}"`}</Text>
						</Text>
					) : null}
					{poll.error ? (
						<Text color={color('red')}>
							{'  ! '}
							{sanitizeLine(poll.error)}
							{poll.fetchedAt ? ` (showing data from ${formatAge(Date.now() - poll.fetchedAt)} ago)` : ''}
						</Text>
					) : null}
				</Text>
			)}
			{props.note ? (
				<Text wrap="truncate">
					{props.note}
					{current?.remark ? <Text color={color('yellow')}>{`  ${sanitizeLine(current.remark)}`}</Text> : null}
				</Text>
			) : null}
			<WindowedTable
				columns={props.columns(props.width)}
				rows={rows}
				selected={state.selected - pageStart}
				height={tableHeight - 1}
				width={props.width}
				empty={current ? (state.filter ? 'nothing matches the filter' : props.empty) : poll.error ? '' : 'loading…'}
			/>
		</Box>
	);
}
