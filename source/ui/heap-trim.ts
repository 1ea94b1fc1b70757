// A full garbage collection every 30 s while the console runs. V8 sizes its heap for the rate
// of allocation, not for what is kept: at --refresh 0.2 the console allocates a few MB a
// second (responses, rows, frames) and keeps about 25 MB, yet the heap it commits grew by
// 60 MB over a 10-minute soak (#12) and is only given back after a full collection. One
// every 30 s costs a few milliseconds and lets V8 return the rest to the system.
//
// `gc` is not there without --expose-gc on the command line, which a `#!/usr/bin/env node`
// program cannot pass; set at run time, the flag gives new contexts a `gc`. Node documents
// flags set after start as unpredictable: this one only adds a function to new contexts, and
// if the engine refuses it the console runs as before, without the trim.
// WINDSOCK_NO_HEAP_TRIM=1 turns it off.
import v8 from 'node:v8';
import vm from 'node:vm';

export const TRIM_INTERVAL_MS = 30_000;

/** Node's full collection, or undefined where the run-time flag is refused. */
function fullCollection(): (() => void) | undefined {
	try {
		v8.setFlagsFromString('--expose-gc');
		const gc: unknown = vm.runInNewContext('gc');
		return typeof gc === 'function' ? (gc as () => void) : undefined;
	} catch {
		return undefined;
	}
}

/** Starts the periodic collection; returns its stop. */
export function startHeapTrim(intervalMs = TRIM_INTERVAL_MS): () => void {
	if (process.env['WINDSOCK_NO_HEAP_TRIM'] === '1') return () => {};
	const collect = fullCollection();
	if (!collect) return () => {};
	// never what keeps the process alive
	const timer = setInterval(collect, intervalMs).unref();
	return () => clearInterval(timer);
}
