// THE table of key bindings. The help overlay and the footer are generated from it, and
// the app dispatches through it: a key does what this table says, nothing else.
import type {Key} from 'ink';

export type Action =
	| 'quit'
	| 'help'
	| 'next-pane'
	| 'previous-pane'
	| 'pane'
	| 'down'
	| 'up'
	| 'top'
	| 'bottom'
	| 'page-down'
	| 'page-up'
	| 'filter'
	| 'refresh'
	| 'toggle-paused-filter'
	| 'open'
	| 'reveal'
	| 'follow'
	| 'command'
	| 'back'
	| 'trigger'
	| 'pause'
	| 'pause-all'
	| 'unpause-all'
	| 'mark'
	| 'clear'
	| 'choose'
	| 'new'
	| 'edit'
	| 'delete';

/** records: Variables and Connections; runs: a run list and a run's task instances. */
export type Scope = 'global' | 'list' | 'dags' | 'runs' | 'tasks' | 'records' | 'variables' | 'log';

export type Binding = {
	action: Action;
	/** as shown in help and footer */
	label: string;
	help: string;
	/** where the key works: everywhere, in every list, or in one pane */
	scope: Scope;
	/** changes something on the server: refused (and explained) in read-only mode */
	mutates?: boolean;
	matches: (input: string, key: Key) => boolean;
};

export const KEYMAP: Binding[] = [
	{action: 'quit', label: 'q', help: 'quit (Ctrl-C too)', scope: 'global', matches: (input, key) => input === 'q' || (key.ctrl && input === 'c')},
	{action: 'help', label: '?', help: 'this help', scope: 'global', matches: input => input === '?'},
	{action: 'pane', label: '1-9', help: 'go to pane N', scope: 'global', matches: input => /^[1-9]$/.test(input)},
	{action: 'next-pane', label: 'Tab', help: 'next pane', scope: 'global', matches: (_, key) => key.tab && !key.shift},
	{action: 'previous-pane', label: 'S-Tab', help: 'previous pane', scope: 'global', matches: (_, key) => key.tab && key.shift},
	{action: 'refresh', label: 'r', help: 'refresh now', scope: 'global', matches: input => input === 'r'},
	{action: 'down', label: 'j/↓', help: 'next row', scope: 'list', matches: (input, key) => input === 'j' || key.downArrow},
	{action: 'up', label: 'k/↑', help: 'previous row', scope: 'list', matches: (input, key) => input === 'k' || key.upArrow},
	{action: 'top', label: 'g', help: 'first row', scope: 'list', matches: input => input === 'g'},
	{action: 'bottom', label: 'G', help: 'last row', scope: 'list', matches: input => input === 'G'},
	{action: 'page-down', label: 'PgDn', help: 'next page', scope: 'list', matches: (_, key) => key.pageDown},
	{action: 'page-up', label: 'PgUp', help: 'previous page', scope: 'list', matches: (_, key) => key.pageUp},
	{action: 'filter', label: '/', help: 'filter by text', scope: 'list', matches: input => input === '/'},
	{action: 'open', label: 'Enter', help: 'open: DAG -> runs -> tasks -> log', scope: 'list', matches: (_, key) => key.return},
	{action: 'back', label: 'Esc', help: 'back, clear filter', scope: 'global', matches: (_, key) => key.escape},
	{action: 'command', label: ':', help: 'go to a pane or DAG by name', scope: 'global', matches: input => input === ':'},
	{action: 'toggle-paused-filter', label: 'a', help: 'all / active / paused DAGs', scope: 'dags', matches: input => input === 'a'},
	{action: 'reveal', label: 'v', help: 'show / hide a sensitive value', scope: 'variables', matches: input => input === 'v'},
	{action: 'follow', label: 'f', help: 'follow the log as it grows', scope: 'log', matches: input => input === 'f'},
	{action: 'trigger', label: 't', help: 'trigger the DAG: conf, date, run id, note; preview, then send', scope: 'dags', mutates: true, matches: input => input === 't'},
	{action: 'pause', label: 'p/Space', help: 'pause or unpause the DAG', scope: 'dags', mutates: true, matches: input => input === 'p' || input === ' '},
	{action: 'pause-all', label: 'P', help: 'pause every DAG the filter matches', scope: 'dags', mutates: true, matches: input => input === 'P'},
	{action: 'unpause-all', label: 'U', help: 'unpause every DAG the filter matches', scope: 'dags', mutates: true, matches: input => input === 'U'},
	{action: 'mark', label: 'm', help: 'mark the run or task success / failed', scope: 'runs', mutates: true, matches: input => input === 'm'},
	{action: 'clear', label: 'c', help: 'clear the run or the chosen tasks (dry run first)', scope: 'runs', mutates: true, matches: input => input === 'c'},
	{action: 'choose', label: 'Space', help: 'choose a task for c (clear)', scope: 'tasks', matches: input => input === ' '},
	{action: 'new', label: 'n', help: 'new Variable / Connection', scope: 'records', mutates: true, matches: input => input === 'n'},
	{action: 'edit', label: 'e', help: 'edit the Variable / Connection', scope: 'records', mutates: true, matches: input => input === 'e'},
	{action: 'delete', label: 'd', help: 'delete the Variable / Connection', scope: 'records', mutates: true, matches: input => input === 'd'},
];

export function actionFor(input: string, key: Key, scopes: Scope[]): Binding | undefined {
	return KEYMAP.find(binding => scopes.includes(binding.scope) && binding.matches(input, key));
}
