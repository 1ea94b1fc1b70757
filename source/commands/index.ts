// Every scriptable command, by name: cli.tsx parses argv with a command's options and
// runs it; --help is written from this table.
import type {Command} from './command.js';
import {clearCommand} from './clear.js';
import {completionCommand} from './completion.js';
import {configCommand} from './config.js';
import {connectionsCommand} from './connections.js';
import {dagsCommand} from './dags.js';
import {failuresCommand} from './failures.js';
import {healthCommand} from './health.js';
import {importErrorsCommand} from './import-errors.js';
import {logsCommand} from './logs.js';
import {markCommand} from './mark.js';
import {pauseCommand, unpauseCommand} from './pause.js';
import {poolsCommand} from './pools.js';
import {profilesCommand} from './profiles.js';
import {providersCommand} from './providers.js';
import {sandboxCommand} from './sandbox.js';
import {statusCommand} from './status.js';
import {runsCommand} from './runs.js';
import {tasksCommand} from './tasks.js';
import {triggerCommand} from './trigger.js';
import {variablesCommand} from './variables.js';

export const COMMANDS: Command[] = [
	healthCommand,
	dagsCommand,
	pauseCommand,
	unpauseCommand,
	triggerCommand,
	runsCommand,
	tasksCommand,
	logsCommand,
	failuresCommand,
	importErrorsCommand,
	clearCommand,
	markCommand,
	variablesCommand,
	connectionsCommand,
	poolsCommand,
	configCommand,
	providersCommand,
	profilesCommand,
	statusCommand,
	sandboxCommand,
	completionCommand,
];

export function commandNamed(name: string): Command | undefined {
	return COMMANDS.find(command => command.name === name);
}
