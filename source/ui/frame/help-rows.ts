// What `?` lists: the keys that work in the current pane first (as declared there), then
// the frame's own. Pure, so the order and the scrolling are tested without Ink.
import type {Binding} from '../bindings.js';
import {KEYMAP, type KeySpec} from '../keymap.js';

export type HelpRow = {kind: 'heading'; text: string} | {kind: 'key'; label: string; help: string; note: string};

/**
 * Keys the terminal lifecycle takes out of the input before any pane sees them
 * (run-console.tsx): they have no keymap entry to be listed from, so help names them here.
 */
const TERMINAL_KEYS: ReadonlyArray<{label: string; help: string}> = [
	{label: 'Ctrl-L', help: 'repaint the whole screen'},
	{label: 'Ctrl-Z', help: 'suspend to the shell (fg comes back)'},
];

const note = (spec: KeySpec, readOnly: boolean) => (spec.mutates && readOnly ? '(read-only: disabled)' : spec.mutates ? '(changes Airflow)' : '');

export function helpRows(paneName: string, here: readonly Binding[], readOnly: boolean): HelpRow[] {
	const local = here.filter(binding => binding.scope !== 'global');
	const global = KEYMAP.filter(spec => spec.scope === 'global');
	return [
		{kind: 'heading', text: `${paneName}: keys here`},
		...local.map(binding => ({kind: 'key' as const, label: binding.label, help: binding.help, note: note(binding, readOnly)})),
		{kind: 'heading', text: 'everywhere'},
		...global.map(spec => ({kind: 'key' as const, label: spec.label, help: spec.help, note: ''})),
		...TERMINAL_KEYS.map(key => ({kind: 'key' as const, label: key.label, help: key.help, note: ''})),
	];
}

/** The first row to show so that `top` stays within the rows. */
export function clampHelpTop(top: number, rows: number, room: number): number {
	return Math.max(0, Math.min(top, Math.max(0, rows - room)));
}
