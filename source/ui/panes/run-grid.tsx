// A DAG's recent runs as a grid (Airflow's grid view): rows are tasks, columns are runs with
// the newest on the right, each cell the task's state symbol in that run. As many runs as fit
// the width; their task instances come in one batch request (a page per 100), never one per
// run. j/k pick the task, h/l the run; Enter opens that task's log in that run. The layout is
// grid-layout.ts; this file keeps the cursor and draws.
import {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {DagRun, TaskInstance} from '../../airflow/model.js';
import {usePoll} from '../../live/use-poll.js';
import {fit} from '../../text/cells.js';
import {plural} from '../../text/plural.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {formatDateTime} from '../../text/time.js';
import {useActions} from '../actions.js';
import {bind} from '../bindings.js';
import {buildGrid, gridNameWidth, runsThatFit, windowTop, type Grid} from '../grid-layout.js';
import {useBindings} from '../keys.js';
import {useRefreshKey} from '../refresh.js';
import {color, stateStyle} from '../theme.js';

/** Runs fetched at most: a 160-column terminal shows about 60 beside short names. */
const MOST_RUNS = 60;

export function RunGrid(props: {
	client: AirflowClient;
	dagId: string;
	active: boolean;
	height: number;
	width: number;
	refreshMs: number;
	onOpen: (run: DagRun, task: TaskInstance) => void;
	onBack: () => void;
}) {
	const {client, dagId} = props;
	const actions = useActions();
	// as many runs as could fit beside the shortest names; the drawing keeps those that do
	const want = runsThatFit(props.width, 8, MOST_RUNS);
	const poll = usePoll(
		async signal => {
			const runs = (await client.listRuns({dagId, limit: want}, signal)).items;
			const instances = await client.listTaskInstancesOfRuns(
				dagId,
				runs.map(run => run.runId),
				signal,
			);
			return buildGrid(runs, instances);
		},
		props.active ? props.refreshMs : 0,
		[dagId, want],
	);
	useRefreshKey(poll.refresh);
	const grid: Grid | undefined = poll.data;
	const names = gridNameWidth(grid?.tasks.map(sanitizeLine) ?? [], props.width);
	const fits = runsThatFit(props.width, names, MOST_RUNS);
	const runs = grid ? grid.runs.slice(-fits) : [];
	const tasks = grid?.tasks ?? [];
	// title, run states, the selected cell's line
	const room = Math.max(1, props.height - 3);

	// the cursor: a task row and a run counted from the newest (0), so new runs keep it in place
	const [cursor, setCursorState] = useState({row: 0, fromNewest: 0});
	const [top, setTop] = useState(0);
	const live = useRef({cursor, runs, tasks});
	live.current = {...live.current, runs, tasks};
	const move = (rows: number, older: number) => {
		const {cursor: at, runs: shown, tasks: rowsShown} = live.current;
		const next = {
			row: Math.max(0, Math.min(Math.max(0, rowsShown.length - 1), at.row + rows)),
			fromNewest: Math.max(0, Math.min(Math.max(0, shown.length - 1), at.fromNewest + older)),
		};
		live.current.cursor = next;
		setCursorState(next);
		setTop(current => windowTop(current, next.row, room));
	};
	const selection = () => {
		const {cursor: at, runs: shown, tasks: rowsShown} = live.current;
		const run = shown[shown.length - 1 - Math.min(at.fromNewest, shown.length - 1)];
		const taskId = rowsShown[Math.min(at.row, rowsShown.length - 1)];
		const cell = run && taskId !== undefined ? grid?.cell(taskId, run.runId) : undefined;
		return {run, taskId, cell};
	};
	const noCell = () => (selection().cell ? undefined : selection().run ? 'this task has no instance in that run' : 'no runs yet');
	useBindings(
		[
			bind(
				'open',
				() => {
					const {run, cell} = selection();
					props.onOpen(run!, cell!.instances[0]!);
				},
				{disabledReason: noCell},
			),
			bind('copy', () => actions.copy(selection().run!.runId, 'run id'), {disabledReason: () => (selection().run ? undefined : 'no runs yet')}),
			bind(
				'link',
				() => {
					const {run, taskId, cell} = selection();
					actions.link({kind: 'task', dagId, runId: run!.runId, taskId: taskId!, mapIndex: cell?.instances.length === 1 ? cell.instances[0]!.mapIndex : undefined});
				},
				{disabledReason: noCell},
			),
			bind('grid', () => props.onBack(), {display: false}),
			bind('back', () => props.onBack()),
			bind('grid-left', () => move(0, 1)),
			bind('grid-right', () => move(0, -1), {display: false}),
			bind('down', () => move(1, 0), {display: false}),
			bind('up', () => move(-1, 0), {display: false}),
			bind('top', () => move(-live.current.tasks.length, 0), {display: false}),
			bind('bottom', () => move(live.current.tasks.length, 0), {display: false}),
			bind('page-down', () => move(room, 0), {display: false}),
			bind('page-up', () => move(-room, 0), {display: false}),
		],
		props.active,
	);

	const row = Math.min(cursor.row, Math.max(0, tasks.length - 1));
	const column = runs.length - 1 - Math.min(cursor.fromNewest, Math.max(0, runs.length - 1));
	const shownTop = windowTop(Math.min(top, Math.max(0, tasks.length - room)), row, room);
	const {run: selectedRun, taskId: selectedTask, cell: selectedCell} = selection();
	const status = poll.error ? `! ${sanitizeLine(poll.error)}` : !grid ? 'loading…' : runs.length === 0 ? 'this DAG has no runs yet' : `${plural(runs.length, 'latest run')}, oldest ← → newest`;
	return (
		<Box flexDirection="column" height={props.height}>
			<Text wrap="truncate">
				<Text bold>grid</Text>
				<Text color={poll.error ? color('red') : undefined} dimColor={!poll.error}>{`  ${status}`}</Text>
			</Text>
			<Text wrap="truncate">
				<Text dimColor>{fit('  runs', 2 + names + 1)}</Text>
				{runs.map((run, index) => {
					const style = stateStyle(run.state);
					return (
						<Text key={run.runId} color={color(style.color)} inverse={index === column}>
							{style.symbol}
							{index === runs.length - 1 ? '' : ' '}
						</Text>
					);
				})}
			</Text>
			{grid && runs.length > 0 && tasks.length === 0 ? <Text dimColor> no task instances in these runs (yet)</Text> : null}
			{tasks.slice(shownTop, shownTop + room).map((taskId, index) => {
				const isRow = shownTop + index === row;
				return (
					<Text key={taskId} wrap="truncate">
						<Text inverse={isRow}>
							{isRow ? '› ' : '  '}
							{fit(sanitizeLine(taskId), names)}
						</Text>{' '}
						{runs.map((run, runIndex) => {
							const cell = grid?.cell(taskId, run.runId);
							const style = stateStyle(cell ? cell.state : 'absent');
							return (
								<Text key={run.runId}>
									<Text color={color(style.color)} inverse={isRow && runIndex === column}>
										{cell ? style.symbol : ' '}
									</Text>
									{runIndex === runs.length - 1 ? '' : ' '}
								</Text>
							);
						})}
					</Text>
				);
			})}
			{selectedRun ? (
				// the cell first (task, state), then its run: at 60 columns the run id is what is cut
				<Text wrap="truncate">
					{selectedTask !== undefined ? <Text bold>{sanitizeLine(selectedTask)}</Text> : null}
					{selectedCell ? (
						<Text
							color={color(stateStyle(selectedCell.state).color)}
						>{` ${stateStyle(selectedCell.state).symbol} ${sanitizeLine(selectedCell.state ?? 'none')}${selectedCell.instances.length > 1 ? ` (${selectedCell.instances.length} mapped)` : ''}`}</Text>
					) : selectedTask !== undefined ? (
						<Text dimColor> not in this run</Text>
					) : null}
					<Text dimColor>{`  ${formatDateTime(selectedRun.logicalDate ?? selectedRun.runAfter)} UTC  `}</Text>
					<Text>{sanitizeLine(selectedRun.runId)}</Text>
				</Text>
			) : null}
		</Box>
	);
}
