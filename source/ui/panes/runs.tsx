// Runs: recent runs of every DAG, or of one; Enter -> the run's task instances; Enter -> that
// task's log, following new lines while the task runs. Esc goes back one level.
import {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import type {DagRun, TaskInstance} from '../../airflow/model.js';
import {formatAge} from '../../text/age.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListPane, pageOf} from '../components/list-pane.js';
import type {Column} from '../components/windowed-table.js';
import {stateStyle} from '../theme.js';
import {LogView} from './log.js';
import {KeyDepth, useBindings} from '../keys.js';
import {bind} from '../bindings.js';
import {backTarget, RUNS_PANE} from '../navigation.js';
import {CRUMB_SEPARATOR, fitBreadcrumb} from '../breadcrumb.js';
import type {PaneContext, PaneDefinition} from './pane.js';
import {useActions} from '../actions.js';
import {describeError} from '../../airflow/errors.js';
import {FINISHED_RUN_STATES} from '../../airflow/states.js';
import {usePoll} from '../../live/use-poll.js';
import {color} from '../theme.js';
import {confirmClearRun, confirmClearTasks, confirmMarkRun, confirmMarkTask} from '../dialogs/run-actions.js';
import {openTrigger} from '../dialogs/trigger.js';
import {formatDateTime, utcHeader} from '../../text/time.js';
import {GanttView} from './gantt.js';
import {RunGrid} from './run-grid.js';
import {describeRunFilters, nextInCycle, RUN_STATE_FILTERS, RUN_WINDOWS, runListQuery, type RunStateFilter} from '../run-list-filter.js';
import {plural} from '../../text/plural.js';
import {RUN_SCAN_LIMIT} from '../../airflow/client.js';

const time = (iso: string | null) => formatDateTime(iso, {seconds: true});

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
		columns.push({header: utcHeader('logical date'), width: 19, cell: run => ({text: time(run.logicalDate ?? run.runAfter)})});
		if (width >= 120) columns.push({header: utcHeader('start'), width: 19, cell: run => ({text: time(run.startDate)})});
		columns.push({header: 'duration', width: 8, cell: run => ({text: duration(run.startDate, run.endDate)})});
		columns.push({header: 'note', width: 0, cell: run => ({text: sanitizeLine(run.note)})});
		return columns;
	};
}

const taskColumns =
	(chosen: ReadonlySet<string>) =>
	(width: number): Column<TaskInstance>[] => [
		{header: ' ', width: 1, cell: task => ({text: chosen.has(task.taskId) ? '✓' : ' ', color: 'cyan'})},
		{header: 'state', width: 17, cell: task => stateCell(task.state)},
		{
			header: 'task',
			width: Math.max(16, Math.min(40, Math.floor(width * 0.35))),
			cell: task => ({text: sanitizeLine(task.mapIndex >= 0 ? `${task.taskId}[${task.mapIndex}]` : task.taskId), bold: true}),
		},
		{header: 'try', width: 3, cell: task => ({text: String(task.tryNumber)})},
		{header: 'duration', width: 8, cell: task => ({text: task.duration !== null ? formatAge(task.duration * 1000) : duration(task.startDate, task.endDate)})},
		{header: 'operator', width: 0, cell: task => ({text: sanitizeLine(task.operator)})},
	];

/** The same task instance: a mapped task's copies differ by map index. */
const sameTask = (wanted: TaskInstance) => (task: TaskInstance) => task.taskId === wanted.taskId && task.mapIndex === wanted.mapIndex;

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
			run <Text color={color(style.color)}>{`${style.symbol} ${sanitizeLine(state)}`}</Text>
			<Text dimColor>{finished ? '' : '  following until it ends'}</Text>
		</Text>
	);
}

export function RunsPane(props: PaneContext) {
	const {client, nav, navigate} = props;
	const level = nav.runs;
	const dagId = nav.dagId;
	const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
	// the run list's state and window: kept when another DAG is opened (both go to the server)
	const [runState, setRunState] = useState<RunStateFilter>('all');
	const [runWindow, setRunWindow] = useState('all');
	const actions = useActions();
	// a new run or level: nothing chosen
	useEffect(() => setChosen(new Set()), [level.kind === 'runs' ? '' : `${level.run.dagId}/${level.run.runId}`]);
	// the pictures: a run's tasks as a timeline (T, opened on the task under the list's cursor),
	// the DAG's runs as a grid (H); a list again for another run or DAG. The log opened from
	// either returns to it with Esc.
	const [timeline, setTimeline] = useState<{startAt?: {taskId: string; mapIndex: number}} | undefined>(undefined);
	const [grid, setGrid] = useState(false);
	useEffect(() => setTimeline(undefined), [level.kind === 'runs' ? '' : `${level.run.dagId}/${level.run.runId}`]);
	useEffect(() => setGrid(false), [dagId]);
	const showGrid = grid && dagId !== undefined;
	const copyRun = (run: DagRun | undefined) => [
		bind('copy', () => actions.copy(run!.runId, 'run id'), {disabledReason: () => (run ? undefined : 'no run selected')}),
		bind('link', () => actions.link({kind: 'run', dagId: run!.dagId, runId: run!.runId}), {disabledReason: () => (run ? undefined : 'no run selected')}),
	];
	// the log: L shows the task's address at this try, y copies the task id
	useBindings(
		level.kind === 'log'
			? [
					bind('copy', () => actions.copy(level.task.taskId, 'task id')),
					bind('link', () => actions.link({kind: 'task', dagId: level.run.dagId, runId: level.run.runId, taskId: level.task.taskId, mapIndex: level.task.mapIndex, tryNumber: level.tryNumber})),
				]
			: [],
		props.active && level.kind === 'log',
	);

	const failed = (error: unknown) => actions.notify(describeError(error), 'error');
	// the title, fitted: the hint goes first, then the longest id is shortened in its middle
	const crumbs = fitBreadcrumb(
		[
			// a run opened from all DAGs' runs is still one DAG's run: its id leads
			dagId ? sanitizeLine(dagId) : level.kind !== 'runs' ? sanitizeLine(level.run.dagId) : 'all DAGs',
			...(level.kind !== 'runs' ? [sanitizeLine(level.run.runId)] : []),
			...(level.kind === 'log' ? [`${sanitizeLine(level.task.taskId)} try ${level.tryNumber}`] : []),
		],
		{back: '  (Esc: back)', 'all DAGs': '  (Esc: all DAGs)', none: '  (Enter on a DAG in DAGs shows only its runs)'}[backTarget(nav) ?? 'none'],
		props.width,
	);
	const title = (
		<Text wrap="truncate">
			<Text bold>{crumbs.parts[0]}</Text>
			{crumbs.parts.length > 1 ? <Text>{`${CRUMB_SEPARATOR}${crumbs.parts.slice(1).join(CRUMB_SEPARATOR)}`}</Text> : null}
			<Text dimColor>{crumbs.hint}</Text>
		</Text>
	);

	// Esc climbs one level; at the top it leaves the DAG for "all DAGs"
	useBindings([bind('back', () => navigate({type: 'back'}), {enabled: () => backTarget(nav) !== undefined, display: false})], props.active);

	const height = props.height - 1;
	const taskHeight = height - 1;
	const triggerHere = (target: string | undefined) =>
		bind('trigger', () => openTrigger(actions, target!, props), {disabledReason: () => (target ? undefined : 'open a DAG first (Enter on it in DAGs, or :dag_id)')});
	return (
		<KeyDepth>
			<Box flexDirection="column">
				{title}
				{/* The levels above the one shown stay mounted (hidden), so Esc returns to the same
				    selection, filter and page. */}
				<Box display={level.kind === 'runs' && !showGrid ? 'flex' : 'none'} flexDirection="column">
					<ListPane<DagRun>
						key={dagId ?? '~'}
						active={props.active && level.kind === 'runs' && !showGrid}
						height={height}
						width={props.width}
						refreshMs={props.refreshMs}
						deps={[dagId, runState, runWindow]}
						fetchPage={async (query, signal) => {
							const page = await client.listRuns(runListQuery({dagId, state: runState, window: runWindow, filter: query.filter}, query), signal);
							// the server could not match the text: say where it was matched
							if (page.matchedAmong === undefined) return page;
							const among = page.matchedAmong < RUN_SCAN_LIMIT ? `all ${plural(page.matchedAmong, 'run')} read` : `in the newest ${plural(page.matchedAmong, 'run')}`;
							return {...page, remark: `run ids matched by windsock, ${among}`};
						}}
						filterLabel={dagId ? 'run id' : 'run id (dag:NAME for a DAG)'}
						note={<Text>{describeRunFilters(runState, runWindow)}</Text>}
						columns={runColumns(!dagId)}
						empty={
							runState !== 'all' || runWindow !== 'all'
								? `no ${runState === 'all' ? '' : `${runState} `}runs${runWindow === 'all' ? '' : ` changed in the last ${runWindow}`} (s: state, w: window)`
								: dagId
									? 'this DAG has no runs yet'
									: 'no runs yet'
						}
						onEnter={run => navigate({type: 'open-run', run})}
						bindings={context => {
							const noRun = () => (context().row ? undefined : 'no run selected');
							return [
								bind('run-state-filter', () => setRunState(current => nextInCycle(RUN_STATE_FILTERS, current))),
								bind('run-window', () => setRunWindow(current => nextInCycle(RUN_WINDOWS, current))),
								triggerHere(dagId),
								bind('mark', () => confirmMarkRun(actions, context().row!, context().refresh), {disabledReason: noRun}),
								bind('clear', () => confirmClearRun(actions, context().row!, context().refresh).catch(failed), {disabledReason: noRun}),
								bind('grid', () => setGrid(true), {disabledReason: () => (dagId ? undefined : 'open a DAG first (Enter on it in DAGs, or :dag_id)')}),
								...copyRun(context().row),
							];
						}}
					/>
				</Box>
				{showGrid ? (
					<Box display={level.kind === 'runs' ? 'flex' : 'none'} flexDirection="column">
						<RunGrid
							client={client}
							dagId={dagId}
							active={props.active && level.kind === 'runs'}
							height={height}
							width={props.width}
							refreshMs={props.refreshMs}
							onOpen={(run, task) => {
								navigate({type: 'open-run', run});
								navigate({type: 'open-task', task});
							}}
							onBack={() => setGrid(false)}
						/>
					</Box>
				) : null}
				{level.kind !== 'runs' ? (
					<Box display={level.kind === 'tasks' ? 'flex' : 'none'} flexDirection="column">
						<RunState key={`state:${level.run.dagId}/${level.run.runId}`} run={level.run} refreshMs={props.refreshMs} active={props.active && level.kind === 'tasks'} />
						{timeline ? (
							<GanttView
								key={`gantt:${level.run.dagId}/${level.run.runId}`}
								client={client}
								run={level.run}
								active={props.active && level.kind === 'tasks'}
								height={taskHeight}
								width={props.width}
								refreshMs={props.refreshMs}
								startAt={timeline.startAt}
								onOpen={task => navigate({type: 'open-task', task})}
								onBack={() => setTimeline(undefined)}
							/>
						) : null}
						<Box display={timeline ? 'none' : 'flex'} flexDirection="column">
							<ListPane<TaskInstance>
								key={`${level.run.dagId}/${level.run.runId}`}
								active={props.active && level.kind === 'tasks' && !timeline}
								height={taskHeight}
								width={props.width}
								refreshMs={props.refreshMs}
								fetchPage={async (query, signal) => pageOf(await client.listTaskInstances(level.run.dagId, level.run.runId, signal), query, task => task.taskId)}
								// back from a log (Esc): the cursor on that task, also when the list opened under the
								// log (from Triage, or a cell of the grid) and never had it selected
								locate={level.kind === 'tasks' && level.at ? {token: level, test: sameTask(level.at)} : undefined}
								filterLabel="task"
								columns={taskColumns(chosen)}
								empty="no task instances (yet)"
								onEnter={task => navigate({type: 'open-task', task})}
								bindings={context => {
									const noTask = () => (context().row ? undefined : 'no task selected');
									return [
										triggerHere(level.run.dagId),
										bind(
											'choose',
											() => {
												const taskId = context().row!.taskId;
												setChosen(current => {
													const next = new Set(current);
													if (next.has(taskId)) next.delete(taskId);
													else next.add(taskId);
													return next;
												});
											},
											{disabledReason: noTask},
										),
										bind(
											'clear',
											() => {
												const {row: task, refresh} = context();
												// the chosen tasks, or the one under the cursor
												const ids = chosen.size ? chosen : new Set([task!.taskId]);
												confirmClearTasks(actions, level.run, ids, () => {
													setChosen(new Set());
													refresh();
												}).catch(failed);
											},
											{disabledReason: noTask},
										),
										bind('mark', () => confirmMarkTask(actions, level.run, context().row!, context().refresh), {disabledReason: noTask}),
										bind('timeline', () => {
											const row = context().row;
											setTimeline(row ? {startAt: {taskId: row.taskId, mapIndex: row.mapIndex}} : {});
										}),
										bind('copy', () => actions.copy(context().row!.taskId, 'task id'), {disabledReason: noTask}),
										bind(
											'link',
											() => {
												const task = context().row!;
												actions.link({kind: 'task', dagId: task.dagId, runId: task.runId, taskId: task.taskId, mapIndex: task.mapIndex});
											},
											{disabledReason: noTask},
										),
									];
								}}
							/>
						</Box>
					</Box>
				) : null}
				{level.kind === 'log' ? (
					<LogView
						key={`${level.task.taskId}/${level.tryNumber}`}
						client={client}
						task={level.task}
						tryNumber={level.tryNumber}
						focus={level.focus}
						onTry={tryNumber => navigate({type: 'try', tryNumber})}
						active={props.active}
						height={height}
						width={props.width}
						refreshMs={props.refreshMs}
					/>
				) : null}
			</Box>
		</KeyDepth>
	);
}

export const runsPane: PaneDefinition = {id: RUNS_PANE, name: 'Runs', short: 'Runs', render: context => <RunsPane {...context} />};
