// tmux for the tests that drive the real binary on a terminal: one helper, so that each of
// them gets the same answer to tmux's one race.
import {execFileSync} from 'node:child_process';

/** How long to wait before asking again, and how many times. */
const RETRY_MS = 100;
const ATTEMPTS = 20;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * A tmux command (`socket`: a server of its own, tmux -L), its output as text. A tmux server
 * exits when its last session ends, and a command that reaches it while it exits fails with
 * "server exited unexpectedly" (a CI failure, stop 12: one test killed its session and the
 * next started one 21 ms later). Only that answer is asked again; the next command starts a
 * fresh server.
 */
export function tmuxOn(socket: string | undefined, ...args: string[]): string {
	const argv = socket ? ['-L', socket, ...args] : args;
	for (let attempt = 1; ; attempt++) {
		try {
			return execFileSync('tmux', argv, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
		} catch (error) {
			const stderr = String((error as {stderr?: unknown}).stderr ?? '');
			if (attempt >= ATTEMPTS || !stderr.includes('server exited unexpectedly')) throw error;
			pause(RETRY_MS);
		}
	}
}

/** A tmux command on the default server. */
export const tmux = (...args: string[]) => tmuxOn(undefined, ...args);
