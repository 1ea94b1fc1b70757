// From flags, profile and environment to a connected client: resolves the settings, asks for
// a password where one is missing, and, with nothing configured at all, uses the local
// sandbox (the console also starts it, so a first `windsock` on a fresh machine shows
// something real; a command never starts one behind a script's back).
import {AirflowClient, type ConnectOptions} from '../airflow/client.js';
import {sandboxStatus, startSandbox} from '../sandbox/sandbox.js';
import {promptSecret} from './prompt.js';
import {SecretCommandError} from './secret-command.js';
import {ConfigError, resolveConnection, startingProfileName, type ConnectionFlags, type Safety} from './connection.js';

export type OpenedClient = {client: AirflowClient; label: string; safety: Safety};

export type OpenOptions = {
	/** with nothing configured: start the sandbox when it is not running (the console) */
	startSandbox?: boolean;
	/** the caller only reads endpoints that need no login (health): never ask for a password */
	anonymous?: boolean;
	/** force read-only for this connection (a dry run), whatever the settings say */
	readOnly?: boolean;
};

/** What a console or command connects with: the settings, not yet a connection. */
export type PreparedConnection = {options: ConnectOptions; label: string; safety: Safety};

/**
 * Everything before the first request: the settings resolved, the sandbox started where
 * nothing is configured, the password asked for. The console connects afterwards, inside its
 * frame, so a server that does not answer yet is shown and retried instead of ending it.
 */
export async function prepareConnection(flags: ConnectionFlags, progress: (message: string) => void, open: OpenOptions = {}): Promise<PreparedConnection> {
	const resolved = resolveConnection(flags);
	const options = {...resolved.options, ...(open.readOnly ? {readOnly: true} : {})};
	const safety = {...resolved.safety, readOnly: options.readOnly ?? false};
	if (resolved.urlSource === 'default' && !options.username && !options.token) {
		const running = sandboxStatus();
		if (!running && !open.startSandbox) {
			throw new ConfigError('no Airflow to talk to: pass --url or --profile, set WINDSOCK_URL, or start the local one with `windsock sandbox start`');
		}
		const sandbox = running ?? (await startSandbox(message => progress(`sandbox: ${message}`)));
		return {options: {...options, baseUrl: sandbox.url, username: sandbox.username, password: sandbox.password}, label: 'sandbox', safety};
	}
	if (resolved.needsPassword && open.anonymous) {
		options.username = undefined;
	} else if (resolved.needsPassword) {
		if (!process.stdin.isTTY) {
			throw new ConfigError(`no password for ${options.username}: set ${resolved.secretVariables.password} (or ${resolved.secretVariables.token}); there is no terminal to ask on`);
		}
		options.password = await promptSecret(`Password for ${options.username} at ${options.baseUrl}: `);
	}
	const label = resolved.profile ?? (resolved.urlSource === 'default' ? 'default' : 'url');
	if (options.insecure) {
		// every command says it, not only the console's header: a script's log should show it too
		process.stderr.write(
			`windsock: warning: TLS NOT VERIFIED for ${label}: "insecure": true, so anyone between here and ${resolved.options.baseUrl} can read and change what is sent, passwords included\n`,
		);
	}
	if (resolved.secretCommand && !open.anonymous) {
		// run it now: a broken command is reported once, before the console or the command starts
		try {
			await resolved.secretCommand.get();
		} catch (error) {
			if (error instanceof SecretCommandError) throw new ConfigError(error.message);
			throw error;
		}
	}
	return {options, label, safety};
}

/**
 * A profile to switch the console to: its settings, with the console's own --read-only and
 * --request-timeout kept. The console cannot ask for a password, so a profile that needs one
 * typed is refused with what to set instead.
 */
export function prepareProfile(name: string, flags: ConnectionFlags): PreparedConnection {
	const resolved = resolveConnection({profile: name, readOnly: flags.readOnly, timeout: flags.timeout}, process.env, {ambientSecrets: name === startingProfileName(flags)});
	if (resolved.needsPassword) {
		throw new ConfigError(
			`profile ${name} needs a password for ${resolved.options.username}: set $${resolved.secretVariables.password} (or $${resolved.secretVariables.token}); the console cannot ask for one`,
		);
	}
	return {options: resolved.options, label: name, safety: resolved.safety};
}

export async function openClient(flags: ConnectionFlags, progress: (message: string) => void, open: OpenOptions = {}): Promise<OpenedClient> {
	const {options, label, safety} = await prepareConnection(flags, progress, open);
	return {client: await AirflowClient.connect(options), label, safety};
}

/** openClient, and a first read sent with the version probe where the server is known (AirflowClient.connectAndRead). */
export async function openClientAndRead<T>(
	flags: ConnectionFlags,
	progress: (message: string) => void,
	open: OpenOptions,
	read: (client: AirflowClient, signal?: AbortSignal) => Promise<T>,
): Promise<OpenedClient & {first: T}> {
	const {options, label, safety} = await prepareConnection(flags, progress, open);
	const {client, value} = await AirflowClient.connectAndRead(options, read);
	return {client, label, safety, first: value};
}
