// What a pane needs to change something: the client, the safety settings (read-only,
// production, confirmations), a place for a dialog over the pane, a footer notice, and the
// way to the run a trigger made. The frame provides it; panes and dialogs use it.
import {createContext, useContext, type ReactNode} from 'react';
import type {AirflowClient} from '../airflow/client.js';
import type {Safety} from '../config/connection.js';
import type {LinkTarget} from '../airflow/web-links.js';

export type Tone = 'ok' | 'error' | 'info';

/** One possible answer in a confirmation: a key, what it does, and the change itself. */
export type Choice = {key: string; label: string; run: () => Promise<string>};

export type ConfirmSpec = {
	title: string;
	/** exactly what will happen: the request, the list of what changes */
	lines: string[];
	warning?: string;
	/** with one choice, Enter takes it too */
	choices: Choice[];
	/** after a change went through (refresh the list) */
	onDone?: () => void;
};

export type Actions = {
	client: AirflowClient;
	safety: Safety;
	/** a dialog over the pane; it takes every key until it closes */
	show(dialog: ReactNode): void;
	close(): void;
	notify(text: string, tone?: Tone): void;
	/** asks (or, where the profile turns confirmations off, just does the only choice) */
	confirm(spec: ConfirmSpec): void;
	/** the Runs pane at this run's task instances, following it */
	openRun(dagId: string, runId: string): void;
	/** puts text the user picked (a key press, never the server) on their clipboard (OSC 52) and says "copied <what>" */
	copy(text: string, what: string): void;
	/** shows the Airflow web UI address of `target` over the pane, and copies it */
	link(target: LinkTarget): void;
};

export const ActionsContext = createContext<Actions | undefined>(undefined);

export function useActions(): Actions {
	const actions = useContext(ActionsContext);
	if (!actions) throw new Error('useActions outside the console frame');
	return actions;
}
