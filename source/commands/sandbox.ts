// `windsock sandbox start|stop|status`: a local Airflow 3.x on loopback, for trying windsock.
import {ConfigError} from '../config/connection.js';
import {sandboxStatus, startSandbox, stopSandbox} from '../sandbox/sandbox.js';
import type {Command} from './command.js';

export const sandboxCommand: Command = {
	name: 'sandbox',
	usage: 'sandbox start|stop|status',
	summary: 'a local Airflow 3.x on loopback, for trying windsock',
	options: {},
	actions: ['start', 'stop', 'status'],
	examples: [
		['sandbox start', 'install (first time) and start a local Airflow 3.x on loopback'],
		['sandbox stop', 'stop it'],
	],
	async run({args, out}) {
		const [action = 'status'] = args;
		switch (action) {
			case 'start': {
				const state = await startSandbox(message => out.note(`sandbox: ${message}`));
				out.line(`sandbox: Airflow running at ${state.url} (user ${state.username}; windsock reads its password itself)`);
				return 0;
			}
			case 'stop': {
				const stopped = await stopSandbox();
				out.line(stopped ? 'sandbox: stopped' : 'sandbox: not running');
				return 0;
			}
			case 'status': {
				const state = sandboxStatus();
				out.line(state ? `sandbox: running at ${state.url} (pid ${state.pid}, home ${state.home})` : 'sandbox: not running');
				return state ? 0 : 1;
			}
			default:
				throw new ConfigError(`unknown sandbox action "${action}": start, stop or status`);
		}
	},
};
