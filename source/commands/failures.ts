// `windsock failures [--since 24h]`: what failed across every DAG in a window: each failed
// run with its DAG, run id, end time and failed tasks, and the import errors. Exits 1 when
// anything failed and 0 when nothing did (the rule: live/failures-verdict.ts), so it serves as
// a check. Requests: one for the failed runs, one per failed run for its tasks (at most
// MAX_RUNS, a few at a time), and the import errors.
import type {AirflowClient} from '../airflow/client.js';
import {describeError} from '../airflow/errors.js';
import type {DagRun, TaskInstance} from '../airflow/model.js';
import {failuresVerdict} from '../live/failures-verdict.js';
import {sanitizeLine} from '../text/sanitize.js';
import {taskName} from './change-preview.js';
import {ConfigError} from '../config/connection.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';
import {describeWindow, parseSince, sinceIso} from './since.js';
import {formatDateTime, utcHeader} from '../text/time.js';
import {plural} from '../text/plural.js';

/** The newest failed runs whose tasks are read; past this, runs are counted, not detailed. */
export const MAX_RUNS = 50;
/** Task-instance requests in flight at once: quick for 50 runs, gentle on the server. */
const PARALLEL = 4;

type FailedRun = DagRun & {
	/** task instances in state failed or upstream_failed; null when they could not be read */
	failedTasks: Pick<TaskInstance, 'taskId' | 'mapIndex' | 'state' | 'tryNumber'>[] | null;
};

async function withFailedTasks(client: AirflowClient, runs: DagRun[], onError: (run: DagRun, error: unknown) => void): Promise<FailedRun[]> {
	const result: FailedRun[] = runs.map(run => ({...run, failedTasks: null}));
	let next = 0;
	const worker = async () => {
		while (next < result.length) {
			const run = result[next++]!;
			try {
				const tasks = await client.listTaskInstances(run.dagId, run.runId);
				run.failedTasks = tasks.filter(task => task.state === 'failed' || task.state === 'upstream_failed').map(({taskId, mapIndex, state, tryNumber}) => ({taskId, mapIndex, state, tryNumber}));
			} catch (error) {
				// one run's tasks missing must not hide the other failures: the verdict stands
				onError(run, error);
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(PARALLEL, result.length)}, worker));
	return result;
}

const when = (iso: string | null) => formatDateTime(iso, {seconds: true});

function tasksCell(run: FailedRun): string {
	if (run.failedTasks === null) return '(could not read its tasks)';
	const failed = run.failedTasks.filter(task => task.state === 'failed').map(taskName);
	const upstream = run.failedTasks.length - failed.length;
	const parts = failed.length ? [failed.join(', ')] : ['(no failed task: marked failed?)'];
	if (upstream) parts.push(`+${upstream} upstream_failed`);
	return parts.join(' ');
}

export const failuresCommand: Command = {
	name: 'failures',
	usage: 'failures [--since 24h] [--json]',
	summary: 'failed runs across all DAGs in a window, and import errors; exits 1 if any',
	options: {since: {type: 'string', value: 'WINDOW', help: 'how far back: 30m, 24h, 7d or seconds (default 24h)'}, json: JSON_FLAG},
	examples: [
		['failures', 'failed runs of the last 24 hours and the import errors'],
		['failures --since 2h --json', 'the last two hours, as JSON for a script'],
	],
	async run(context) {
		const {values, out} = context;
		if (context.args.length) throw new ConfigError(`usage: windsock ${failuresCommand.usage}`);
		const raw = String(values['since'] ?? '24h');
		const windowStart = sinceIso(parseSince(raw));
		const window = describeWindow(raw);
		const {client} = await context.connect();

		const [page, importErrors] = await Promise.all([client.listRuns({states: ['failed'], updatedAfter: windowStart, limit: MAX_RUNS}), client.listImportErrors()]);
		const verdict = failuresVerdict({runs: page.items, total: page.total, importErrors: importErrors.length, windowStart});
		const runs = await withFailedTasks(client, verdict.failed, (run, error) =>
			out.warn(`${sanitizeLine(run.dagId)} ${sanitizeLine(run.runId)}: its tasks could not be read: ${sanitizeLine(describeError(error))}`),
		);
		const unshown = verdict.failedTotal - runs.length;

		if (values['json']) {
			out.json({
				exitCode: verdict.exitCode,
				since: window,
				windowStart,
				failedRuns: runs,
				failedRunsTotal: verdict.failedTotal,
				importErrors: {count: importErrors.length, files: importErrors.map(error => error.filename)},
			});
			return verdict.exitCode;
		}
		if (runs.length) {
			out.table(
				[
					{header: 'dag_id', value: r => r.dagId},
					{header: 'run_id', value: r => r.runId},
					{header: utcHeader('ended'), value: r => when(r.endDate ?? r.startDate)},
					{header: 'failed tasks', value: tasksCell, max: 80},
				],
				runs,
			);
		}
		if (unshown > 0) out.note(`and ${plural(unshown, 'older failed run')} not shown (the newest ${MAX_RUNS} are)`);
		for (const error of importErrors.slice(0, 10)) out.note(`import error: ${sanitizeLine(error.filename)}`);
		if (importErrors.length > 10) out.note(`and ${importErrors.length - 10} more import errors`);
		const runsPart = verdict.failedTotal ? `${plural(verdict.failedTotal, 'failed run')}` : 'no failed runs';
		const errorsPart = importErrors.length ? `${plural(importErrors.length, 'import error')}` : 'no import errors';
		out.note(`windsock: ${runsPart} in the last ${window}; ${errorsPart}`);
		if (runs.length) out.note("read a failed task's log with: windsock logs DAG RUN TASK");
		return verdict.exitCode;
	},
};
