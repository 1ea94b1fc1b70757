// The command line: parse argv; a command runs once and exits, no command opens the console.
// A password is refused on argv before anything else looks at it.
import {parseArgs} from 'node:util';
import {sanitizeLine} from '../text/sanitize.js';
import {ConfigError, refusePasswordArgument} from '../config/connection.js';
import {consoleCommand} from '../commands/console.js';
import {VERSION} from '../version.js';
import {commandNamed, COMMANDS} from '../commands/index.js';
import {makeContext, type Command} from '../commands/command.js';
import {parseNumber, secondsFlag} from '../commands/flags.js';
import {Output} from '../commands/output.js';
import {loadProfiles, profilesPath} from '../config/profiles.js';
import {DEFAULT_THRESHOLDS, type Thresholds} from '../live/health-history.js';
import {completionCandidates} from './complete.js';
import {GLOBAL_OPTIONS, GLOBAL_VALUE_OPTIONS} from './global-options.js';
import {commandHelp, globalHelp} from './help.js';
import {parseErrorMessage, unknownCommandMessage} from './usage-errors.js';

/** --refresh SECONDS: how often the visible pane and the health badge poll (default 5). */
function refreshMs(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	// the polling backs off to at most 60 s, so a longer refresh would quietly be 60 s: refuse it
	return parseNumber('refresh', value, {min: 0.2, max: 60, unit: 'of seconds'}) * 1000;
}

/** --warn/--crit SECONDS: scheduler heartbeat lag that turns the badge yellow / red. */
function thresholds(warn: string | undefined, crit: string | undefined): Thresholds {
	const result = {warnSeconds: secondsFlag({warn}, 'warn', DEFAULT_THRESHOLDS.warnSeconds), critSeconds: secondsFlag({crit}, 'crit', DEFAULT_THRESHOLDS.critSeconds)};
	if (result.critSeconds < result.warnSeconds) throw new ConfigError('--crit must be at least --warn');
	return result;
}

/** The first positional argument: the command's name (a global option's value is skipped). */
function commandName(argv: string[]): string | undefined {
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') return argv[index + 1];
		if (GLOBAL_VALUE_OPTIONS.has(arg)) index++;
		else if (!arg.startsWith('-')) return arg;
	}
	return undefined;
}

/** `windsock __complete -- WORDS...`: the shell scripts' question; candidates one a line. */
function complete(words: string[]): number {
	const typed = words[0] === '--' ? words.slice(1) : words;
	const profileNames = () => [...(loadProfiles()?.profiles.keys() ?? [])];
	const candidates = completionCandidates(typed, {commands: COMMANDS, globals: GLOBAL_OPTIONS, profileNames});
	if (candidates.length) process.stdout.write(`${candidates.join('\n')}\n`);
	return 0;
}

/** `windsock help [COMMAND]`. */
function helpFor(name: string | undefined): number {
	if (name === undefined) {
		process.stdout.write(globalHelp(profilesPath()));
		return 0;
	}
	const command = commandNamed(name);
	if (!command) throw new ConfigError(unknownCommandMessage(name, COMMANDS));
	process.stdout.write(commandHelp(command));
	return 0;
}

/** parseArgs with the command's options and the global ones; its errors in windsock's words. */
function parseArgv(argv: string[], command: Command | undefined) {
	try {
		return parseArgs({args: argv, allowPositionals: true, strict: true, options: {...GLOBAL_OPTIONS, ...(command ?? consoleCommand).options}});
	} catch (error) {
		const {code = '', message} = error as {code?: string; message: string};
		const mine = parseErrorMessage(code, message, command);
		throw mine ? new ConfigError(mine) : error;
	}
}

async function main(argv: string[]): Promise<number> {
	// the shell asks with whatever is typed; nothing of it is echoed but a candidate
	if (argv[0] === '__complete') return complete(argv.slice(1));
	refusePasswordArgument(argv);
	const name = commandName(argv);
	if (name === 'help') return helpFor(argv.slice(argv.indexOf('help') + 1).find(arg => !arg.startsWith('-')));
	const command = name ? commandNamed(name) : undefined;
	if (name && !command) throw new ConfigError(unknownCommandMessage(name, COMMANDS));
	const {values, positionals} = parseArgv(argv, command);
	if (values.help) {
		process.stdout.write(command ? commandHelp(command) : globalHelp(profilesPath()));
		return 0;
	}
	if (values.version) {
		process.stdout.write(`${VERSION}\n`);
		return 0;
	}
	const flags = {url: values.url, username: values.username, profile: values.profile, readOnly: values['read-only'], timeout: values['request-timeout']};
	const [, ...rest] = positionals;
	const out = new Output();
	const context = makeContext(command ? rest : positionals, values, flags, thresholds(values.warn, values.crit), out, refreshMs(values.refresh));
	try {
		return await (command ?? consoleCommand).run(context);
	} catch (error) {
		if (error instanceof ConfigError) throw error;
		out.error(error);
		return 1;
	}
}

export function run(argv: string[]): void {
	main(argv).then(
		code => {
			process.exitCode = code;
		},
		(error: unknown) => {
			const known = error instanceof ConfigError || (error as {code?: string} | null | undefined)?.code?.startsWith('ERR_PARSE_ARGS');
			// a usage message is a few lines (what is wrong, then the usage): each line sanitised
			const text = known ? (error as Error).message.split('\n').map(sanitizeLine).join('\n') : String((error as Error)?.stack ?? error);
			process.stderr.write(`windsock: ${text}\n`);
			process.exitCode = 2;
		},
	);
}
