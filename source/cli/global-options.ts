// The options every command takes (and the console), with what `--help`, `help COMMAND` and
// the shell completion say about each. parseArgs reads the same table.
import type {OptionSpec} from '../commands/command.js';
import {profilesPath} from '../config/profiles.js';

export const GLOBAL_OPTIONS = {
	profile: {type: 'string', value: 'NAME', help: `a profile from ${profilesPath()} (env WINDSOCK_PROFILE)`},
	url: {type: 'string', value: 'URL', help: "Airflow's address, with any path prefix (env WINDSOCK_URL)"},
	username: {type: 'string', value: 'NAME', help: 'user to log in as (env WINDSOCK_USERNAME)'},
	'read-only': {type: 'boolean', help: 'refuse every request that could change something'},
	'request-timeout': {type: 'string', value: 'SECS', help: 'per-request timeout (default 30)'},
	refresh: {type: 'string', value: 'SECS', help: 'how often the console polls the visible pane (default 5)'},
	warn: {type: 'string', value: 'SECS', help: 'scheduler heartbeat lag that warns (default 30)'},
	crit: {type: 'string', value: 'SECS', help: 'scheduler heartbeat lag that is critical (default 120)'},
	help: {type: 'boolean', short: 'h', help: 'this text; with a command, its flags and examples'},
	version: {type: 'boolean', short: 'v', help: "windsock's version"},
	'start-sandbox': {type: 'boolean', help: 'the console, nothing configured: install and start the local sandbox without asking (npm start passes it; commands ignore it)'},
} as const satisfies Record<string, OptionSpec>;

/** The options that take a value, as typed (--url): the next word is that value. */
export const GLOBAL_VALUE_OPTIONS: ReadonlySet<string> = new Set(
	Object.entries(GLOBAL_OPTIONS)
		.filter(([, option]) => option.type === 'string')
		.map(([name]) => `--${name}`),
);
