// `windsock trigger DAG`: prints the new run's id on stdout (so `RUN=$(windsock trigger x)`
// works); with --wait follows it and exits 0 on success, 1 on failure (naming the failed
// tasks), 124 when --timeout passes first (as timeout(1) does).
import {describeError} from '../airflow/errors.js';
import {FAILED_TASK_STATES} from '../airflow/states.js';
import {ConfigError} from '../config/connection.js';
import {waitForRun} from '../live/wait-run.js';
import {parseJsonObject} from '../text/json-input.js';
import {sanitizeLine} from '../text/sanitize.js';
import {expectArgs, readSource, sourceName, type Command} from './command.js';
import {JSON_FLAG, secondsFlag} from './flags.js';

export const TIMED_OUT = 124;

/** --conf JSON, --conf @file, or --conf @- (stdin). */
async function readConf(raw: string | undefined): Promise<Record<string, unknown> | undefined> {
	if (raw === undefined) return undefined;
	const fromFile = raw.startsWith('@');
	const text = fromFile ? await readSource(raw.slice(1)) : raw;
	const source = fromFile ? sourceName(raw.slice(1)) : '--conf';
	const parsed = parseJsonObject(text);
	// JSON that does not parse, or JSON that is not an object ("must be a JSON object, not an array")
	if (!parsed.ok) throw new ConfigError(`${source} ${parsed.message.startsWith('must be') ? parsed.message : `is not valid JSON: ${parsed.message}`}`);
	return parsed.value;
}

export const triggerCommand: Command = {
	name: 'trigger',
	usage: 'trigger DAG [--conf JSON|@file|@-] [--logical-date ISO] [--run-id ID] [--note T] [--unpause] [--wait [--timeout S] [--poll S]] [--json]',
	summary: 'trigger a run; prints its id; --wait follows it to the end',
	options: {
		conf: {type: 'string', value: 'JSON|@file|@-', help: "the run's conf: JSON text, a file (@file) or stdin (@-)"},
		'logical-date': {type: 'string', value: 'ISO', help: 'the logical date, e.g. 2026-01-31T00:00:00Z (default: now)'},
		'run-id': {type: 'string', value: 'ID', help: "the new run's id (default: Airflow's manual__...)"},
		note: {type: 'string', value: 'T', help: "a note on the run, shown in Airflow's UI"},
		unpause: {type: 'boolean', help: 'unpause the DAG first if it is paused (a paused DAG queues the run)'},
		wait: {type: 'boolean', help: 'follow the run to its end; exit 0 only if it succeeded'},
		timeout: {type: 'string', value: 'SECS', help: 'with --wait: give up after SECS (default 3600)'},
		poll: {type: 'string', value: 'SECS', help: 'with --wait: how often to ask for the state (default 2)'},
		json: JSON_FLAG,
	},
	examples: [
		['trigger etl_daily', 'start a run now and print its id'],
		['trigger etl_daily --conf \'{"day": "2026-01-31"}\' --wait', 'start a run with a conf and wait for its end'],
	],
	async run(context) {
		const {values, out} = context;
		const [dagId] = expectArgs(context, triggerCommand, 1);
		const conf = await readConf(values['conf'] as string | undefined);
		const logicalDate = values['logical-date'] as string | undefined;
		if (logicalDate !== undefined && Number.isNaN(Date.parse(logicalDate))) {
			throw new ConfigError(`--logical-date takes an ISO date and time such as 2026-11-25T10:00:00Z, not "${logicalDate}"`);
		}
		const timeoutMs = secondsFlag(values, 'timeout', 3600, 7 * 86_400) * 1000;
		const pollMs = secondsFlag(values, 'poll', 2) * 1000;
		const {client} = await context.connect();

		const dag = await client.getDag(dagId!);
		if (dag.isPaused && values['unpause']) {
			await client.setPaused(dagId!, false);
			out.note(`unpaused ${sanitizeLine(dagId)}`);
		} else if (dag.isPaused) {
			out.warn(`${sanitizeLine(dagId)} is paused: the run will stay queued until it is unpaused (--unpause, or windsock unpause ${sanitizeLine(dagId)})`);
		}
		const run = await client.trigger(dagId!, {
			...(conf ? {conf} : {}),
			...(logicalDate ? {logicalDate} : {}),
			...(values['run-id'] ? {runId: values['run-id'] as string} : {}),
			...(values['note'] ? {note: values['note'] as string} : {}),
		});
		if (!values['wait']) {
			if (values['json']) out.json(run);
			else out.line(sanitizeLine(run.runId));
			return 0;
		}
		if (!values['json']) out.line(sanitizeLine(run.runId));
		out.note(`${sanitizeLine(dagId)}: ${sanitizeLine(run.runId)} ${run.state}`);
		const outcome = await waitForRun(client, dagId!, run.runId, {
			timeoutMs,
			pollMs,
			onState: next => next.state !== run.state && out.note(`${sanitizeLine(dagId)}: ${sanitizeLine(run.runId)} ${sanitizeLine(next.state)}`),
			onError: error => out.note(`windsock: still waiting: ${sanitizeLine(describeError(error))}`),
		});
		if (values['json']) out.json({...outcome.run, timedOut: outcome.timedOut});
		if (outcome.timedOut) {
			out.note(`windsock: gave up waiting after ${timeoutMs / 1000}s; the run is ${sanitizeLine(outcome.run.state)} and goes on`);
			return TIMED_OUT;
		}
		if (outcome.run.state === 'success') return 0;
		const tasks = await client.listTaskInstances(dagId!, run.runId).catch(() => []);
		const failed = tasks.filter(task => FAILED_TASK_STATES.has(task.state ?? ''));
		for (const task of failed) {
			out.note(
				`failed task: ${sanitizeLine(task.taskId)}${task.mapIndex >= 0 ? `[${task.mapIndex}]` : ''} (${task.state}, try ${task.tryNumber}); read it with: windsock logs ${sanitizeLine(dagId)} ${sanitizeLine(run.runId)} ${sanitizeLine(task.taskId)}`,
			);
		}
		out.note(`windsock: ${sanitizeLine(dagId)} run ${sanitizeLine(run.runId)} ${sanitizeLine(outcome.run.state)}`);
		return 1;
	},
};
