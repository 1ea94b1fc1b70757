// Where the connection settings come from: flags first; then the selected profile (--profile,
// WINDSOCK_PROFILE or the profile file's default); then WINDSOCK_* environment variables. A
// password is never taken from argv: it would show in `ps` and in shell history.
import {readFileSync} from 'node:fs';
import type {ConnectOptions} from '../airflow/client.js';
import {ConfigError} from './errors.js';
import {isProduction} from './production.js';
import {loadProfiles, type Profile, selectProfile} from './profiles.js';
import {CommandSecret, commandEnvironment, DEFAULT_COMMAND_TIMEOUT_SECONDS} from './secret-command.js';
import {MAX_TIMEOUT_SECONDS, refuseUrlCredentials} from './settings-checks.js';

export {ConfigError};

export type ConnectionFlags = {
	url?: string;
	username?: string;
	profile?: string;
	readOnly?: boolean;
	timeout?: string;
};

/** How careful windsock must be with this environment; the console and the commands obey it. */
export type Safety = {
	readOnly: boolean;
	/** a production profile: marked in the header, confirmations always asked */
	production: boolean;
	/** ask before every change (false only for a profile that says so, never production) */
	confirm: boolean;
};

export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** The settings to connect with; `needsPassword` when a username came without a secret. */
export type ResolvedConnection = {
	options: ConnectOptions;
	/** where the URL came from, for the header and error messages */
	urlSource: 'flag' | 'env' | 'profile' | 'default';
	/** the profile's name, shown in the header */
	profile?: string;
	safety: Safety;
	needsPassword: boolean;
	/** the environment variables the secret is read from, for messages */
	secretVariables: {password: string; token: string};
	/** the password or token comes from a command (run before connecting, so a failure shows first) */
	secretCommand?: CommandSecret;
};

/** A profile's caFile, read now: a missing or wrong file is an error naming it, before any request. */
export function readCaFile(file: string, profile: string): string {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? (error as Error).message);
		throw new ConfigError(`the caFile of profile "${profile}", ${file}, cannot be read: ${why}`);
	}
	if (!text.includes('-----BEGIN CERTIFICATE-----')) {
		throw new ConfigError(`the caFile of profile "${profile}", ${file}, holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
	}
	return text;
}

/** The password or token command of a profile, ready to run (nothing runs yet). */
function commandSecret(profile: Profile | undefined, env: NodeJS.ProcessEnv, secretVariables: {password: string; token: string}): CommandSecret | undefined {
	const command = profile?.tokenCommand ?? profile?.passwordCommand;
	if (!profile || !command) return undefined;
	const field = profile.tokenCommand ? 'tokenCommand' : 'passwordCommand';
	return new CommandSecret(command, {
		label: `the ${field} of profile "${profile.name}"`,
		timeoutMs: (profile.commandTimeout ?? DEFAULT_COMMAND_TIMEOUT_SECONDS) * 1000,
		// the command inherits windsock's environment, less the variables windsock reads secrets from
		env: commandEnvironment(env, ['WINDSOCK_PASSWORD', 'WINDSOCK_TOKEN', secretVariables.password, secretVariables.token]),
	});
}

/**
 * The profile windsock was started with (--profile, WINDSOCK_PROFILE or the file's default):
 * the only one the shared WINDSOCK_PASSWORD / WINDSOCK_TOKEN belong to.
 */
export function startingProfileName(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): string | undefined {
	return selectProfile(flags.profile, env)?.name;
}

export type ResolveOptions = {
	/**
	 * false: a profile that names no variable or command of its own gets no secret from
	 * WINDSOCK_PASSWORD / WINDSOCK_TOKEN. Those belong to the environment windsock was started
	 * for; the Environments pane, `status --all`, `profiles test` and `:env` reach every other
	 * profile's server, and must not hand it dev's password.
	 */
	ambientSecrets?: boolean;
};

export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env, resolveOptions: ResolveOptions = {}): ResolvedConnection {
	const profile = selectProfile(flags.profile, env);
	if (!profile && flags.url === undefined && env['WINDSOCK_URL'] === undefined) {
		// profiles but none chosen (the default removed, say): never fall back to the sandbox's
		// address behind the user's back, nor offer to install it
		const file = loadProfiles(env);
		if (file && file.profiles.size > 0) {
			throw new ConfigError(`${file.path} has profiles but no default: choose one with --profile NAME (there: ${[...file.profiles.keys()].join(', ')}), or set "default" in the file`);
		}
	}
	const ambient = resolveOptions.ambientSecrets ?? true;
	const url = flags.url ?? profile?.url ?? env['WINDSOCK_URL'];
	if (url !== undefined) refuseUrlCredentials(url, flags.url !== undefined ? '--url' : profile ? `the url of profile "${profile.name}"` : 'WINDSOCK_URL');
	const username = flags.username ?? (profile ? profile.username : env['WINDSOCK_USERNAME']) ?? undefined;
	const secretVariables = {password: profile?.passwordEnv ?? 'WINDSOCK_PASSWORD', token: profile?.tokenEnv ?? 'WINDSOCK_TOKEN'};
	const secretCommand = commandSecret(profile, env, secretVariables);
	// a variable the profile names is its own; the shared defaults only with ambientSecrets
	const fromEnv = (variable: string, own: string | undefined) => (own !== undefined || ambient ? (env[variable] ?? undefined) : undefined);
	const password = profile?.passwordCommand ? secretCommand : fromEnv(secretVariables.password, profile?.passwordEnv);
	const token = profile?.tokenCommand ? secretCommand : profile?.passwordCommand ? undefined : fromEnv(secretVariables.token, profile?.tokenEnv);
	const ca = profile?.caFile ? readCaFile(profile.caFile, profile.name) : undefined;
	let requestTimeoutMs = profile?.timeout ? profile.timeout * 1000 : undefined;
	if (flags.timeout !== undefined) {
		const seconds = Number(flags.timeout);
		if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--request-timeout takes a number of seconds, not "${flags.timeout}"`);
		if (seconds > MAX_TIMEOUT_SECONDS) {
			throw new ConfigError(`--request-timeout takes at most ${MAX_TIMEOUT_SECONDS} seconds (one day), not ${flags.timeout}: a longer timer would fire at once`);
		}
		requestTimeoutMs = seconds * 1000;
	}
	// production: the profile's word, else its name (config/production.ts); confirmations stay on for it
	const production = profile ? isProduction(profile.name, profile.productionSetting) : false;
	// read-only can be switched on from anywhere, never off against a profile that says so
	const readOnly = !!flags.readOnly || !!profile?.readOnly || /^(1|true|yes)$/i.test(env['WINDSOCK_READ_ONLY'] ?? '');
	return {
		options: {
			baseUrl: url ?? DEFAULT_URL,
			username,
			password,
			token,
			readOnly,
			...(requestTimeoutMs ? {requestTimeoutMs} : {}),
			...(ca ? {ca} : {}),
			...(profile?.insecure ? {insecure: true} : {}),
		},
		urlSource: flags.url ? 'flag' : profile ? 'profile' : url ? 'env' : 'default',
		...(profile ? {profile: profile.name} : {}),
		safety: {readOnly, production, confirm: production || (profile?.confirm ?? true)},
		needsPassword: !!username && password === undefined && token === undefined,
		secretVariables,
		...(secretCommand ? {secretCommand} : {}),
	};
}

const PASSWORD_FLAG = /^--?(password|pass|passwd|pw)(=|$)/i;

/**
 * Refuses a password on the command line before anything else reads argv. The message
 * names the flag, never its value.
 */
export function refusePasswordArgument(argv: string[]): void {
	const flag = argv.find(arg => PASSWORD_FLAG.test(arg));
	if (flag) {
		const name = flag.split('=')[0];
		throw new ConfigError(
			`windsock does not take a password on the command line (${name}): it would show in \`ps\` and in your shell history. ` +
				'Set WINDSOCK_PASSWORD (or WINDSOCK_TOKEN), or leave it out to be asked for it.',
		);
	}
}
