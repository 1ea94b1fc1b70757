// A run's tasks as a timeline (Gantt): one row per task instance, its queued time (░) and its
// running time (█, in the state's colour) on one UTC axis shared by every row. Enter opens the
// task's log as the task list does; Esc (or T) goes back to the list. The layout is
// gantt-layout.ts; this file keeps the selection and draws.
import {useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {DagRun, TaskInstance} from '../../airflow/model.js';
import {usePoll} from '../../live/use-poll.js';
import {formatAge} from '../../text/age.js';
import {fit} from '../../text/cells.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {formatClock, formatDateTime} from '../../text/time.js';
import {useActions} from '../actions.js';
import {bind} from '../bindings.js';
import {windowTop} from '../grid-layout.js';
import {axisLine, axisTicks, barOf, ganttRows, nameWidth, spanOf, type Bar} from '../gantt-layout.js';
import {useBindings} from '../keys.js';
import {useRefreshKey} from '../refresh.js';
import {color, stateStyle} from '../theme.js';

const QUEUED = '░';
const RUNNING = '█';

const taskName = (task: TaskInstance) => sanitizeLine(task.mapIndex >= 0 ? `${task.taskId}[${task.mapIndex}]` : task.taskId);

function BarCells(props: {bar: Bar; width: number; state: string | null}) {
	const {queued, running} = props.bar;
	const parts: {text: string; color?: string}[] = [];
	let at = 0;
	for (const [segment, char, tone] of [
		[queued, QUEUED, 'gray'],
		[running, RUNNING, stateStyle(props.state).color],
	] as const) {
		if (!segment) continue;
		parts.push({text: ' '.repeat(Math.max(0, segment.from - at))});
		parts.push({text: char.repeat(segment.to - segment.from), color: tone});
		at = segment.to;
	}
	return (
		<Text>
			{parts.map((part, index) => (
				<Text key={index} color={part.color ? color(part.color) : undefined}>
					{part.text}
				</Text>
			))}
		</Text>
	);
}

export function GanttView(props: {
	client: AirflowClient;
	run: DagRun;
	active: boolean;
	height: number;
	width: number;
	refreshMs: number;
	/** the task under the list's cursor when T was pressed: the chart opens on its bar */
	startAt?: {taskId: string; mapIndex: number};
	onOpen: (task: TaskInstance) => void;
	onBack: () => void;
}) {
	const {client, run} = props;
	const actions = useActions();
	const poll = usePoll(signal => client.listTaskInstances(run.dagId, run.runId, signal), props.active ? props.refreshMs : 0, [run.dagId, run.runId]);
	useRefreshKey(poll.refresh);
	const now = poll.fetchedAt ?? Date.now();
	const rows = ganttRows(poll.data ?? [], now);
	const [selected, setSelectedState] = useState(0);
	const [top, setTop] = useState(0);
	const live = useRef({selected: 0, rows});
	live.current.rows = rows;
	// summary, axis, the selected task's line
	const room = Math.max(1, props.height - 3);
	// once, with the first answer: the bar of the task the list was on (the bars are in start order)
	const placed = useRef(false);
	if (!placed.current && poll.data) {
		placed.current = true;
		const at = props.startAt ? rows.findIndex(row => row.task.taskId === props.startAt!.taskId && row.task.mapIndex === props.startAt!.mapIndex) : -1;
		if (at > 0) {
			live.current.selected = at;
			setSelectedState(at);
			setTop(windowTop(0, at, room));
		}
	}
	const move = (to: number) => {
		const next = Math.max(0, Math.min(Math.max(0, live.current.rows.length - 1), to));
		live.current.selected = next;
		setSelectedState(next);
		setTop(current => windowTop(current, next, room));
	};
	const current = (): TaskInstance | undefined => live.current.rows[live.current.selected]?.task;
	const noTask = () => (current() ? undefined : 'no task instances (yet)');
	useBindings(
		[
			bind('open', () => props.onOpen(current()!), {disabledReason: noTask}),
			bind('copy', () => actions.copy(current()!.taskId, 'task id'), {disabledReason: noTask}),
			bind('link', () => actions.link({kind: 'task', dagId: run.dagId, runId: run.runId, taskId: current()!.taskId, mapIndex: current()!.mapIndex}), {disabledReason: noTask}),
			bind('timeline', () => props.onBack(), {display: false}),
			bind('back', () => props.onBack()),
			bind('down', () => move(live.current.selected + 1), {display: false}),
			bind('up', () => move(live.current.selected - 1), {display: false}),
			bind('top', () => move(0), {display: false}),
			bind('bottom', () => move(live.current.rows.length - 1), {display: false}),
			bind('page-down', () => move(live.current.selected + room), {display: false}),
			bind('page-up', () => move(live.current.selected - room), {display: false}),
		],
		props.active,
	);

	const names = nameWidth(
		rows.map(row => taskName(row.task)),
		props.width,
	);
	// the marker (2), the names, a space; one cell spare so no row fills the terminal's width
	const chart = Math.max(4, props.width - 2 - names - 1 - 1);
	const span = spanOf(rows.map(row => row.times));
	const axis = span ? axisTicks(span, chart) : undefined;
	const shownSelected = Math.min(selected, Math.max(0, rows.length - 1));
	const shownTop = windowTop(Math.min(top, Math.max(0, rows.length - room)), shownSelected, room);
	const chosen = rows[shownSelected];

	const summary = span
		? `${formatDateTime(span.start, {seconds: true})} → ${formatClock(span.end)} (${formatAge(span.end - span.start)})`
		: poll.data
			? 'no task has been queued or started yet'
			: poll.error
				? ''
				: 'loading…';
	return (
		<Box flexDirection="column" height={props.height}>
			<Text wrap="truncate">
				<Text bold>timeline</Text>
				<Text dimColor>{`  ${summary}  `}</Text>
				<Text color={color('gray')}>{QUEUED}</Text>
				<Text dimColor> queued </Text>
				<Text>{RUNNING}</Text>
				<Text dimColor> running</Text>
				{poll.error ? <Text color={color('red')}>{`  ! ${sanitizeLine(poll.error)}`}</Text> : null}
			</Text>
			<Text dimColor wrap="truncate">
				{fit('  task', 2 + names + 1)}
				{axis ? axisLine(axis.ticks, chart) : ''}
			</Text>
			{rows.length === 0 && poll.data ? <Text dimColor> no task instances (yet)</Text> : null}
			{rows.slice(shownTop, shownTop + room).map((row, index) => {
				const isSelected = shownTop + index === shownSelected;
				const bar = span ? barOf(row.times, span, chart) : {};
				const style = stateStyle(row.task.state);
				return (
					<Text key={`${row.task.taskId}/${row.task.mapIndex}`} wrap="truncate">
						<Text inverse={isSelected}>
							{isSelected ? '› ' : '  '}
							{fit(taskName(row.task), names)}
						</Text>{' '}
						{bar.queued || bar.running ? (
							<BarCells bar={bar} width={chart} state={row.task.state} />
						) : (
							<Text color={color(style.color)} dimColor>{`${style.symbol} ${sanitizeLine(row.task.state ?? 'none')}: not started`}</Text>
						)}
					</Text>
				);
			})}
			{chosen ? <SelectedLine task={chosen.task} now={now} /> : null}
		</Box>
	);
}

/** The selected task in words: its state, try and times (UTC), so the bars can be read exactly. */
function SelectedLine(props: {task: TaskInstance; now: number}) {
	const {task} = props;
	const style = stateStyle(task.state);
	const clock = (iso: string | null) => (iso ? formatClock(iso).replace(` UTC`, '') : '-');
	const started = task.startDate ? Date.parse(task.startDate) : Number.NaN;
	const ended = task.endDate ? Date.parse(task.endDate) : props.now;
	const took = Number.isFinite(started) && Number.isFinite(ended) ? ` (${formatAge(ended - started)})` : '';
	return (
		<Text wrap="truncate">
			<Text bold>{taskName(task)}</Text> <Text color={color(style.color)}>{`${style.symbol} ${sanitizeLine(task.state ?? 'none')}`}</Text>
			<Text dimColor>{`  try ${task.tryNumber}  queued ${clock(task.queuedWhen)}  start ${clock(task.startDate)}  end ${clock(task.endDate)}${took} UTC`}</Text>
		</Text>
	);
}
