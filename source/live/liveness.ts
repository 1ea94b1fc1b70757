// Liveness said honestly: a request the server has not answered for a few seconds is a stall
// to show at once ("waiting 7 s for the server"), long before its timeout; and while the
// health answer is stalled or failing, the scheduler's heartbeat age is not evidence against
// the scheduler. Pure: unit-tested.

/** A request unanswered this long is worth saying so. */
export const STALL_MS = 3000;

/** "waiting 7 s for the server", or undefined while the wait is still short. */
export function waitingWords(waitingSince: number | undefined, now: number): string | undefined {
	if (waitingSince === undefined) return undefined;
	const waited = now - waitingSince;
	return waited >= STALL_MS ? `waiting ${Math.floor(waited / 1000)} s for the server` : undefined;
}

/** The health answer cannot be trusted to judge the scheduler: it failed, or is stalled. */
export function healthIsStale(poll: {error: string | undefined; waitingSince: number | undefined}, now: number): boolean {
	return poll.error !== undefined || waitingWords(poll.waitingSince, now) !== undefined;
}
