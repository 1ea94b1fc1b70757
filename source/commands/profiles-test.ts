// `windsock profiles test [NAME]`: does each profile work? Reachable (Airflow answers at its
// URL, which version), login OK (one read that needs a login), a few profiles at a time,
// each within its own timeout. Exits 0 when every tested profile works, 1 when one does not.
// `windsock profiles remove NAME [--yes]`: deletes one profile (asks on a terminal).
import {askYesNo} from '../config/ask.js';
import {AirflowClient} from '../airflow/client.js';
import {describeError} from '../airflow/errors.js';
import {ConfigError, resolveConnection, startingProfileName} from '../config/connection.js';
import {probeTimeoutMs} from './flags.js';
import {readRawProfiles, withoutProfile, writeProfilesAtomically} from '../config/profile-store.js';
import {loadProfiles, profilesPath} from '../config/profiles.js';
import {DEFAULT_PROBE_TIMEOUT_MS} from '../live/environment-probe.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {CommandContext} from './command.js';

export type ProfileCheck = {name: string; url: string; reachable: boolean; version: string | null; login: 'ok' | 'failed' | 'not tried'; problem: string | null};

async function checkProfile(name: string, timeoutMs: number, startingProfile: string | undefined): Promise<ProfileCheck> {
	const signal = AbortSignal.timeout(timeoutMs);
	let resolved: ReturnType<typeof resolveConnection>;
	try {
		resolved = resolveConnection({profile: name, readOnly: true}, process.env, {ambientSecrets: name === startingProfile});
	} catch (error) {
		return {name, url: '', reachable: false, version: null, login: 'not tried', problem: describeError(error)};
	}
	const url = resolved.options.baseUrl;
	const why = (error: unknown) => (signal.aborted ? `no answer within ${timeoutMs / 1000}s` : describeError(error));
	let client: AirflowClient;
	try {
		client = await AirflowClient.connect({...resolved.options, ...(resolved.needsPassword ? {username: undefined} : {}), readOnly: true, retries: 0, requestTimeoutMs: timeoutMs, signal});
	} catch (error) {
		return {name, url, reachable: false, version: null, login: 'not tried', problem: why(error)};
	}
	const version = `${client.server.version} (${client.server.generation})`;
	if (resolved.needsPassword) return {name, url, reachable: true, version, login: 'not tried', problem: `no password here: set $${resolved.secretVariables.password}`};
	try {
		await client.listRuns({limit: 1}, signal);
		return {name, url, reachable: true, version, login: 'ok', problem: null};
	} catch (error) {
		return {name, url, reachable: true, version, login: 'failed', problem: why(error)};
	}
}

export async function profilesTest(context: CommandContext): Promise<number> {
	const {args, values, flags, out} = context;
	if (args.length > 1) throw new ConfigError('usage: windsock profiles test [NAME] [--json]');
	const file = loadProfiles();
	if (!file?.profiles.size) throw new ConfigError(`no profiles in ${profilesPath()} (add one with: windsock profiles add)`);
	const names = args[0] ? [args[0]] : [...file.profiles.keys()];
	if (args[0] && !file.profiles.has(args[0])) throw new ConfigError(`no profile "${args[0]}" in ${file.path} (there: ${[...file.profiles.keys()].join(', ')})`);
	const timeoutMs = probeTimeoutMs(flags, DEFAULT_PROBE_TIMEOUT_MS);
	// the shared WINDSOCK_PASSWORD / WINDSOCK_TOKEN go only to the profile they were set for
	const starting = args[0] ?? startingProfileName({});
	const checks: ProfileCheck[] = new Array(names.length);
	let next = 0;
	const worker = async () => {
		while (next < names.length) {
			const index = next++;
			checks[index] = await checkProfile(names[index]!, timeoutMs, starting);
		}
	};
	await Promise.all(Array.from({length: Math.min(4, names.length)}, worker));
	const works = (check: ProfileCheck) => check.reachable && check.login === 'ok';
	const code = checks.every(works) ? 0 : 1;
	if (values['json']) {
		out.json({exitCode: code, profiles: checks});
		return code;
	}
	out.table(
		[
			{header: 'profile', value: c => c.name},
			{header: 'reachable', value: c => (c.reachable ? 'yes' : 'NO'), paint: (text, c) => out.paint(c.reachable ? 'green' : 'red', text)},
			{header: 'login', value: c => c.login, paint: (text, c) => out.paint(c.login === 'ok' ? 'green' : c.login === 'failed' ? 'red' : 'yellow', text)},
			{header: 'version', value: c => c.version ?? ''},
			{header: 'problem', value: c => c.problem ?? '', max: 70},
		],
		checks,
	);
	return code;
}

export async function profilesRemove(context: CommandContext): Promise<number> {
	const {args, values, out} = context;
	if (args.length !== 1) throw new ConfigError('usage: windsock profiles remove NAME [--yes]');
	const name = args[0]!;
	const file = profilesPath();
	const next = withoutProfile(readRawProfiles(file), name); // an unknown name fails before the question
	if (!values['yes']) {
		if (!process.stdin.isTTY) throw new ConfigError(`remove profile ${name}? There is no terminal to ask on: pass --yes to go ahead`);
		if (!(await askYesNo(`Remove profile ${sanitizeLine(name)} from ${file}?`))) {
			out.note('nothing removed');
			return 1;
		}
	}
	writeProfilesAtomically(file, next);
	out.note(`removed profile ${name} from ${file}${next.default === undefined && Object.keys(next.profiles).length ? ' (there is no default profile now)' : ''}`);
	return 0;
}
