// `windsock` with no subcommand: connect, then open the console on the terminal.
import {describeError} from '../airflow/errors.js';
import type {ConnectionFlags} from '../config/connection.js';
import {openClient} from '../config/open-client.js';
import {runConsole} from '../ui/run-console.js';
import {runStatus} from './status.js';
import type {Thresholds} from '../live/health-history.js';

export async function runConsoleCommand(flags: ConnectionFlags, refreshMs?: number, thresholds?: Thresholds): Promise<number> {
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write('windsock: the console needs a terminal; printing the status instead\n');
		return runStatus(flags);
	}
	try {
		const {client, label, safety} = await openClient(flags, message => process.stderr.write(`${message}\n`), {startSandbox: true});
		return await runConsole(client, label, safety, refreshMs, thresholds);
	} catch (error) {
		process.stderr.write(`windsock: ${describeError(error)}\n`);
		return 1;
	}
}
