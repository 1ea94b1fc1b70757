// What the user must be told under each fault of the fault proxy, and what must never show:
// shared by the fault matrix on the fake upstream and the one in front of the real servers.
import type {Fault} from './fault-proxy.js';

/** What the screen or stderr must say for each fault (undefined: the answer is usable). */
export const SAYS: Readonly<Record<Fault, RegExp | undefined>> = {
	'500': /500 Internal Server Error/,
	'502 html': /502 Bad Gateway/,
	'black hole': /No answer from 127\.0\.0\.1:\d+ within \ds|waiting \d+ ?s for the server/,
	reset: /connection reset/,
	'garbage json': /not valid JSON|Unexpected answer from the server/,
	'truncated json': /not valid JSON|Unexpected answer from the server/,
	'401': /401 Unauthorized/,
	'403': /403 Forbidden/,
	'404': /404 Not Found/,
	'409': /409 Conflict/,
	'422': /422 Unprocessable Entity/,
	'503': /503 Service Unavailable/,
	// a login (POST /auth/token on 3.x) is redirected too, and named as such
	redirect: /redirected (GET|POST)/,
	'slow drip': /No answer from 127\.0\.0\.1:\d+ within \ds|waiting \d+ ?s for the server/,
	'huge body': undefined,
	'huge total': undefined,
};

/** A stack trace or a raw exception on screen or stderr is a failed cell whatever else it says. */
export const STACK = /^\s+at .+:\d+:\d+\)?$|\b(TypeError|RangeError|SyntaxError|ReferenceError): |Unhandled|node:internal/m;

/** At most `limit` cells at once: the machine has two cores. */
export function limiter(limit: number) {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async <T>(work: () => Promise<T>): Promise<T> => {
		while (running >= limit) await new Promise<void>(resolve => waiting.push(resolve));
		running++;
		try {
			return await work();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}
