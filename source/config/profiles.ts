// Profiles: one named entry per Airflow environment, in one JSON file the user keeps
// ($WINDSOCK_CONFIG, else $XDG_CONFIG_HOME/windsock/profiles.json, else
// ~/.config/windsock/profiles.json). What an entry may hold is profile-schema.ts; this file
// finds the file, checks who may change it, and turns every mistake into a message naming
// the file, the line and the field.
import {existsSync, readFileSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {ConfigError} from './errors.js';
import {jsonPositions, lineColumn, parseErrorOffset, pathKey} from './json-positions.js';
import {type FieldWarning, type Profile, ProfileFieldError, readProfileEntry} from './profile-schema.js';

export {PROFILE_FIELDS, type Profile, type ProfileField} from './profile-schema.js';

export type ProfileFile = {path: string; defaultProfile?: string; profiles: Map<string, Profile>};

export function profilesPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env['WINDSOCK_CONFIG']) return env['WINDSOCK_CONFIG'];
	const base = env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
	return path.join(base, 'windsock', 'profiles.json');
}

/** Warnings go to stderr once a run per file and message (the console reads the file more than once). */
const warned = new Set<string>();
function warnOnce(message: string): void {
	if (warned.has(message)) return;
	warned.add(message);
	process.stderr.write(`windsock: warning: ${message}\n`);
}

export type ReadOptions = {warn?: (message: string) => void; home?: string};

/**
 * The file decides where the password is sent (its url, its passwordEnv, its commands, which
 * it runs), so whoever can write it can have the password: refuse one that group or others
 * can write. One others can read or search names the servers and users: say so.
 */
export function checkPermissions(file: string, warn: (message: string) => void): void {
	if (process.platform === 'win32') return; // no POSIX modes to read
	const stat = statSync(file);
	const uid = process.getuid?.();
	if (uid !== undefined && stat.uid !== uid && stat.uid !== 0) {
		throw new ConfigError(
			`${file} belongs to another user (uid ${stat.uid}): its owner chooses where your password is sent and which commands windsock runs as you, so windsock will not read it. Use a file of your own.`,
		);
	}
	const mode = stat.mode & 0o777;
	const octal = mode.toString(8).padStart(3, '0');
	if (mode & 0o022) {
		throw new ConfigError(
			`${file} can be written by ${mode & 0o002 ? 'every user' : 'its group'} (mode ${octal}): whoever can change it chooses where your password is sent and which commands windsock runs, so windsock will not read it. Run: chmod go-w ${file}`,
		);
	}
	if (mode & 0o077) warn(`${file} can be read by others (mode ${octal}): it names your servers, users and secret commands. Run: chmod go-rwx ${file}`);
}

/** "file:3:5" for a field's path, or the file alone when the path is not found. */
function placeOf(file: string, text: string, positions: Map<string, number>, fieldPath: string[]): string {
	for (let depth = fieldPath.length; depth > 0; depth--) {
		const offset = positions.get(pathKey(fieldPath.slice(0, depth)));
		if (offset !== undefined) {
			const {line, column} = lineColumn(text, offset);
			return `${file}:${line}:${column}`;
		}
	}
	return file;
}

/** Parses the text of a profile file; every mistake is a ConfigError naming the file, line and field. */
export function parseProfiles(file: string, text: string, options: ReadOptions = {}): ProfileFile {
	const warn = options.warn ?? warnOnce;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		const {line, column} = lineColumn(text, parseErrorOffset(text, error as Error));
		// the engine's message quotes the text around the mistake: keep its first words only
		const reason = (error as Error).message.split(/, (?:"|\.\.\.)|\n/)[0]?.replace(/ in JSON at position \d+.*$/, '') ?? 'not JSON';
		throw new ConfigError(`${file}:${line}:${column}: not valid JSON (${reason}). The file must be JSON: {"profiles": {"name": {"url": ...}}}`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ConfigError(`${file}: must be an object with "profiles": {"name": {"url": ...}}`);
	}
	const positions = jsonPositions(text);
	const place = (fieldPath: string[]) => placeOf(file, text, positions, fieldPath);
	const top = parsed as Record<string, unknown>;
	const rawProfiles = top['profiles'];
	if (typeof rawProfiles !== 'object' || rawProfiles === null || Array.isArray(rawProfiles)) {
		throw new ConfigError(`${place(['profiles'])}: "profiles" must be an object: {"profiles": {"name": {"url": ...}}}`);
	}
	for (const key of Object.keys(top)) {
		if (key !== 'profiles' && key !== 'default') warn(`${place([key])}: unknown field "${key}" is ignored (known: profiles, default)`);
	}
	const home = options.home ?? os.homedir();
	const resolvePath = (given: string) => path.resolve(path.dirname(file), given === '~' || given.startsWith('~/') ? path.join(home, given.slice(1)) : given);
	const profiles = new Map<string, Profile>();
	for (const [name, raw] of Object.entries(rawProfiles as Record<string, unknown>)) {
		try {
			profiles.set(
				name,
				readProfileEntry(name, raw, resolvePath, (warning: FieldWarning) => warn(`${place(warning.path)}: ${warning.message}`)),
			);
		} catch (error) {
			if (error instanceof ProfileFieldError) throw new ConfigError(`${place(error.path)}: ${error.message}`);
			throw error;
		}
	}
	const defaultProfile = top['default'];
	if (defaultProfile !== undefined && (typeof defaultProfile !== 'string' || !profiles.has(defaultProfile))) {
		throw new ConfigError(`${place(['default'])}: "default" must name one of the profiles (${[...profiles.keys()].join(', ')})`);
	}
	return {path: file, defaultProfile: defaultProfile as string | undefined, profiles};
}

/** Reads the profile file; undefined when there is none. Every mistake is a ConfigError naming the file. */
export function loadProfiles(env: NodeJS.ProcessEnv = process.env, options: ReadOptions = {}): ProfileFile | undefined {
	const file = profilesPath(env);
	if (!existsSync(file)) return undefined;
	checkPermissions(file, options.warn ?? warnOnce);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	return parseProfiles(file, text, options);
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
