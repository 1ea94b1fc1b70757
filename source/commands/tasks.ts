// `windsock tasks DAG RUN|latest`: a run's task instances with state, try, duration and
// operator, in the order Airflow lists them.
import {stateStyle} from '../ui/theme.js';
import {formatAge} from '../text/age.js';
import {sanitizeLine} from '../text/sanitize.js';
import {taskName} from './change-preview.js';
import {expectArgs, type Command} from './command.js';
import {JSON_FLAG} from './flags.js';
import {runIdOf} from './run-id.js';
import {formatDateTime, utcHeader} from '../text/time.js';
import {plural} from '../text/plural.js';

const when = (iso: string | null) => formatDateTime(iso, {seconds: true});

/** Tenths under a minute: most tasks of a small DAG take less than a second, which is not 0s. */
const duration = (seconds: number | null) => (seconds === null ? '' : seconds < 60 ? `${seconds.toFixed(1)}s` : formatAge(seconds * 1000));

export const tasksCommand: Command = {
	name: 'tasks',
	usage: 'tasks DAG RUN|latest [--json]',
	summary: "a run's task instances: state, try, duration, operator",
	options: {json: JSON_FLAG},
	examples: [
		['tasks etl_daily latest', "the task instances of etl_daily's latest run"],
		['tasks etl_daily manual__2026-01-31T00:00:00+00:00 --json', "one run's task instances as JSON"],
	],
	async run(context) {
		const {values, out} = context;
		const [dagId, runArg] = expectArgs(context, tasksCommand, 2) as [string, string];
		const {client} = await context.connect();
		const runId = await runIdOf(client, dagId, runArg, out);
		// the server has nothing (exit 1), which is not a usage mistake (exit 2)
		if (runId === undefined) return 1;
		const tasks = await client.listTaskInstances(dagId, runId);
		if (values['json']) {
			out.json(tasks);
			return 0;
		}
		out.table(
			[
				{header: 'state', value: t => `${stateStyle(t.state).symbol} ${t.state ?? 'none'}`, paint: (text, t) => out.paint(stateStyle(t.state).color, text)},
				{header: 'task', value: t => taskName(t)},
				{header: 'try', value: t => t.tryNumber},
				{header: 'duration', value: t => duration(t.duration)},
				{header: 'operator', value: t => t.operator ?? ''},
				{header: utcHeader('started'), value: t => when(t.startDate)},
				{header: utcHeader('ended'), value: t => when(t.endDate)},
			],
			tasks,
		);
		out.note(`${plural(tasks.length, 'task instance')} in ${sanitizeLine(dagId)} ${sanitizeLine(runId)}`);
		return 0;
	},
};
