// THE table of keys: for each action, the key that triggers it, how help and the footer name
// it, where it works and whether it changes the server. Handlers are declared where the
// state lives (bind() in bindings.ts); their words and keys come from here, so help, the
// footer and dispatch can never disagree.
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
	| 'delete'
	| 'triage-window'
	| 'search'
	| 'next-match'
	| 'previous-match'
	| 'first-error'
	| 'earlier-try'
	| 'later-try'
	| 'wrap'
	| 'scroll-left'
	| 'scroll-right'
	| 'fold'
	| 'save-log'
	| 'timeline'
	| 'grid'
	| 'grid-left'
	| 'grid-right'
	| 'copy'
	| 'link'
	| 'run-state-filter'
	| 'run-window'
	| 'failed-only'
	| 'dag-sort';

/** records: Variables and Connections; runs: a run list and a run's task instances. */
export type Scope = 'global' | 'list' | 'dags' | 'runs' | 'tasks' | 'records' | 'variables' | 'log' | 'triage';

export type KeySpec = {
	action: Action;
	/** as shown in help and footer */
	label: string;
	/** help's words */
	help: string;
	/** the footer's one or two words */
	short: string;
	/** where the key works: everywhere, in every list, or in one pane */
	scope: Scope;
	/** changes something on the server: the dispatcher refuses it (and says why) in read-only mode */
	mutates: boolean;
	matches: (input: string, key: Key) => boolean;
};

const spec = (action: Action, label: string, short: string, help: string, scope: Scope, matches: KeySpec['matches'], mutates = false): KeySpec => ({
	action,
	label,
	short,
	help,
	scope,
	mutates,
	matches,
});

export const KEYMAP: readonly KeySpec[] = [
	spec('quit', 'q', 'quit', 'quit (Ctrl-C too)', 'global', (input, key) => input === 'q' || (key.ctrl && input === 'c')),
	spec('help', '?', 'help', 'all keys, this pane first', 'global', input => input === '?'),
	spec('pane', '1-9', 'panes', 'go to pane N (10 and up: Tab, S-Tab or :name)', 'global', input => /^[1-9]$/.test(input)),
	spec('next-pane', 'Tab', 'next pane', 'next pane', 'global', (_, key) => key.tab && !key.shift),
	spec('previous-pane', 'S-Tab', 'prev pane', 'previous pane', 'global', (_, key) => key.tab && key.shift),
	spec('refresh', 'r', 'refresh', 'refresh now', 'global', input => input === 'r'),
	spec('command', ':', 'go to', 'go to a pane or a DAG by name (Tab completes)', 'global', input => input === ':'),
	spec('back', 'Esc', 'back', 'back, clear the filter', 'global', (_, key) => key.escape),
	spec('down', 'j/↓', 'move', 'next row', 'list', (input, key) => input === 'j' || key.downArrow),
	spec('up', 'k/↑', 'move', 'previous row', 'list', (input, key) => input === 'k' || key.upArrow),
	spec('top', 'g', 'top', 'first row', 'list', input => input === 'g'),
	spec('bottom', 'G', 'bottom', 'last row', 'list', input => input === 'G'),
	spec('page-down', 'PgDn', 'page', 'next page', 'list', (_, key) => key.pageDown),
	spec('page-up', 'PgUp', 'page', 'previous page', 'list', (_, key) => key.pageUp),
	spec('filter', '/', 'filter', 'filter by text', 'list', input => input === '/'),
	spec('open', 'Enter', 'open', 'open: DAG -> runs -> tasks -> log', 'list', (_, key) => key.return),
	spec('toggle-paused-filter', 'a', 'all/active/paused', 'show all / active / paused DAGs', 'dags', input => input === 'a'),
	spec('reveal', 'v', 'show value', 'show / hide a sensitive value', 'variables', input => input === 'v'),
	spec('follow', 'f', 'follow', 'follow the log as it grows', 'log', input => input === 'f'),
	spec('trigger', 't', 'trigger', 'trigger the DAG: conf, date, run id, note; preview, then send', 'dags', input => input === 't', true),
	spec('pause', 'p/Space', 'pause', 'pause or unpause the DAG', 'dags', input => input === 'p' || input === ' ', true),
	spec('pause-all', 'P', 'pause matching', 'pause every DAG the filter matches', 'dags', input => input === 'P', true),
	spec('unpause-all', 'U', 'unpause matching', 'unpause every DAG the filter matches', 'dags', input => input === 'U', true),
	spec('mark', 'm', 'mark', 'mark the run or task success / failed', 'runs', input => input === 'm', true),
	spec('clear', 'c', 'clear', 'clear the run or the chosen tasks (dry run first)', 'runs', input => input === 'c', true),
	spec('choose', 'Space', 'choose', 'choose a task for c (clear)', 'tasks', input => input === ' '),
	spec('new', 'n', 'new', 'new Variable / Connection', 'records', input => input === 'n', true),
	spec('edit', 'e', 'edit', 'edit the Variable / Connection', 'records', input => input === 'e', true),
	spec('delete', 'd', 'delete', 'delete the Variable / Connection', 'records', input => input === 'd', true),
	spec('triage-window', 'w', 'window', 'failed runs within 1h / 6h / 24h / 7d', 'triage', input => input === 'w'),
	spec('search', '/', 'search', 'search the log (Enter keeps the matches highlighted)', 'log', input => input === '/'),
	spec('next-match', 'n', 'next', 'next match of the search', 'log', input => input === 'n'),
	spec('previous-match', 'N', 'prev', 'previous match of the search', 'log', input => input === 'N'),
	spec('first-error', 'E', 'error', 'jump to the first ERROR or Traceback line', 'log', input => input === 'E'),
	spec('earlier-try', '[', 'earlier try', "the task's earlier try", 'log', input => input === '['),
	spec('later-try', ']', 'later try', "the task's later try", 'log', input => input === ']'),
	spec('wrap', 'w', 'wrap', 'wrap long lines, or cut them and scroll sideways', 'log', input => input === 'w'),
	spec('scroll-left', 'h/←', 'left', 'scroll left (lines not wrapped)', 'log', (input, key) => input === 'h' || key.leftArrow),
	spec('scroll-right', 'l/→', 'right', 'scroll right (lines not wrapped)', 'log', (input, key) => input === 'l' || key.rightArrow),
	spec('fold', 'z', 'fold', 'fold / unfold every ::group:: block', 'log', input => input === 'z'),
	spec('timeline', 'T', 'timeline', "the run's tasks as a timeline (Gantt): queued and running bars on a UTC axis", 'tasks', input => input === 'T'),
	spec('grid', 'H', 'grid', "the DAG's recent runs × tasks as a grid of state symbols (newest right)", 'runs', input => input === 'H'),
	spec('grid-left', 'h/←', 'older', 'the older run (grid)', 'runs', (input, key) => input === 'h' || key.leftArrow),
	spec('grid-right', 'l/→', 'newer', 'the newer run (grid)', 'runs', (input, key) => input === 'l' || key.rightArrow),
	spec('copy', 'y', 'copy', 'copy the selected id (Variables: the key) to your clipboard with OSC 52; never a value or a password', 'list', input => input === 'y'),
	spec('link', 'L', 'link', "show the selection's Airflow web UI address (2.x or 3.x form) and copy it", 'list', input => input === 'L'),
	spec('save-log', 's', 'save', 'save the whole log to a file (0600) and show its path', 'log', input => input === 's'),
	spec('run-state-filter', 's', 'state', 'show all / failed / running / queued / success runs (on the server)', 'runs', input => input === 's'),
	spec('run-window', 'w', 'window', 'runs changed within any time / 24h / 7d / 30d (on the server)', 'runs', input => input === 'w'),
	spec('failed-only', 'f', 'failed only', 'show only DAGs whose latest run failed', 'dags', input => input === 'f'),
	spec('dag-sort', 'o', 'sort', 'sort DAGs by id / last run / next run / failing first', 'dags', input => input === 'o'),
];

const BY_ACTION = new Map(KEYMAP.map(entry => [entry.action, entry]));

export function keySpec(action: Action): KeySpec {
	return BY_ACTION.get(action)!;
}

/** The action a key means in these scopes, for components that only read keys (scrolling). */
export function actionFor(input: string, key: Key, scopes: Scope[]): KeySpec | undefined {
	return KEYMAP.find(entry => scopes.includes(entry.scope) && entry.matches(input, key));
}
