// --since: a time window back from now, as on-call people say it (30m, 24h, 7d) or in plain
// seconds. Anything else is a usage mistake, said before a request is sent.
import {ConfigError} from '../config/connection.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {s: 1, m: 60, h: 3600, d: 86_400};

/** The window in seconds; a ConfigError (exit 2) for a value that is not one. */
export function parseSince(raw: string): number {
	const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(raw.trim());
	const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's']! : Number.NaN;
	if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`--since takes a window such as 30m, 24h, 7d or a number of seconds, not "${raw}"`);
	return seconds;
}

/** The window's start as the ISO time the API filters on. */
export function sinceIso(seconds: number, now: number = Date.now()): string {
	return new Date(now - seconds * 1000).toISOString();
}

/** The window as the user gave it, with the unit said: "24h", "90s". */
export function describeWindow(raw: string): string {
	const text = raw.trim();
	return /[smhd]$/.test(text) ? text : `${text}s`;
}
