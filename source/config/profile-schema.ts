// What a profile may hold: every field with its type and meaning (the one list: the reader
// here, the writer of `profiles add` and the README follow it), and the reading of one entry.
// A mistake is a ProfileFieldError carrying the field's path, so the caller can say which
// line of which file it is on. A profile never holds a secret itself: it names where one
// comes from (an environment variable or a command), so the file can be shared.
import {refuseUrlCredentials} from './settings-checks.js';
import {ConfigError} from './errors.js';
import {MAX_TIMEOUT_SECONDS} from './settings-checks.js';
import type {SecretCommand} from './secret-command.js';

export type FieldType = 'string' | 'boolean' | 'seconds' | 'command';

export type FieldDefinition = {type: FieldType; description: string};

/** Every field a profile may set, in the order a writer should put them. */
export const PROFILE_FIELDS = {
	url: {type: 'string', description: 'the Airflow web address, with any path prefix (required)'},
	username: {type: 'string', description: 'the user to log in as (with a password)'},
	passwordEnv: {type: 'string', description: 'the environment variable holding the password (default WINDSOCK_PASSWORD)'},
	passwordCommand: {type: 'command', description: 'a command whose output is the password (an array runs without a shell, a string through /bin/sh)'},
	tokenEnv: {type: 'string', description: 'the environment variable holding a bearer token (default WINDSOCK_TOKEN)'},
	tokenCommand: {type: 'command', description: 'a command whose output is a bearer token; run again when the server refuses it'},
	commandTimeout: {type: 'seconds', description: 'how long passwordCommand or tokenCommand may take (default 30)'},
	caFile: {type: 'string', description: 'a PEM file of the certificate authorities to trust (relative to this file, or ~/...)'},
	insecure: {type: 'boolean', description: 'do not verify the TLS certificate (shown as TLS NOT VERIFIED, warned on every command)'},
	readOnly: {type: 'boolean', description: 'refuse every request that could change something'},
	production: {type: 'boolean', description: 'shown in red; confirmations can never be turned off'},
	confirm: {type: 'boolean', description: 'false: actions run without a confirmation step (refused for production)'},
	timeout: {type: 'seconds', description: 'per-request timeout in seconds'},
} as const satisfies Record<string, FieldDefinition>;

export type ProfileField = keyof typeof PROFILE_FIELDS;

export type Profile = {
	name: string;
	url: string;
	username?: string;
	/** the environment variable holding the password (default WINDSOCK_PASSWORD) */
	passwordEnv?: string;
	/** a command printing the password */
	passwordCommand?: SecretCommand;
	/** the environment variable holding a bearer token (default WINDSOCK_TOKEN) */
	tokenEnv?: string;
	/** a command printing a bearer token */
	tokenCommand?: SecretCommand;
	/** seconds a command may take */
	commandTimeout?: number;
	/** an absolute path (resolved against the profile file's folder) */
	caFile?: string;
	/** do not verify the server's certificate */
	insecure: boolean;
	/** refuse every request that could change something */
	readOnly: boolean;
	/** shown in red in the header; confirmations can never be turned off */
	production: boolean;
	/** what the file says about production (undefined: nothing; the name decides, config/production.ts) */
	productionSetting?: boolean;
	/** false: actions run without a confirmation step (refused for a production profile) */
	confirm: boolean;
	/** seconds; per-request timeout */
	timeout?: number;
};

/** A field that is wrong, by its path in the file (["profiles", "prod", "timeout"]). */
export class ProfileFieldError extends Error {
	override name = 'ProfileFieldError';
	readonly path: string[];
	constructor(path: string[], message: string) {
		super(message);
		this.path = path;
	}
}

/** Fields that would hold a secret itself: refused, whatever their case. */
const SECRET_FIELDS = /^(password|token|secret|apikey|api_key|client_secret)$/i;

/** Seconds a command may take at most: a command that needs longer is waiting for a person. */
export const MAX_COMMAND_TIMEOUT_SECONDS = 600;

export type FieldWarning = {path: string[]; message: string};

/**
 * Reads one profile entry. Throws ProfileFieldError (with the field's path) for a mistake;
 * reports unknown fields through `warn` (a newer windsock's field must not lock out an older one).
 */
export function readProfileEntry(name: string, raw: unknown, resolvePath: (file: string) => string, warn: (warning: FieldWarning) => void): Profile {
	const base = ['profiles', name];
	const at = (field: string) => [...base, field];
	const where = `profile "${name}"`;
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ProfileFieldError(base, `${where} must be an object {"url": ...}`);
	const entry = raw as Record<string, unknown>;
	for (const key of Object.keys(entry)) {
		if (SECRET_FIELDS.test(key)) {
			throw new ProfileFieldError(at(key), `${where} holds "${key}": profiles never hold secrets; use passwordEnv/tokenEnv (a variable) or passwordCommand/tokenCommand (a command) instead`);
		}
		if (!Object.hasOwn(PROFILE_FIELDS, key)) {
			warn({path: at(key), message: `${where}: unknown field "${key}" is ignored (known: ${Object.keys(PROFILE_FIELDS).join(', ')})`});
		}
	}
	const text = (key: ProfileField): string | undefined => {
		const value = entry[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'string' || value === '') throw new ProfileFieldError(at(key), `${where}: "${key}" must be a non-empty string`);
		return value;
	};
	const flag = (key: ProfileField, fallback: boolean): boolean => {
		const value = entry[key];
		if (value === undefined) return fallback;
		if (typeof value !== 'boolean') throw new ProfileFieldError(at(key), `${where}: "${key}" must be true or false`);
		return value;
	};
	const seconds = (key: ProfileField, max: number, maxWords: string): number | undefined => {
		const value = entry[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'number' || !(value > 0) || value > max) throw new ProfileFieldError(at(key), `${where}: "${key}" must be a number of seconds, at most ${max} (${maxWords})`);
		return value;
	};
	const command = (key: ProfileField): SecretCommand | undefined => {
		const value = entry[key];
		if (value === undefined) return undefined;
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (Array.isArray(value) && value.length > 0 && value.every(part => typeof part === 'string') && value[0] !== '') return value as string[];
		throw new ProfileFieldError(at(key), `${where}: "${key}" must be a command: a string run by /bin/sh ("pass show airflow") or an array run without a shell (["pass", "show", "airflow"])`);
	};
	const url = text('url');
	if (!url) throw new ProfileFieldError(base, `${where} has no "url"`);
	try {
		refuseUrlCredentials(url, `the url of ${where}`);
	} catch (error) {
		if (error instanceof ConfigError) throw new ProfileFieldError(at('url'), error.message);
		throw error;
	}
	const production = flag('production', false);
	const confirm = flag('confirm', true);
	if (production && !confirm) {
		throw new ProfileFieldError(at('confirm'), `${where} is marked production, so its confirmations cannot be turned off ("confirm": false)`);
	}
	const username = text('username');
	const passwordEnv = text('passwordEnv');
	const passwordCommand = command('passwordCommand');
	const tokenEnv = text('tokenEnv');
	const tokenCommand = command('tokenCommand');
	if (passwordCommand && passwordEnv) throw new ProfileFieldError(at('passwordCommand'), `${where} sets both passwordEnv and passwordCommand: choose one`);
	if (tokenCommand && tokenEnv) throw new ProfileFieldError(at('tokenCommand'), `${where} sets both tokenEnv and tokenCommand: choose one`);
	if (passwordCommand && tokenCommand) throw new ProfileFieldError(at('tokenCommand'), `${where} sets both passwordCommand and tokenCommand: choose one way to log in`);
	if (passwordCommand && !username) throw new ProfileFieldError(at('passwordCommand'), `${where} sets passwordCommand but no "username" to go with it`);
	const caFile = text('caFile');
	return {
		name,
		url,
		username,
		passwordEnv,
		passwordCommand,
		tokenEnv,
		tokenCommand,
		commandTimeout: seconds('commandTimeout', MAX_COMMAND_TIMEOUT_SECONDS, 'ten minutes'),
		caFile: caFile === undefined ? undefined : resolvePath(caFile),
		insecure: flag('insecure', false),
		readOnly: flag('readOnly', false),
		production,
		...(entry['production'] === undefined ? {} : {productionSetting: production}),
		confirm,
		timeout: seconds('timeout', MAX_TIMEOUT_SECONDS, 'one day'),
	};
}
