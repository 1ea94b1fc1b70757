// A list's own state (the selected row, the filter, the filter being typed) as a reducer: a
// key always acts on the state the previous key left, however fast they arrive ("G" then
// Enter in one chunk opens the last row, not the first). The filter applies as it is typed:
// the list schedules a 'filter-settle' FILTER_DEBOUNCE_MS after the last edit, and the
// reducer applies it only if the text is still what was typed then (a key that came later
// wins). Enter applies at once; Esc restores the filter from before `/`. Pure: unit-tested
// without Ink.
import type {Key} from 'ink';
import {editLine} from '../line-edit.js';

/**
 * `filter`: what the list is fetched with. `draft`: the text being typed (undefined when the
 * filter line is closed). `opened`: the filter when `/` was pressed, restored by Esc.
 */
export type ListState = {selected: number; filter: string; draft: string | undefined; opened?: string; heading?: Heading};

/** Which way the selection last moved: the side whose page is fetched first when both neighbours do not fit (fetchWindow). */
export type Heading = 1 | -1;

/** How long typing must pause before the filter is applied (one request, not one per key). */
export const FILTER_DEBOUNCE_MS = 250;

export type ListEvent =
	| {type: 'move'; delta: number}
	| {type: 'top'}
	| {type: 'bottom'}
	/** a row the pane asked for (the task whose log was just left), by its index */
	| {type: 'select'; index: number}
	/** the list's size changed: keep the selection inside it */
	| {type: 'clamp'}
	| {type: 'filter-open'}
	| {type: 'filter-key'; input: string; key: Key}
	/** the debounce fired for this draft: apply it if nothing was typed since */
	| {type: 'filter-settle'; draft: string}
	| {type: 'filter-clear'}
	/** a new query (a toggle, another DAG): back to the top */
	| {type: 'reset'};

/** What the reducer needs to know of the list: how many rows match. */
export type ListView = {total: number};

export const INITIAL_LIST: ListState = {selected: 0, filter: '', draft: undefined};

const clamp = (selected: number, total: number) => Math.max(0, Math.min(Math.max(0, total - 1), selected));

export function listReducer(state: ListState, event: ListEvent, view: ListView): ListState {
	switch (event.type) {
		case 'move':
			return {...state, selected: clamp(state.selected + event.delta, view.total), heading: event.delta < 0 ? -1 : 1};
		case 'top':
			return {...state, selected: 0, heading: 1};
		case 'bottom':
			return {...state, selected: clamp(view.total - 1, view.total), heading: -1};
		case 'select':
			return {...state, selected: clamp(event.index, view.total)};
		case 'clamp': {
			const selected = clamp(state.selected, view.total);
			return selected === state.selected ? state : {...state, selected};
		}
		case 'filter-open':
			return {...state, draft: state.filter, opened: state.filter};
		case 'filter-key': {
			if (state.draft === undefined) return state;
			const edit = editLine(state.draft, event.input, event.key);
			if (edit.done === 'cancel') return withFilter(state, state.opened ?? state.filter);
			if (edit.done === 'submit') return withFilter(state, edit.value.trim());
			return {...state, draft: edit.value};
		}
		case 'filter-settle': {
			if (state.draft === undefined || state.draft !== event.draft) return state; // typed on since, or closed
			const filter = event.draft.trim();
			return filter === state.filter ? state : {...state, filter, selected: 0};
		}
		case 'filter-clear':
			return {...state, filter: '', selected: 0};
		case 'reset':
			return {...state, selected: 0};
	}
}

/** The filter line closed with `filter` applied; a new filter starts at the top. */
function withFilter(state: ListState, filter: string): ListState {
	return {selected: filter === state.filter ? state.selected : 0, filter, draft: undefined};
}

/** The draft waiting to be applied by a debounce, if any (typed, and not yet the filter). */
export function pendingDraft(state: ListState): string | undefined {
	return state.draft !== undefined && state.draft.trim() !== state.filter ? state.draft : undefined;
}

/** The first row of the page that holds the selection. */
export function pageStartOf(selected: number, pageSize: number): number {
	return Math.floor(selected / pageSize) * pageSize;
}

/** Airflow's default `[api] maximum_page_limit`: a longer page is cut to it (2.x) or refused. */
export const FETCH_LIMIT = 100;

/**
 * The rows to ask for: the page on screen and up to a page on either side, within the API's
 * limit. Moving into the next page then shows it at once from what is loaded, while its own
 * request refreshes it; before, the cursor vanished until the request came back (seconds on
 * a busy server). When both neighbours do not fit (a page over 33 rows: 100 is the API's
 * page), the one the selection is heading for comes whole: split evenly, neither did, and
 * every PageDown at 200x60 waited for its request (#12).
 */
export function fetchWindow(pageStart: number, pageSize: number, heading: Heading = 1): {offset: number; limit: number} {
	const limit = Math.min(FETCH_LIMIT, Math.max(pageSize, pageSize * 3));
	// heading up: the page on screen ends the window (a page taller than the limit starts it)
	if (limit < pageSize * 3) return {offset: heading > 0 ? pageStart : Math.max(0, Math.min(pageStart, pageStart + pageSize - limit)), limit};
	const margin = Math.max(0, Math.floor((limit - pageSize) / 2));
	return {offset: Math.max(0, pageStart - margin), limit};
}

/**
 * The loaded rows that make the page on screen, as far as they go, or undefined when none of
 * that page is loaded (a jump far away: the page waits for its request). A page that runs
 * past what is loaded shows its loaded rows at once and the rest when its own request is in,
 * a round trip later: on a page over 50 rows (a 60-line terminal) the next page is never
 * loaded whole, and every PageDown showed "loading…" for that round trip (#12). What a
 * page's own request brings shows as it is, even short: a page taller than the API gives at
 * once, or a server whose maximum_page_limit is below what was asked.
 */
export function pageRows<Row>(loaded: {offset: number; items: readonly Row[]; total: number}, pageStart: number, pageSize: number): Row[] | undefined {
	const end = loaded.offset + loaded.items.length;
	if (loaded.offset > pageStart || (pageStart >= end && end < loaded.total)) return undefined;
	return loaded.items.slice(pageStart - loaded.offset, pageStart - loaded.offset + pageSize);
}

/**
 * The count line: "rows 41-54 of 2,431". The rows are those on screen, not those fetched: after
 * the terminal shrinks, the page fetched for the taller screen still shows until the next one
 * arrives (or for good when the server does not answer), cut to the rows that fit.
 */
export function countWords(offset: number, fetched: number, fits: number, total: number): string {
	const shown = Math.min(fetched, Math.max(0, fits));
	const of = `of ${total.toLocaleString('en')}`;
	return shown ? `rows ${(offset + 1).toLocaleString('en')}-${(offset + shown).toLocaleString('en')} ${of}` : `0 ${of}`;
}
