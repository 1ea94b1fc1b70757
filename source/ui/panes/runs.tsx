// Runs: recent runs of every DAG, or of one; Enter -> the run's task instances; Enter -> that
// task's log, following new lines while the task runs. Esc goes back one level.
import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {DagRun, TaskInstance} from '../../airflow/model.js';
import {formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListPane, pageOf} from '../components/list-pane.js';
import type {Column} from '../components/windowed-table.js';
import {stateStyle} from '../theme.js';
import {LogView} from './log.js';
import {KeyDepth, useKeys} from '../keys.js';
import {actionFor} from '../keymap.js';
import {useActions} from '../actions.js';
import {describeError} from '../../airflow/errors.js';
import {FINISHED_RUN_STATES} from '../../airflow/states.js';
import {usePoll} from '../../live/use-poll.js';
import {color} from '../theme.js';
import {confirmClearRun, confirmClearTasks, confirmMarkRun, confirmMarkTask} from '../dialogs/run-actions.js';
import {openTrigger} from '../dialogs/trigger.js';
import type {RunFocus} from '../app.js';

const time = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '');

function duration(start: string | null, end: string | null, now = Date.now()): string {
	if (!start) return '';
	const ms = (end ? Date.parse(end) : now) - Date.parse(start);
	return Number.isFinite(ms) ? formatAge(ms) : '';
}

function stateCell(state: string | null) {
	const style = stateStyle(state);
	return {text: `${style.symbol} ${state ?? 'none'}`, color: style.color};
}

function runColumns(showDag: boolean) {
	return (width: number): Column<DagRun>[] => {
		const columns: Column<DagRun>[] = [{header: 'state', width: 10, cell: run => stateCell(run.state)}];
		if (showDag) columns.push({header: 'DAG', width: Math.max(14, Math.min(28, Math.floor(width * 0.22))), cell: run => ({text: sanitizeLine(run.dagId), bold: true})});
		columns.push({header: 'run id', width: Math.max(18, Math.min(40, Math.floor(width * 0.3))), cell: run => ({text: sanitizeLine(run.runId)})});
		if (width >= 100) columns.push({header: 'type', width: 9, cell: run => ({text: run.runType})});
		columns.push({header: 'logical date', width: 19, cell: run => ({text: time(run.logicalDate ?? run.runAfter)})});
		if (width >= 120) columns.push({header: 'start', width: 19, cell: run => ({text: time(run.startDate)})});
		columns.push({header: 'duration', width: 8, cell: run => ({text: duration(run.startDate, run.endDate)})});
		columns.push({header: 'note', width: 0, cell: run => ({text: sanitizeLine(run.note)})});
		return columns;
	};
}

const taskColumns = (chosen: ReadonlySet<string>) => (width: number): Column<TaskInstance>[] => [
	{header: ' ', width: 1, cell: task => ({text: chosen.has(task.taskId) ? '✓' : ' ', color: 'cyan'})},
	{header: 'state', width: 17, cell: task => stateCell(task.state)},
	{header: 'task', width: Math.max(16, Math.min(40, Math.floor(width * 0.35))), cell: task => ({text: sanitizeLine(task.mapIndex >= 0 ? `${task.taskId}[${task.mapIndex}]` : task.taskId), bold: true})},
	{header: 'try', width: 3, cell: task => ({text: String(task.tryNumber)})},
	{header: 'duration', width: 8, cell: task => ({text: task.duration !== null ? formatAge(task.duration * 1000) : duration(task.startDate, task.endDate)})},
	{header: 'operator', width: 0, cell: task => ({text: sanitizeLine(task.operator)})},
];

type Level = {kind: 'runs'} | {kind: 'tasks'; run: DagRun} | {kind: 'log'; run: DagRun; task: TaskInstance};

/**
 * The open run's state, polled while it is on screen: a run just triggered is followed to its
 * end, and a finished run that is cleared shows it is running again.
 */
function RunState(props: {run: DagRun; refreshMs: number; active: boolean}) {
	const {client} = useActions();
	const poll = usePoll(signal => client.getRun(props.run.dagId, props.run.runId, signal), props.active ? props.refreshMs : 0, [props.run.runId]);
	const state = poll.data?.state ?? props.run.state;
	const finished = FINISHED_RUN_STATES.has(state);
	const style = stateStyle(state);
	return (
		<Text wrap="truncate">
			run <Text color={color(style.color)}>{`${style.symbol} ${state}`}</Text>
			<Text dimColor>{finished ? '' : '  following until it ends'}  t: trigger again  m: mark  c: clear (Space: choose tasks)  Enter: log</Text>
		</Text>
	);
}

export function RunsPane(props: {client: AirflowClient; dagId: string | undefined; focus?: RunFocus; onFocusTaken?: () => void; active: boolean; height: number; width: number; refreshMs: number; onClearDag: () => void}) {
	const [level, setLevel] = useState<Level>({kind: 'runs'});
	const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
	const actions = useActions();
	const {client} = props;

	// a trigger lands here: open the new run at its task instances
	useEffect(() => {
		const focus = props.focus;
		if (!focus) return;
		// taken once: coming back to Runs later shows what the user chose then, not this run
		props.onFocusTaken?.();
		client.getRun(focus.dagId, focus.runId).then(
			run => {
				setChosen(new Set());
				setLevel({kind: 'tasks', run});
			},
			(error: unknown) => actions.notify(describeError(error), 'error'),
		);
	}, [props.focus?.nonce]);

	const failed = (error: unknown) => actions.notify(describeError(error), 'error');
	const title = (
		<Text wrap="truncate">
			<Text bold>{props.dagId ? sanitizeLine(props.dagId) : 'all DAGs'}</Text>
			{level.kind !== 'runs' ? <Text> › {sanitizeLine(level.run.runId)}</Text> : null}
			{level.kind === 'log' ? <Text> › {sanitizeLine(level.task.taskId)} try {level.task.tryNumber}</Text> : null}
			<Text dimColor>{level.kind === 'runs' ? (props.dagId ? '  (Esc: all DAGs)' : '  (Enter on a DAG in 2 shows only its runs)') : '  (Esc: back)'}</Text>
		</Text>
	);

	// Esc climbs one level; at the top it leaves the DAG for "all DAGs"
	useKeys((_, key) => {
		if (!key.escape) return false;
		if (level.kind === 'log') setLevel({kind: 'tasks', run: level.run});
		else if (level.kind === 'tasks') {
			setChosen(new Set());
			setLevel({kind: 'runs'});
		}
		else if (props.dagId) props.onClearDag();
		else return false;
		return true;
	}, props.active);

	const height = props.height - 1;
	const taskHeight = height - 1;
	return (
		<KeyDepth>
		<Box flexDirection="column">
			{title}
			{/* The levels above the one shown stay mounted (hidden), so Esc returns to the same
			    selection, filter and page. */}
			<Box display={level.kind === 'runs' ? 'flex' : 'none'} flexDirection="column">
				<ListPane<DagRun>
					key={props.dagId ?? '~'}
					active={props.active && level.kind === 'runs'}
					height={height}
					width={props.width}
					refreshMs={props.refreshMs}
					deps={[props.dagId]}
					fetchPage={(query, signal) => client.listRuns({dagId: props.dagId, limit: query.limit, offset: query.offset}, signal)}
					columns={runColumns(!props.dagId)}
					empty={props.dagId ? 'this DAG has no runs yet' : 'no runs yet'}
					onEnter={run => {
						setChosen(new Set());
						setLevel({kind: 'tasks', run});
					}}
					onKey={(input, key, run, refresh) => {
						const action = actionFor(input, key, ['runs', 'dags'])?.action;
						if (action === 'trigger' && props.dagId) {
							openTrigger(actions, props.dagId, props);
							return true;
						}
						if (!run) return false;
						if (action === 'mark') confirmMarkRun(actions, run, refresh);
						else if (action === 'clear') confirmClearRun(actions, run, refresh).catch(failed);
						else return false;
						return true;
					}}
				/>
			</Box>
			{level.kind !== 'runs' ? (
				<Box display={level.kind === 'tasks' ? 'flex' : 'none'} flexDirection="column">
					<RunState key={`state:${level.run.dagId}/${level.run.runId}`} run={level.run} refreshMs={props.refreshMs} active={props.active} />
					<ListPane<TaskInstance>
						key={`${level.run.dagId}/${level.run.runId}`}
						active={props.active && level.kind === 'tasks'}
						height={taskHeight}
						width={props.width}
						refreshMs={props.refreshMs}
						fetchPage={async (query, signal) => pageOf(await client.listTaskInstances(level.run.dagId, level.run.runId, signal), query, task => task.taskId)}
						filterLabel="task"
						columns={taskColumns(chosen)}
						empty="no task instances (yet)"
						onEnter={task => setLevel({kind: 'log', run: level.run, task})}
						onKey={(input, key, task, refresh) => {
							const action = actionFor(input, key, ['tasks', 'runs'])?.action;
							if (actionFor(input, key, ['dags'])?.action === 'trigger') {
								openTrigger(actions, level.run.dagId, props);
								return true;
							}
							if (!task) return false;
							if (action === 'choose') {
								setChosen(current => {
									const next = new Set(current);
									if (next.has(task.taskId)) next.delete(task.taskId);
									else next.add(task.taskId);
									return next;
								});
							} else if (action === 'clear') {
								// the chosen tasks, or the one under the cursor
								const ids = chosen.size ? chosen : new Set([task.taskId]);
								const picked = [...ids].map(taskId => ({...task, taskId}));
								confirmClearTasks(actions, level.run, picked, () => {
									setChosen(new Set());
									refresh();
								}).catch(failed);
							} else if (action === 'mark') confirmMarkTask(actions, level.run, task, refresh);
							else return false;
							return true;
						}}
					/>
				</Box>
			) : null}
			{level.kind === 'log' ? <LogView client={client} task={level.task} active={props.active} height={height} width={props.width} refreshMs={props.refreshMs} /> : null}
		</Box>
		</KeyDepth>
	);
}
