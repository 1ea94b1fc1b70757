// A list pane: polls one page (the rows on screen), moves a selection with the keymap's
// list keys, filters with `/`, and hands Enter and pane keys to its owner. DAGs and runs page
// on the server; small lists (variables, pools, ...) fetch all and page here.
import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import {Box, Text, type Key} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {Page} from '../../airflow/model.js';
import {usePoll} from '../../live/use-poll.js';
import {formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {actionFor} from '../keymap.js';
import {editLine} from '../line-edit.js';
import {useKeys} from '../keys.js';
import {color} from '../theme.js';
import {WindowedTable, type Column} from './windowed-table.js';

export type PageQuery = {offset: number; limit: number; filter: string};

/** What the frame gives every pane. */
export type PaneProps = {client: AirflowClient; active: boolean; height: number; width: number; refreshMs: number};

/** The part of PaneProps a ListPane takes as it is. */
export const layoutOf = ({active, height, width, refreshMs}: PaneProps) => ({active, height, width, refreshMs});

export type ListPaneProps<Row> = {
	active: boolean;
	height: number;
	width: number;
	refreshMs: number;
	fetchPage: (query: PageQuery, signal: AbortSignal) => Promise<Page<Row>>;
	/** anything else the query depends on (a toggle, the DAG shown) */
	deps?: unknown[];
	columns: (width: number) => Column<Row>[];
	/** what the filter matches, for the count line: "id", "key", ... */
	filterLabel?: string;
	/** an extra line under the count (an explanation, a toggle's state) */
	note?: ReactNode;
	empty: string;
	onEnter?: (row: Row) => void;
	/** pane keys; return true when handled */
	onKey?: (input: string, key: Key, row: Row | undefined, refresh: () => void, filter: string) => boolean;
	/** a failure the pane explains better than the raw error (a 403 on config) */
	explainError?: (error: string) => ReactNode | undefined;
};

/** Client-side paging and filtering for lists the API returns whole. */
export function pageOf<Row>(rows: Row[], query: PageQuery, text: (row: Row) => string): Page<Row> {
	const needle = query.filter.toLowerCase();
	const matching = needle ? rows.filter(row => text(row).toLowerCase().includes(needle)) : rows;
	return {items: matching.slice(query.offset, query.offset + query.limit), total: matching.length};
}

export function ListPane<Row>(props: ListPaneProps<Row>) {
	const [selected, setSelected] = useState(0);
	const [filter, setFilter] = useState('');
	const [draft, setDraft] = useState<string | undefined>(undefined);
	// count line + note + header row
	const tableHeight = Math.max(1, props.height - 2 - (props.note ? 1 : 0));
	const pageSize = Math.max(1, tableHeight - 1);
	const pageStart = Math.floor(selected / pageSize) * pageSize;
	// hidden (a level below is shown): no polling; shown again: fetched at once
	const poll = usePoll(signal => props.fetchPage({offset: pageStart, limit: pageSize, filter}, signal), props.active ? props.refreshMs : 0, [pageStart, pageSize, filter, ...(props.deps ?? [])]);
	const total = poll.data?.total ?? 0;
	const rows = poll.data?.items ?? [];
	const row = rows[selected - pageStart];

	useEffect(() => {
		if (poll.data && selected > Math.max(0, total - 1)) setSelected(Math.max(0, total - 1));
	}, [poll.data, total, selected]);

	// a new query starts at the top
	useEffect(() => setSelected(0), [filter, ...(props.deps ?? [])]);

	const onKey = (input: string, key: Key): boolean => {
		if (props.onKey?.(input, key, row, poll.refresh, filter)) return true;
		const binding = actionFor(input, key, ['list', 'global']);
		const clamp = (to: number) => Math.max(0, Math.min(Math.max(0, total - 1), to));
		// functional updates: several keys of one chunk are handled before React re-renders
		const move = (delta: number) => setSelected(current => clamp(current + delta));
		switch (binding?.action) {
			case 'open':
				if (row && props.onEnter) props.onEnter(row);
				return true;
			case 'refresh':
				poll.refresh();
				return false; // the frame refreshes its health badge too
			case 'back':
				if (!filter) return false; // the pane or the frame goes back
				setFilter('');
				return true;
			case 'down':
				move(1);
				return true;
			case 'up':
				move(-1);
				return true;
			case 'top':
				setSelected(0);
				return true;
			case 'bottom':
				setSelected(clamp(total - 1));
				return true;
			case 'page-down':
				move(pageSize);
				return true;
			case 'page-up':
				move(-pageSize);
				return true;
			default:
				return false;
		}
	};

	// The filter being typed lives in a ref too: within one chunk of keys ("/etl\r"), "/"
	// opens it and the characters after it must land in it before React re-renders.
	const draftRef = useRef<string | undefined>(undefined);
	useKeys((input, key) => {
		const open = draftRef.current;
		let taken = true;
		if (open !== undefined) {
			// while the filter is typed, every key is text (q, 1-9 included)
			const edit = editLine(open, input, key);
			draftRef.current = edit.done ? undefined : edit.value;
			if (edit.done === 'submit') setFilter(edit.value.trim());
		} else if (actionFor(input, key, ['list'])?.action === 'filter') {
			draftRef.current = filter;
		} else {
			taken = onKey(input, key);
		}
		setDraft(draftRef.current);
		return taken;
	}, props.active);

	const shown = rows.length;
	const range = shown ? `rows ${(pageStart + 1).toLocaleString('en')}-${(pageStart + shown).toLocaleString('en')} of ${total.toLocaleString('en')}` : `0 of ${total.toLocaleString('en')}`;
	const explained = poll.error ? props.explainError?.(poll.error) : undefined;
	if (explained && !poll.data) return <Box flexDirection="column">{explained}</Box>;

	return (
		<Box flexDirection="column">
			{draft !== undefined ? (
				<Text wrap="truncate">
					/ {sanitizeLine(draft)}
					<Text inverse> </Text>
					<Text dimColor> Enter apply, Esc cancel</Text>
				</Text>
			) : (
				<Text wrap="truncate">
					<Text dimColor>{poll.data ? range : poll.loading ? 'loading…' : ''}</Text>
					{filter ? <Text>{`  ${props.filterLabel ?? ''} matching `}<Text bold>{`"${sanitizeLine(filter)}"`}</Text></Text> : null}
					{poll.error ? (
						<Text color={color('red')}>
							{'  ! '}
							{sanitizeLine(poll.error)}
							{poll.fetchedAt ? ` (showing data from ${formatAge(Date.now() - poll.fetchedAt)} ago)` : ''}
						</Text>
					) : null}
				</Text>
			)}
			{props.note ? <Text wrap="truncate">{props.note}</Text> : null}
			<WindowedTable
				columns={props.columns(props.width)}
				rows={rows}
				selected={selected - pageStart}
				height={tableHeight - 1}
				width={props.width}
				empty={poll.data ? (filter ? 'nothing matches the filter' : props.empty) : poll.error ? '' : 'loading…'}
			/>
		</Box>
	);
}
