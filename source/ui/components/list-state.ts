// A list's own state (the selected row, the filter, the filter being typed) as a reducer: a
// key always acts on the state the previous key left, however fast they arrive ("G" then
// Enter in one chunk opens the last row, not the first). Pure: unit-tested without Ink.
import type {Key} from 'ink';
import {editLine} from '../line-edit.js';

export type ListState = {selected: number; filter: string; draft: string | undefined};

export type ListEvent =
	| {type: 'move'; delta: number}
	| {type: 'top'}
	| {type: 'bottom'}
	/** the list's size changed: keep the selection inside it */
	| {type: 'clamp'}
	| {type: 'filter-open'}
	| {type: 'filter-key'; input: string; key: Key}
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
			return {...state, selected: clamp(state.selected + event.delta, view.total)};
		case 'top':
			return {...state, selected: 0};
		case 'bottom':
			return {...state, selected: clamp(view.total - 1, view.total)};
		case 'clamp': {
			const selected = clamp(state.selected, view.total);
			return selected === state.selected ? state : {...state, selected};
		}
		case 'filter-open':
			return {...state, draft: state.filter};
		case 'filter-key': {
			if (state.draft === undefined) return state;
			const edit = editLine(state.draft, event.input, event.key);
			if (edit.done === 'cancel') return {...state, draft: undefined};
			if (edit.done === 'submit') {
				const filter = edit.value.trim();
				return {selected: filter === state.filter ? state.selected : 0, filter, draft: undefined};
			}
			return {...state, draft: edit.value};
		}
		case 'filter-clear':
			return {...state, filter: '', selected: 0};
		case 'reset':
			return {...state, selected: 0};
	}
}

/** The first row of the page that holds the selection. */
export function pageStartOf(selected: number, pageSize: number): number {
	return Math.floor(selected / pageSize) * pageSize;
}
