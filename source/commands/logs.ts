// `windsock logs DAG RUN TASK`: a task's log (its latest try unless --try); RUN may be
// `latest`. --follow keeps reading while the task runs and stops once it has finished and
// the log has nothing more. Escape sequences in the log are removed: it is server data.
import {UNFINISHED_TASK_STATES} from '../airflow/states.js';
import {sanitize} from '../text/sanitize.js';
import {expectArgs, type Command} from './command.js';
import {runIdOf} from './run-id.js';
import {numberFlag, secondsFlag} from './flags.js';

export const logsCommand: Command = {
	name: 'logs',
	usage: 'logs DAG RUN|latest TASK [--try N] [--map-index N] [--follow]',
	summary: "a task's log; --follow while it runs",
	options: {
		try: {type: 'string', value: 'N', help: "the task's try N (default: its latest)"},
		'map-index': {type: 'string', value: 'N', help: 'the mapped task instance N'},
		follow: {type: 'boolean', short: 'f', help: 'keep printing while the task runs; stop when it has finished'},
		poll: {type: 'string', value: 'SECS', help: 'with --follow: how often to ask for more (default 2)'},
	},
	examples: [
		['logs etl_daily latest extract', "the extract task's log in etl_daily's latest run"],
		['logs etl_daily latest load --follow', 'follow the load task while it runs'],
	],
	async run(context) {
		const {values, out} = context;
		const [dagId, runArg, taskId] = expectArgs(context, logsCommand, 3) as [string, string, string];
		const tryArg = numberFlag(values, 'try', {min: 1, max: 10_000, integer: true});
		const mapIndex = numberFlag(values, 'map-index', {min: 0, max: 1_000_000, integer: true});
		const pollMs = secondsFlag(values, 'poll', 2) * 1000;
		const {client} = await context.connect();

		const runId = await runIdOf(client, dagId, runArg, out);
		// the server has nothing (exit 1), which is not a usage mistake (exit 2)
		if (runId === undefined) return 1;
		let task = await client.getTaskInstance(dagId, runId, taskId);
		const tryNumber = tryArg ?? Math.max(1, task.tryNumber);
		let token: string | null | undefined;
		for (;;) {
			const chunk = await client.getLog({dagId, runId, taskId, tryNumber, mapIndex, continuationToken: token});
			// printed lines cannot be taken back: say that the log starts over
			if (chunk.restarted) out.note('windsock: the log was replaced on the server (it held only a placeholder); here it is whole');
			if (chunk.text) out.write(sanitize(chunk.text));
			token = chunk.continuationToken;
			// 3.x says when a log is complete (null); 2.x never does
			if (token === null || !values['follow']) break;
			// a task without a state yet has not started: keep waiting for it
			const finished = task.state !== null && !UNFINISHED_TASK_STATES.has(task.state);
			if (finished && !chunk.text) break;
			await new Promise(resolve => setTimeout(resolve, pollMs));
			task = await client.getTaskInstance(dagId, runId, taskId);
		}
		return 0;
	},
};
