// The command line: parse argv; a command runs once and exits, no command opens the console.
// A password is refused on argv before anything else looks at it.
import {parseArgs} from 'node:util';
import {sanitizeLine} from '../text/sanitize.js';
import {ConfigError, refusePasswordArgument} from '../config/connection.js';
import {consoleCommand} from '../commands/console.js';
import {VERSION} from '../version.js';
import {commandNamed, COMMANDS} from '../commands/index.js';
import {makeContext} from '../commands/command.js';
import {parseNumber, secondsFlag} from '../commands/flags.js';
import {Output} from '../commands/output.js';
import {profilesPath} from '../config/profiles.js';
import {DEFAULT_THRESHOLDS, type Thresholds} from '../live/health-history.js';

const GLOBAL_OPTIONS = {
	url: {type: 'string'},
	username: {type: 'string'},
	profile: {type: 'string'},
	'read-only': {type: 'boolean'},
	'request-timeout': {type: 'string'},
	refresh: {type: 'string'},
	warn: {type: 'string'},
	crit: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
} as const;

/** Usage rows as [form, description], padded together so every description starts in one column. */
function usageRows(): string {
	const rows: [string, string][] = [
		['windsock [options]', 'open the console'],
		['windsock COMMAND [options] ...', 'run one command and exit (COMMAND --help for its usage)'],
		...COMMANDS.map(command => [`windsock ${command.name === 'sandbox' ? command.usage : command.name}`, command.summary] as [string, string]),
	];
	const width = Math.max(...rows.map(([form]) => form.length)) + 3;
	return rows.map(([form, description]) => `  ${form.padEnd(width)}${description}`).join('\n');
}

function help(): string {
	return `windsock ${VERSION}: a terminal console for Apache Airflow 2.x and 3.x

Usage
${usageRows()}

Options
  --profile NAME           a profile from ${profilesPath()} (env WINDSOCK_PROFILE)
  --url URL                Airflow's address, with any path prefix (env WINDSOCK_URL)
  --username NAME          user to log in as (env WINDSOCK_USERNAME)
  --read-only              refuse every request that could change something
  --request-timeout SECS   per-request timeout (default 30)
  --refresh SECONDS        how often the console polls the visible pane (default 5)
  --warn SECONDS           scheduler heartbeat lag that warns (default 30)
  --crit SECONDS           scheduler heartbeat lag that is critical (default 120)
  -h, --help               this text
  -v, --version            windsock's version

Secrets come from the environment, never from argv: WINDSOCK_PASSWORD or WINDSOCK_TOKEN
(a bearer token), or the variables a profile names. With a username and neither, windsock
asks for the password. Output: tables on a terminal, --json for scripts; no colour when
stdout is not a terminal or NO_COLOR is set.
`;
}

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

const GLOBAL_STRINGS = new Set(
	Object.entries(GLOBAL_OPTIONS)
		.filter(([, option]) => option.type === 'string')
		.map(([name]) => `--${name}`),
);

/** The first positional argument: the command's name (a global option's value is skipped). */
function commandName(argv: string[]): string | undefined {
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') return argv[index + 1];
		if (GLOBAL_STRINGS.has(arg)) index++;
		else if (!arg.startsWith('-')) return arg;
	}
	return undefined;
}

async function main(argv: string[]): Promise<number> {
	refusePasswordArgument(argv);
	const name = commandName(argv);
	const command = name ? commandNamed(name) : undefined;
	if (name && !command) throw new ConfigError(`unknown command "${name}"; see windsock --help`);
	const {values, positionals} = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {...GLOBAL_OPTIONS, ...(command ?? consoleCommand).options},
	});
	if (values.help) {
		process.stdout.write(command ? `usage: windsock ${command.usage}\n${command.summary}\n` : help());
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
			process.stderr.write(`windsock: ${known ? sanitizeLine((error as Error).message) : String((error as Error)?.stack ?? error)}\n`);
			process.exitCode = 2;
		},
	);
}
