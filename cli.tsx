#!/usr/bin/env node
// windsock's entry: parse argv; a subcommand runs once and exits, no subcommand opens the
// console. A password is refused on argv before anything else looks at it.
import {parseArgs} from 'node:util';
import {ConfigError, refusePasswordArgument} from './source/config/connection.js';
import {runStatus} from './source/commands/status.js';
import {runConsoleCommand} from './source/commands/console.js';
import {runSandbox} from './source/commands/sandbox.js';
import {VERSION} from './source/version.js';
import {DEFAULT_THRESHOLDS, type Thresholds} from './source/live/health-history.js';

const HELP = `windsock ${VERSION}: a terminal console for Apache Airflow 2.x and 3.x

Usage
  windsock [options]                 open the console
  windsock status [options]          one line: server, version, API, health
  windsock sandbox start|stop|status a local Airflow ${'3.x'} on loopback, for trying windsock

Options
  --url URL          Airflow's address, with any path prefix (env WINDSOCK_URL)
  --username NAME    user to log in as (env WINDSOCK_USERNAME)
  --read-only        refuse every request that could change something
  --timeout SECONDS  per-request timeout (default 30)
  --refresh SECONDS  how often the console polls the visible pane (default 5)
  --warn SECONDS     scheduler heartbeat lag shown as a warning (default 30)
  --crit SECONDS     scheduler heartbeat lag shown as critical (default 120)
  -h, --help         this text
  -v, --version      windsock's version

Secrets come from the environment, never from argv: WINDSOCK_PASSWORD or WINDSOCK_TOKEN
(a bearer token). With a username and neither, windsock asks for the password.
`;

/** --refresh SECONDS: how often the visible pane and the health badge poll (default 5). */
function refreshMs(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds < 0.5) throw new ConfigError(`--refresh takes a number of seconds (0.5 or more), not "${value}"`);
	return seconds * 1000;
}

/** --warn/--crit SECONDS: scheduler heartbeat lag that turns the badge yellow / red. */
function thresholds(warn: string | undefined, crit: string | undefined): Thresholds {
	const read = (flag: string, value: string | undefined, fallback: number) => {
		if (value === undefined) return fallback;
		const seconds = Number(value);
		if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--${flag} takes a number of seconds, not "${value}"`);
		return seconds;
	};
	const result = {warnSeconds: read('warn', warn, DEFAULT_THRESHOLDS.warnSeconds), critSeconds: read('crit', crit, DEFAULT_THRESHOLDS.critSeconds)};
	if (result.critSeconds < result.warnSeconds) throw new ConfigError('--crit must be at least --warn');
	return result;
}

async function main(argv: string[]): Promise<number> {
	refusePasswordArgument(argv);
	const {values, positionals} = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {
			url: {type: 'string'},
			username: {type: 'string'},
			'read-only': {type: 'boolean'},
			timeout: {type: 'string'},
			refresh: {type: 'string'},
			warn: {type: 'string'},
			crit: {type: 'string'},
			help: {type: 'boolean', short: 'h'},
			version: {type: 'boolean', short: 'v'},
		},
	});
	if (values.help) {
		process.stdout.write(HELP);
		return 0;
	}
	if (values.version) {
		process.stdout.write(`${VERSION}\n`);
		return 0;
	}
	const flags = {url: values.url, username: values.username, readOnly: values['read-only'], timeout: values.timeout};
	const [command, ...rest] = positionals;
	switch (command) {
		case undefined:
			return runConsoleCommand(flags, refreshMs(values.refresh), thresholds(values.warn, values.crit));
		case 'status':
			return runStatus(flags);
		case 'sandbox':
			return runSandbox(rest);
		default:
			throw new ConfigError(`unknown command "${command}"; see windsock --help`);
	}
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const known = error instanceof ConfigError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS');
		process.stderr.write(`windsock: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
		process.exitCode = 2;
	},
);
