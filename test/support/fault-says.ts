// What the user must be told under each fault of the fault proxy, and what must never show:
// shared by the fault matrix on the fake upstream and the one in front of the real servers.
import assert from 'node:assert/strict';
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

/**
 * A command cell under a fault that must be named: its documented exit code and one readable
 * line naming the fault (health says it on stdout, its one monitoring line; the others on
 * stderr), never a stack.
 */
export function assertNamedInOneLine(command: {name: string; failCode: number}, result: {code: number; stdout: string; stderr: string}, says: RegExp): void {
	const output = `${result.stdout}${result.stderr}`;
	assert.doesNotMatch(output, STACK, output);
	assert.equal(result.code, command.failCode, output);
	const said = command.name === 'health' ? result.stdout : result.stderr;
	assert.match(said, says);
	assert.equal(said.trim().split('\n').length, 1, `one line:\n${said}`);
}

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
