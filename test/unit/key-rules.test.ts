// The console's key rules without Ink: the dispatcher's read-only and disabled verdicts, the
// list reducer, navigation, the `:` line and help's order. Each fails when its rule changes.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DagRun, TaskInstance} from '../../source/airflow/model.js';
import {bind, resolveKey} from '../../source/ui/bindings.js';
import {commandTarget, completeCommand, dagCommandOutcome} from '../../source/ui/command-line.js';
import {countWords, INITIAL_LIST, listReducer, pageStartOf, type ListEvent, type ListState} from '../../source/ui/components/list-state.js';
import {pageOf} from '../../source/ui/components/list-pane.js';
import {footerKeys} from '../../source/ui/frame/footer.js';
import {clampHelpTop, helpRows} from '../../source/ui/frame/help-rows.js';
import {backTarget, initialNavigation, keepsNotice, logFocusFor, navigate, type NavigationEvent} from '../../source/ui/navigation.js';
import {PANES} from '../../source/ui/panes/registry.js';

import {press as key} from '../support/keys.js';
const writable = {readOnly: false, readOnlyWhy: ''};
const readOnly = {readOnly: true, readOnlyWhy: '--read-only'};

describe('dispatcher', () => {
	const ran: string[] = [];
	const layer = [bind('trigger', () => ran.push('trigger')), bind('down', () => ran.push('down'))];

	it('refuses a mutating binding in read-only mode, with the reason, and never runs it', () => {
		const verdict = resolveKey([layer], 't', key(), readOnly);
		assert.equal(verdict.kind, 'refused');
		assert.match(verdict.kind === 'refused' ? verdict.reason : '', /^read-only: trigger is disabled \(--read-only\); nothing was sent$/);
	});

	it('runs a reading binding in read-only mode', () => {
		assert.equal(resolveKey([layer], 'j', key(), readOnly).kind, 'run');
	});

	it('runs a mutating binding when writes are allowed', () => {
		const verdict = resolveKey([layer], 't', key(), writable);
		assert.equal(verdict.kind === 'run' && verdict.binding.action, 'trigger');
	});

	it("says a binding's own disabled reason", () => {
		const verdict = resolveKey([[bind('edit', () => {}, {disabledReason: () => 'no Variable selected'})]], 'e', key(), writable);
		assert.deepEqual(verdict.kind === 'refused' && verdict.reason, 'no Variable selected');
	});

	it('passes a key a layer does not offer now to the next layer', () => {
		const inner = [bind('back', () => {}, {enabled: () => false})];
		const outer = [bind('back', () => {})];
		const verdict = resolveKey([inner, outer], '', key({escape: true}), writable);
		assert.equal(verdict.kind === 'run' && verdict.binding, outer[0]);
	});

	it('finds nothing for a key nobody binds', () => {
		assert.equal(resolveKey([layer], 'z', key(), writable).kind, 'none');
	});
});

describe('list reducer', () => {
	const run = (events: ListEvent[], total: number, start: ListState = INITIAL_LIST) => events.reduce((state, event) => listReducer(state, event, {total}), start);

	it('G then Enter: the selection is the last row before Enter is read', () => {
		assert.equal(run([{type: 'bottom'}], 40).selected, 39);
	});

	it('moves within the list, never past either end', () => {
		assert.equal(
			run(
				[
					{type: 'move', delta: 5},
					{type: 'move', delta: 100},
				],
				12,
			).selected,
			11,
		);
		assert.equal(run([{type: 'move', delta: -3}], 12).selected, 0);
		assert.equal(run([{type: 'bottom'}], 0).selected, 0);
	});

	it('a filter typed in one chunk applies on Enter and starts at the top', () => {
		const keys: ListEvent[] = [...'etl'].map(char => ({type: 'filter-key', input: char, key: key()}));
		const state = run([{type: 'move', delta: 4}, {type: 'filter-open'}, ...keys, {type: 'filter-key', input: '', key: key({return: true})}], 10);
		assert.deepEqual(state, {selected: 0, filter: 'etl', draft: undefined});
	});

	it('Esc while typing keeps the old filter; clearing empties it', () => {
		const typed = run([{type: 'filter-open'}, {type: 'filter-key', input: 'x', key: key()}, {type: 'filter-key', input: '', key: key({escape: true})}], 10, {
			selected: 2,
			filter: 'old',
			draft: undefined,
		});
		assert.deepEqual(typed, {selected: 2, filter: 'old', draft: undefined});
		assert.equal(run([{type: 'filter-clear'}], 10, typed).filter, '');
	});

	it('selects a row asked for by index, within the list', () => {
		assert.equal(run([{type: 'select', index: 7}], 12).selected, 7);
		assert.equal(run([{type: 'select', index: 40}], 12).selected, 11);
	});

	it('a list that has every row says where the row to locate is, among the filtered rows', () => {
		const rows = ['extract', 'load', 'report', 'load_more'];
		const page = pageOf(rows, {offset: 0, limit: 2, filter: 'o', locate: row => row === 'report'}, row => row);
		assert.deepEqual(page, {items: ['load', 'report'], total: 3, located: 1});
		assert.equal(pageOf(rows, {offset: 0, limit: 2, filter: '', locate: row => row === 'gone'}, row => row).located, undefined);
	});

	it('clamps when the list shrinks', () => {
		assert.equal(run([{type: 'clamp'}], 3, {selected: 9, filter: '', draft: undefined}).selected, 2);
	});

	it('the count line counts the rows that fit, not the rows fetched for a taller screen', () => {
		assert.equal(countWords(0, 35, 14, 124), 'rows 1-14 of 124');
		assert.equal(countWords(2400, 31, 40, 2431), 'rows 2,401-2,431 of 2,431');
		assert.equal(countWords(0, 0, 14, 0), '0 of 0');
	});

	it('pages start at multiples of the page size', () => {
		assert.equal(pageStartOf(39, 18), 36);
		assert.equal(pageStartOf(17, 18), 0);
	});
});

describe('navigation', () => {
	const run = {dagId: 'etl', runId: 'r1'} as DagRun;
	const task = {taskId: 'load', tryNumber: 3} as TaskInstance;

	it('Enter on a DAG opens its runs; Esc climbs log -> tasks -> runs -> back to DAGs', () => {
		let state = navigate(initialNavigation('dags'), {type: 'open-dag', dagId: 'etl'});
		assert.deepEqual(state, {pane: 'runs', dagId: 'etl', runs: {kind: 'runs'}, returnTo: {pane: 'dags', level: 'runs'}});
		state = navigate(navigate(state, {type: 'open-run', run}), {type: 'open-task', task});
		assert.deepEqual(state.runs, {kind: 'log', run, task, tryNumber: 3, focus: 'end'});
		state = navigate(state, {type: 'back'});
		assert.equal(state.runs.kind, 'tasks');
		state = navigate(state, {type: 'back'});
		assert.deepEqual(state, {pane: 'runs', dagId: 'etl', runs: {kind: 'runs'}, returnTo: {pane: 'dags', level: 'runs'}});
		assert.equal(backTarget(state), 'back');
		state = navigate(state, {type: 'back'});
		assert.deepEqual(state, {pane: 'dags', dagId: 'etl', runs: {kind: 'runs'}}, 'back on DAGs; Runs keeps its place');
	});

	it('Esc goes back to the pane a jump came from (Triage), at the level it landed on', () => {
		let state = navigate(navigate(initialNavigation('triage'), {type: 'open-run', run}), {type: 'open-task', task, focus: 'first-error'});
		state = navigate(state, {type: 'back'});
		assert.equal(state.runs.kind, 'tasks');
		state = navigate(state, {type: 'back'});
		assert.equal(state.pane, 'triage');
		assert.equal(state.returnTo, undefined);
		// Runs chosen by its number afterwards is a start of its own: Esc climbs within it
		state = navigate(navigate(state, {type: 'pane', pane: 'runs'}), {type: 'back'});
		assert.deepEqual([state.pane, state.runs.kind, state.dagId], ['runs', 'runs', 'etl']);
		assert.equal(backTarget(state), 'all DAGs');
		assert.equal(backTarget(navigate(state, {type: 'back'})), undefined);
	});

	it('`:dag_id` within Runs after a jump starts afresh: Esc climbs to all DAGs', () => {
		const jumped = navigate(initialNavigation('triage'), {type: 'open-run', run});
		const other = navigate(jumped, {type: 'open-dag', dagId: 'other'});
		assert.deepEqual(other, {pane: 'runs', dagId: 'other', runs: {kind: 'runs'}});
		assert.equal(navigate(navigate(other, {type: 'open-run', run: {...run, dagId: 'other'}}), {type: 'back'}).runs.kind, 'runs');
	});

	it('a pane chosen by number or Tab after a jump forgets where the jump came from', () => {
		const jumped = navigate(initialNavigation('triage'), {type: 'open-run', run});
		const elsewhere = navigate(navigate(jumped, {type: 'pane', pane: 'health'}), {type: 'pane', pane: 'runs'});
		assert.deepEqual(navigate(elsewhere, {type: 'back'}), {pane: 'runs', dagId: 'etl', runs: {kind: 'runs'}});
	});

	it('Esc from a log goes back to the tasks with that task to put the cursor on', () => {
		const tasks = navigate(initialNavigation('triage'), {type: 'open-run', run});
		const back = navigate(navigate(tasks, {type: 'open-task', task}), {type: 'back'});
		assert.deepEqual(back.runs, {kind: 'tasks', run, at: task});
	});

	it('Triage opens a log at its first error; Enter in the task list at its end', () => {
		const tasks = navigate(initialNavigation('triage'), {type: 'open-run', run});
		const fromTriage = navigate(tasks, {type: 'open-task', task, focus: 'first-error'}).runs;
		assert.equal(fromTriage.kind === 'log' && fromTriage.focus, 'first-error');
		const fromList = navigate(tasks, {type: 'open-task', task}).runs;
		assert.equal(fromList.kind === 'log' && fromList.focus, 'end');
	});

	it('a failed or up_for_retry task opens at its first error from the task list, `T` and `H`; others at the end', () => {
		const tasks = navigate(initialNavigation('runs'), {type: 'open-run', run});
		const focusOf = (state: string | null) => {
			const level = navigate(tasks, {type: 'open-task', task: {...task, state}}).runs;
			return level.kind === 'log' ? level.focus : undefined;
		};
		assert.deepEqual(['failed', 'up_for_retry', 'success', 'running', 'upstream_failed', null].map(focusOf), ['first-error', 'first-error', 'end', 'end', 'end', 'end']);
		assert.equal(logFocusFor({state: 'failed'}), 'first-error');
		// a focus said by the caller wins over the task's state
		const told = navigate(tasks, {type: 'open-task', task: {...task, state: 'failed'}, focus: 'end'}).runs;
		assert.equal(told.kind === 'log' && told.focus, 'end');
	});

	it('a run opened from another pane (a trigger) lands at its tasks in its DAG', () => {
		assert.deepEqual(navigate(initialNavigation('dags'), {type: 'open-run', run}), {pane: 'runs', dagId: 'etl', runs: {kind: 'tasks', run}, returnTo: {pane: 'dags', level: 'tasks'}});
		// within Runs, a run opened from the list climbs back to the list
		assert.deepEqual(navigate(initialNavigation('runs'), {type: 'open-run', run}), {pane: 'runs', dagId: undefined, runs: {kind: 'tasks', run}});
	});

	it('an earlier try stays between 1 and the latest', () => {
		const log = navigate(navigate(initialNavigation('runs'), {type: 'open-run', run}), {type: 'open-task', task});
		const tries = [0, 1, 2, 9].map(n => {
			const next = navigate(log, {type: 'try', tryNumber: n}).runs;
			return next.kind === 'log' ? next.tryNumber : -1;
		});
		assert.deepEqual(tries, [1, 1, 2, 3]);
	});

	it('a footer notice stays on its own pane: another pane clears it, a run opened by what was done keeps it', () => {
		const keeps = (from: string, event: NavigationEvent) => {
			const before = initialNavigation(from);
			return keepsNotice(event, before, navigate(before, event));
		};
		assert.equal(keeps('variables', {type: 'pane', pane: 'connections'}), false);
		assert.equal(keeps('dags', {type: 'open-dag', dagId: 'etl'}), false);
		assert.equal(keeps('variables', {type: 'pane', pane: 'variables'}), true);
		// "triggered manual__1" stays when the new run opens
		assert.equal(keeps('dags', {type: 'open-run', run}), true);
		const log = navigate(navigate(initialNavigation('runs'), {type: 'open-run', run}), {type: 'open-task', task});
		assert.equal(keepsNotice({type: 'back'}, log, navigate(log, {type: 'back'})), true);
	});

	it('Esc on another pane changes nothing', () => {
		const state = initialNavigation('variables');
		assert.equal(navigate(state, {type: 'back'}), state);
	});
});

describe('the : line', () => {
	it('goes to a pane by id, name, short name or prefix, otherwise opens a DAG', () => {
		assert.deepEqual(commandTarget('vars', PANES), {kind: 'pane', id: 'variables'});
		assert.deepEqual(commandTarget('Config', PANES), {kind: 'pane', id: 'config'});
		assert.deepEqual(commandTarget('imp', PANES), {kind: 'pane', id: 'errors'});
		assert.deepEqual(commandTarget('import-errors', PANES), {kind: 'pane', id: 'errors'});
		assert.deepEqual(commandTarget('import errors', PANES), {kind: 'pane', id: 'errors'});
		assert.deepEqual(commandTarget('ws_fail', PANES), {kind: 'dag', dagId: 'ws_fail'});
		assert.deepEqual(commandTarget('  ', PANES), {kind: 'none'});
	});

	it('a name that is no pane opens a DAG only when the server has it; a 404 says so', () => {
		assert.deepEqual(dagCommandOutcome('ws_fail', {exists: true}, PANES), {open: true});
		const missing = dagCommandOutcome('nosuch', {status: 404}, PANES);
		assert.match('message' in missing ? missing.message : '', /^no pane or DAG "nosuch": panes are triage, health, dags, runs, vars/);
		// the server could not say (500, timeout): Runs opens and shows why
		assert.deepEqual(dagCommandOutcome('etl', {status: 500}, PANES), {open: true});
		assert.deepEqual(dagCommandOutcome('etl', {status: undefined}, PANES), {open: true});
	});

	it('Tab completes a unique prefix and leaves an ambiguous one', () => {
		assert.equal(completeCommand('va', PANES), 'vars');
		assert.equal(completeCommand('co', PANES), 'con');
		assert.equal(completeCommand('con', PANES), 'con');
		assert.equal(completeCommand('zzz', PANES), 'zzz');
	});

	it('Tab completes DAG ids the server matched too, beside the panes', () => {
		const ids = ['ws_fail', 'ws_fast', 'etl_ws_fail'];
		assert.equal(completeCommand('ws_f', PANES, [], ids), 'ws_fa');
		assert.equal(completeCommand('ws_fai', PANES, [], ids), 'ws_fail');
		// a pane and a DAG share the start: nothing longer to complete
		assert.equal(completeCommand('he', PANES, [], ['hello']), 'he');
		assert.equal(completeCommand('pro', PANES, [], ['zzz']), 'provs');
	});
});

describe('help and footer', () => {
	const bindings = [bind('trigger', () => {}), bind('down', () => {}, {display: false}), bind('quit', () => {})];

	it("help lists the pane's keys first, then every global key, marking what changes Airflow", () => {
		const rows = helpRows('DAGs', bindings, true);
		const labels = rows.map(row => (row.kind === 'heading' ? `# ${row.text}` : `${row.label} ${row.note}`));
		assert.deepEqual(labels.slice(0, 4), ['# DAGs: keys here', 't (read-only: disabled)', 'j/↓ ', '# everywhere']);
		assert.ok(labels.includes('q '));
		// the terminal's own keys, taken before the panes see them, are listed too
		assert.ok(labels.includes('Ctrl-L '));
		assert.ok(labels.includes('Ctrl-Z '));
		assert.equal(clampHelpTop(50, 20, 8), 12);
		assert.equal(clampHelpTop(-3, 20, 8), 0);
	});

	it('the footer shows the pane keys on display with their words, then help, go to and quit', () => {
		assert.equal(footerKeys(bindings), 't trigger  ? help  : go to  q quit');
		// too narrow for every key: whole ones are left out, help stays
		assert.equal(footerKeys([bind('trigger', () => {}), bind('pause', () => {})], 30), 't trigger  ? help  : go to');
	});
});
