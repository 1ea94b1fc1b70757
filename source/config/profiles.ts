// Profiles: one named entry per Airflow environment, in one JSON file the user keeps
// ($WINDSOCK_CONFIG, else $XDG_CONFIG_HOME/windsock/profiles.json, else
// ~/.config/windsock/profiles.json). A profile never holds a secret itself: it names the
// environment variable the password or token is read from, so the file can be shared.
import {existsSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ConfigError} from './errors.js';
import {MAX_TIMEOUT_SECONDS, refuseUrlCredentials} from './settings-checks.js';

export type Profile = {
	name: string;
	url: string;
	username?: string;
	/** the environment variable holding the password (default WINDSOCK_PASSWORD) */
	passwordEnv?: string;
	/** the environment variable holding a bearer token (default WINDSOCK_TOKEN) */
	tokenEnv?: string;
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

export type ProfileFile = {path: string; defaultProfile?: string; profiles: Map<string, Profile>};

export function profilesPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env['WINDSOCK_CONFIG']) return env['WINDSOCK_CONFIG'];
	const base = env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
	return path.join(base, 'windsock', 'profiles.json');
}

const KEYS = new Set(['url', 'username', 'passwordEnv', 'tokenEnv', 'readOnly', 'production', 'confirm', 'timeout']);
const SECRET_KEYS = /^(password|token|secret|apikey|api_key)$/i;

function readProfile(file: string, name: string, raw: unknown): Profile {
	const where = `profile "${name}" in ${file}`;
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${where} must be an object`);
	const entry = raw as Record<string, unknown>;
	for (const key of Object.keys(entry)) {
		if (SECRET_KEYS.test(key)) {
			throw new ConfigError(`${where} holds "${key}": profiles never hold secrets; name an environment variable with passwordEnv or tokenEnv instead`);
		}
		if (!KEYS.has(key)) throw new ConfigError(`${where}: unknown setting "${key}" (known: ${[...KEYS].join(', ')})`);
	}
	const text = (key: string): string | undefined => {
		const value = entry[key];
		if (value === undefined) return undefined;
		if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}: "${key}" must be a non-empty string`);
		return value;
	};
	const flag = (key: string, fallback: boolean): boolean => {
		const value = entry[key];
		if (value === undefined) return fallback;
		if (typeof value !== 'boolean') throw new ConfigError(`${where}: "${key}" must be true or false`);
		return value;
	};
	const url = text('url');
	if (!url) throw new ConfigError(`${where} has no "url"`);
	refuseUrlCredentials(url, `the url of ${where}`);
	const production = flag('production', false);
	const confirm = flag('confirm', true);
	if (production && !confirm) {
		throw new ConfigError(`${where} is marked production, so its confirmations cannot be turned off ("confirm": false)`);
	}
	const timeout = entry['timeout'];
	if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_TIMEOUT_SECONDS)) {
		throw new ConfigError(`${where}: "timeout" must be a number of seconds, at most ${MAX_TIMEOUT_SECONDS} (one day)`);
	}
	return {
		name,
		url,
		username: text('username'),
		passwordEnv: text('passwordEnv'),
		tokenEnv: text('tokenEnv'),
		readOnly: flag('readOnly', false),
		production,
		...(entry['production'] === undefined ? {} : {productionSetting: production}),
		confirm,
		timeout: timeout as number | undefined,
	};
}

const warnedReadable = new Set<string>();

/**
 * The file decides where the password is sent (its url, its passwordEnv), so whoever can
 * write it can have the password: refuse one that group or others can write. One others can
 * read names the servers and users: say so, once a run.
 */
function checkPermissions(file: string): void {
	if (process.platform === 'win32') return; // no POSIX modes to read
	const mode = statSync(file).mode & 0o777;
	const octal = mode.toString(8).padStart(3, '0');
	if (mode & 0o022) {
		throw new ConfigError(
			`${file} can be written by ${mode & 0o002 ? 'every user' : 'its group'} (mode ${octal}): whoever can change it chooses where your password is sent, so windsock will not read it. Run: chmod go-w ${file}`,
		);
	}
	if (mode & 0o044 && !warnedReadable.has(file)) {
		warnedReadable.add(file);
		process.stderr.write(`windsock: warning: ${file} can be read by others (mode ${octal}): it names your servers and users. Run: chmod go-r ${file}\n`);
	}
}

/** Reads the profile file; undefined when there is none. Every mistake is a ConfigError naming the file. */
export function loadProfiles(env: NodeJS.ProcessEnv = process.env): ProfileFile | undefined {
	const file = profilesPath(env);
	if (!existsSync(file)) return undefined;
	checkPermissions(file);
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
	}
	if (typeof parsed !== 'object' || parsed === null || typeof (parsed as {profiles?: unknown}).profiles !== 'object') {
		throw new ConfigError(`${file} must be an object with "profiles": {"name": {"url": ...}}`);
	}
	const {profiles: rawProfiles, default: defaultProfile} = parsed as {profiles: Record<string, unknown>; default?: unknown};
	const profiles = new Map<string, Profile>();
	for (const [name, raw] of Object.entries(rawProfiles)) profiles.set(name, readProfile(file, name, raw));
	if (defaultProfile !== undefined && (typeof defaultProfile !== 'string' || !profiles.has(defaultProfile))) {
		throw new ConfigError(`${file}: "default" must name one of the profiles (${[...profiles.keys()].join(', ')})`);
	}
	return {path: file, defaultProfile: defaultProfile as string | undefined, profiles};
}

/**
 * The profile to use: --profile, else WINDSOCK_PROFILE, else the file's default. Naming a
 * profile that does not exist is an error; having no file and naming none is not.
 */
export function selectProfile(name: string | undefined, env: NodeJS.ProcessEnv = process.env): Profile | undefined {
	const wanted = name ?? env['WINDSOCK_PROFILE'] ?? undefined;
	const file = loadProfiles(env);
	if (!file) {
		if (wanted) throw new ConfigError(`no profile "${wanted}": there is no profile file at ${profilesPath(env)} (see README, "Profiles")`);
		return undefined;
	}
	const chosen = wanted ?? file.defaultProfile;
	if (!chosen) return undefined;
	const profile = file.profiles.get(chosen);
	if (!profile) throw new ConfigError(`no profile "${chosen}" in ${file.path} (there: ${[...file.profiles.keys()].join(', ') || 'none'})`);
	return profile;
}
