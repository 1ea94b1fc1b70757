// Checks on the settings a user gives, before anything else reads them: an Airflow address
// with no credentials inside it, and timeouts a timer can keep. Shared by the flags, the
// environment and the profile file.
import {ConfigError} from './errors.js';

/** A timer longer than 2^31-1 ms fires at once (Node's timers are 32-bit), so one day is the most. */
export const MAX_TIMEOUT_SECONDS = 86_400;

/**
 * True when the text holds credentials: a parsed URL's user or password, or, when it does not
 * parse as an http(s) URL, any "@" (a password with a "/" in it makes the URL unparseable).
 */
export function urlHasCredentials(raw: string): boolean {
	try {
		const url = new URL(raw);
		if (url.username || url.password) return true;
		return !/^https?:$/.test(url.protocol) && raw.includes('@');
	} catch {
		return raw.includes('@');
	}
}

/**
 * Refuses a URL with user:password@ in it. It would show in `ps`, shell history and every
 * message that names the address, and http.ts drops it anyway (a plain 401 followed). The
 * message names where the URL came from and where credentials go, never the URL itself.
 */
export function refuseUrlCredentials(raw: string, where: string): void {
	if (!urlHasCredentials(raw)) return;
	throw new ConfigError(
		`${where} holds credentials (user:password@host), which windsock does not take in a URL: they would show in \`ps\`, history and messages. ` +
			'Give the address alone, the username as WINDSOCK_USERNAME, --username or a profile\'s "username", ' +
			'and the password in WINDSOCK_PASSWORD (or the variable a profile\'s "passwordEnv" names).',
	);
}
