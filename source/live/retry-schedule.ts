// How long the console waits before it asks an unreachable server again: 1, 2, 4, 8, 16 s,
// then every 30 s. Quick at first (a server that is restarting answers within seconds, and
// on-call opens the console exactly then), gentle after (a server that is down for an hour
// gets two requests a minute, not one a second).
export const FIRST_RETRY_SECONDS = 1;
export const MAX_RETRY_SECONDS = 30;

/** The wait after the `failures`-th failed attempt in a row (1 for the first). */
export function retryDelaySeconds(failures: number): number {
	if (!(failures >= 1)) return FIRST_RETRY_SECONDS;
	return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.min(failures - 1, 10));
}
