// Airflow's state colours, each with a symbol so the state reads without colour too.
// NO_COLOR (https://no-color.org) turns colour off; the symbols and words stay.
export const noColor = (): boolean => ('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '') || process.env['TERM'] === 'dumb';

/** FORCE_COLOR (set, not 0 or false): colour even through a pipe, as most CLIs agree. */
export const forceColor = (): boolean => {
	const value = process.env['FORCE_COLOR'];
	return value !== undefined && value !== '0' && value !== 'false';
};

type StateStyle = {color: string; symbol: string};

// A Map, not an object literal: the state is the server's string, and a run in state
// "constructor" or "__proto__" must find nothing rather than Object.prototype's members
// (that crashed the console with "text is not iterable").
const STATES: ReadonlyMap<string, StateStyle> = new Map([
	['success', {color: 'green', symbol: '●'}],
	['failed', {color: 'red', symbol: '✖'}],
	['upstream_failed', {color: 'yellow', symbol: '✖'}],
	['running', {color: 'cyan', symbol: '▶'}],
	['queued', {color: 'gray', symbol: '◌'}],
	['scheduled', {color: 'magenta', symbol: '◔'}],
	['up_for_retry', {color: 'yellow', symbol: '↻'}],
	['skipped', {color: 'magenta', symbol: '»'}],
	['healthy', {color: 'green', symbol: '●'}],
	['unhealthy', {color: 'red', symbol: '✖'}],
	['unknown', {color: 'gray', symbol: '?'}],
	['absent', {color: 'gray', symbol: '-'}],
]);

const OTHER: StateStyle = {color: 'white', symbol: '·'};

export function stateStyle(state: string | null | undefined): StateStyle {
	return STATES.get(state ?? '') ?? OTHER;
}

/** Ink colour prop, or undefined when colour is off. */
export function color(name: string): string | undefined {
	return noColor() ? undefined : name;
}
