// Where the connection settings come from: flags, then WINDSOCK_* environment variables.
// Profiles (one per Airflow environment) will join here as a third source. A password is
// never taken from argv: it would show in `ps` and in shell history.
import type {ConnectOptions} from '../airflow/client.js';

export type ConnectionFlags = {
	url?: string;
	username?: string;
	readOnly?: boolean;
	timeout?: string;
};

export class ConfigError extends Error {
	override name = 'ConfigError';
}

export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** The settings to connect with; `needsPassword` when a username came without a secret. */
export type ResolvedConnection = {
	options: ConnectOptions;
	/** where the URL came from, for the header and error messages */
	urlSource: 'flag' | 'env' | 'default';
	needsPassword: boolean;
};

export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ResolvedConnection {
	const url = flags.url ?? env['WINDSOCK_URL'];
	const username = flags.username ?? env['WINDSOCK_USERNAME'] ?? undefined;
	const password = env['WINDSOCK_PASSWORD'] ?? undefined;
	const token = env['WINDSOCK_TOKEN'] ?? undefined;
	let requestTimeoutMs: number | undefined;
	if (flags.timeout !== undefined) {
		const seconds = Number(flags.timeout);
		if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--timeout takes a number of seconds, not "${flags.timeout}"`);
		requestTimeoutMs = seconds * 1000;
	}
	const readOnly = flags.readOnly ?? /^(1|true|yes)$/i.test(env['WINDSOCK_READ_ONLY'] ?? '');
	return {
		options: {
			baseUrl: url ?? DEFAULT_URL,
			username,
			password,
			token,
			readOnly,
			...(requestTimeoutMs ? {requestTimeoutMs} : {}),
		},
		urlSource: flags.url ? 'flag' : url ? 'env' : 'default',
		needsPassword: !!username && password === undefined && token === undefined,
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
