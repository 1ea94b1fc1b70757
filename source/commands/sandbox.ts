// `windsock sandbox start|stop|status`.
import {ConfigError} from '../config/connection.js';
import {sandboxStatus, startSandbox, stopSandbox} from '../sandbox/sandbox.js';

export async function runSandbox(args: string[]): Promise<number> {
	const [action = 'status'] = args;
	switch (action) {
		case 'start': {
			const state = await startSandbox(message => process.stderr.write(`sandbox: ${message}\n`));
			process.stdout.write(`sandbox: Airflow running at ${state.url} (user ${state.username}; windsock reads its password itself)\n`);
			return 0;
		}
		case 'stop': {
			const stopped = await stopSandbox();
			process.stdout.write(stopped ? 'sandbox: stopped\n' : 'sandbox: not running\n');
			return 0;
		}
		case 'status': {
			const state = sandboxStatus();
			process.stdout.write(state ? `sandbox: running at ${state.url} (pid ${state.pid}, home ${state.home})\n` : 'sandbox: not running\n');
			return state ? 0 : 1;
		}
		default:
			throw new ConfigError(`unknown sandbox action "${action}": start, stop or status`);
	}
}
