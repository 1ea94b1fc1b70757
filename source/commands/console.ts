// `windsock` with no command: connect, then open the console on the terminal. Ink and React
// load here and only here (a dynamic import), so `--version`, `health` and the other
// commands start without them.
import {describeError} from '../airflow/errors.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Command} from './command.js';
import {statusCommand} from './status.js';

export const consoleCommand: Command = {
	name: '',
	usage: '[options]',
	summary: 'open the console',
	options: {},
	examples: [['--profile prod --read-only', 'open the console on the prod profile, changing nothing']],
	async run(context) {
		if (!process.stdout.isTTY || !process.stdin.isTTY) {
			context.out.note('windsock: the console needs a terminal; printing the status instead');
			return statusCommand.run(context);
		}
		try {
			const {client, label, safety} = await context.connect({startSandbox: true});
			const {runConsole} = await import('../ui/run-console.js');
			return await runConsole(client, label, safety, context.refreshMs, context.thresholds);
		} catch (error) {
			context.out.note(`windsock: ${sanitizeLine(describeError(error))}`);
			return 1;
		}
	},
};
