// Writing the profile file (reading and checking it is profiles.ts). Changes go through the
// file's JSON as it stands, so settings windsock does not know yet and the order of the
// profiles survive; every write is atomic (a temporary file in the same folder, fsync, then
// rename over the old one, so a crash or a full disk leaves the old file whole, never half a
// file) and leaves the file at mode 0600 in a folder of mode 0700: the file names servers and
// users, and whoever can change it chooses where a password is sent.
import {randomBytes} from 'node:crypto';
import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, chmodSync} from 'node:fs';
import path from 'node:path';
import {ConfigError} from './errors.js';

/** The file's JSON: {"default"?: name, "profiles": {name: {...}}} plus whatever else it holds. */
export type RawProfileFile = {default?: string; profiles: Record<string, Record<string, unknown>>; [key: string]: unknown};

/** A profile name that is easy to type on a command line and in `:env NAME`. */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkProfileName(name: string): void {
	if (!PROFILE_NAME.test(name)) {
		throw new ConfigError(`"${name}" cannot be a profile name: use letters, digits, ".", "_" and "-" (up to 64, starting with a letter or digit)`);
	}
}

/** The file's JSON as it stands, or an empty one when there is no file yet. */
export function readRawProfiles(file: string): RawProfileFile {
	if (!existsSync(file)) return {profiles: {}};
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new ConfigError(`cannot read ${file}: ${(error as Error).message}; fix it by hand first (windsock will not overwrite what it cannot read)`);
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`${file} must be an object with "profiles": {...}`);
	const raw = parsed as RawProfileFile;
	if (raw.profiles === undefined) raw.profiles = {};
	if (typeof raw.profiles !== 'object' || raw.profiles === null || Array.isArray(raw.profiles)) throw new ConfigError(`${file}: "profiles" must be an object`);
	return raw;
}

/** Replaces the file with `raw`, atomically, mode 0600. */
export function writeProfilesAtomically(file: string, raw: RawProfileFile): void {
	const folder = path.dirname(file);
	mkdirSync(folder, {recursive: true, mode: 0o700});
	const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const text = `${JSON.stringify(raw, null, '\t')}\n`;
	// 'wx': a fresh file, created 0600 from the start (never briefly readable by others)
	const fd = openSync(temporary, 'wx', 0o600);
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} catch (error) {
		closeSync(fd);
		rmSync(temporary, {force: true});
		throw new ConfigError(`cannot write ${file}: ${(error as Error).message} (the old file is untouched)`);
	}
	closeSync(fd);
	try {
		chmodSync(temporary, 0o600); // a umask cannot widen it, but be explicit
		renameSync(temporary, file);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw new ConfigError(`cannot write ${file}: ${(error as Error).message} (the old file is untouched)`);
	}
}

/** The file with one profile added (or replaced, with `replace`); the first profile becomes the default. */
export function withProfile(raw: RawProfileFile, name: string, entry: Record<string, unknown>, options: {replace?: boolean; makeDefault?: boolean} = {}): RawProfileFile {
	checkProfileName(name);
	if (Object.hasOwn(raw.profiles, name) && !options.replace) throw new ConfigError(`there is already a profile "${name}": remove it first (windsock profiles remove ${name}) or choose another name`);
	const profiles = {...raw.profiles, [name]: entry};
	const makeDefault = options.makeDefault || raw.default === undefined;
	return {...raw, ...(makeDefault ? {default: name} : {}), profiles};
}

/** The file without one profile; the default goes with it when it was that one. */
export function withoutProfile(raw: RawProfileFile, name: string): RawProfileFile {
	if (!Object.hasOwn(raw.profiles, name)) throw new ConfigError(`no profile "${name}" (there: ${Object.keys(raw.profiles).join(', ') || 'none'})`);
	const profiles = {...raw.profiles};
	delete profiles[name];
	const next: RawProfileFile = {...raw, profiles};
	if (next.default === name) delete next.default;
	return next;
}
