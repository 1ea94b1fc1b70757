// Where the console is: the pane, and in Runs the DAG, the run, the task and its try. One
// reducer, so every way in (Enter, `:dag_id`, a trigger opening its new run, Esc) is one
// event and a key always sees where the previous key left the console. Pure: unit-tested.
import type {DagRun, TaskInstance} from '../airflow/model.js';

/** Where a log opens: its end (a running task's newest lines), or its first error line. */
export type LogFocus = 'end' | 'first-error';

/** Tasks whose log tells of a failure: opened at the first error, where that story starts. */
const FAILED_LOG_STATES: ReadonlySet<string> = new Set(['failed', 'up_for_retry']);

/**
 * Where a task's log opens when nobody says (Enter in the task list, a bar in `T`, a cell in
 * `H`): a failed try at its first error line, as Triage opens it; anything else at its end.
 */
export function logFocusFor(task: Pick<TaskInstance, 'state'>): LogFocus {
	return FAILED_LOG_STATES.has(task.state ?? '') ? 'first-error' : 'end';
}

export type RunsLevel =
	| {kind: 'runs'}
	/** `at`: the task whose log was just left (Esc), for the task list's cursor */
	| {kind: 'tasks'; run: DagRun; at?: TaskInstance}
	| {kind: 'log'; run: DagRun; task: TaskInstance; tryNumber: number; focus: LogFocus};

/** A jump into Runs from another pane (Enter in Triage or DAGs, `:dag_id`): where Esc goes back to. */
export type ReturnTo = {pane: string; level: RunsLevel['kind']};

export type Navigation = {
	pane: string;
	/** Runs shows this DAG's runs, or every DAG's */
	dagId: string | undefined;
	runs: RunsLevel;
	/** set by a jump from another pane: Esc at the level it landed on goes back to that pane */
	returnTo?: ReturnTo;
};

export type NavigationEvent =
	| {type: 'pane'; pane: string}
	| {type: 'open-dag'; dagId: string}
	| {type: 'open-run'; run: DagRun}
	| {type: 'open-task'; task: TaskInstance; tryNumber?: number; focus?: LogFocus}
	| {type: 'try'; tryNumber: number}
	| {type: 'back'};

export const RUNS_PANE = 'runs';

export function initialNavigation(pane: string): Navigation {
	return {pane, dagId: undefined, runs: {kind: 'runs'}};
}

export function navigate(state: Navigation, event: NavigationEvent): Navigation {
	// a jump from another pane remembers it; within Runs the jump back stays as it was
	const jumpFrom = (level: RunsLevel['kind']): ReturnTo | undefined => (state.pane === RUNS_PANE ? state.returnTo : {pane: state.pane, level});
	switch (event.type) {
		case 'pane': {
			if (state.pane === event.pane) return state;
			// a pane chosen by number or Tab is a new start: Esc no longer leads anywhere else
			const {returnTo: _, ...rest} = state;
			return {...rest, pane: event.pane};
		}
		case 'open-dag':
			// `:dag_id` within Runs starts afresh there: Esc climbs to all DAGs, not to an earlier jump's pane
			return withReturn({pane: RUNS_PANE, dagId: event.dagId, runs: {kind: 'runs'}}, state.pane === RUNS_PANE ? undefined : jumpFrom('runs'));
		case 'open-run':
			// a run opened from anywhere (a trigger, triage) lands in its DAG's runs, at its tasks
			return withReturn({pane: RUNS_PANE, dagId: state.pane === RUNS_PANE && state.dagId === undefined ? undefined : event.run.dagId, runs: {kind: 'tasks', run: event.run}}, jumpFrom('tasks'));
		case 'open-task': {
			if (state.runs.kind === 'runs') return state;
			return {
				...state,
				pane: RUNS_PANE,
				runs: {kind: 'log', run: state.runs.run, task: event.task, tryNumber: event.tryNumber ?? Math.max(1, event.task.tryNumber), focus: event.focus ?? logFocusFor(event.task)},
			};
		}
		case 'try':
			if (state.runs.kind !== 'log') return state;
			return {...state, runs: {...state.runs, tryNumber: Math.max(1, Math.min(event.tryNumber, Math.max(1, state.runs.task.tryNumber)))}};
		case 'back': {
			const step = backStep(state);
			// the cursor goes back to the task whose log this was, however the log was opened
			if (step === 'tasks' && state.runs.kind === 'log') return {...state, runs: {kind: 'tasks', run: state.runs.run, at: state.runs.task}};
			// Runs stays where it is
			if (step === 'pane' && state.returnTo) {
				const {returnTo, ...rest} = state;
				return {...rest, pane: returnTo.pane};
			}
			if (step === 'runs') return {...state, runs: {kind: 'runs'}};
			if (step === 'all DAGs') return {...state, dagId: undefined};
			return state;
		}
	}
}

/**
 * Where Esc leads in Runs, decided here once for the reducer and the title's hint: from a log to
 * its tasks; at the level a jump landed on, back to the pane it came from; from a run's tasks to
 * the runs; from one DAG's runs to all DAGs'; from all DAGs' runs nowhere.
 */
function backStep(state: Navigation): 'tasks' | 'pane' | 'runs' | 'all DAGs' | undefined {
	if (state.pane !== RUNS_PANE) return undefined;
	if (state.runs.kind === 'log') return 'tasks';
	if (state.returnTo?.level === state.runs.kind) return 'pane';
	if (state.runs.kind === 'tasks') return 'runs';
	return state.dagId !== undefined ? 'all DAGs' : undefined;
}

function withReturn(state: Navigation, returnTo: ReturnTo | undefined): Navigation {
	return returnTo ? {...state, returnTo} : state;
}

/** What Esc does in Runs, for the title's hint: back (a level up, or to the pane a jump came from), to all DAGs' runs, or nothing. */
export function backTarget(state: Navigation): 'back' | 'all DAGs' | undefined {
	const step = backStep(state);
	return step === 'all DAGs' || step === undefined ? step : 'back';
}

/**
 * Whether the footer's notice stays after `event` took the console from `before` to `after`.
 * A notice belongs to the pane that made it ("no Variable selected" is about Variables): the
 * user going to another pane (a number, Tab, `:`, Enter on a DAG) clears it. A run opened by
 * what was just done (a trigger's new run, Triage's failed task) takes it along: it says what
 * happened to get there.
 */
export function keepsNotice(event: NavigationEvent, before: Navigation, after: Navigation): boolean {
	if (before.pane === after.pane) return true;
	return event.type === 'open-run' || event.type === 'open-task';
}
