// Full garbage collections while the console runs: one a second after the user stops pressing
// keys, and one every 30 s. V8 sizes its heap for the rate of allocation, not for what is
// kept: a burst of keys (paging through 10,000 DAGs, a filter, a walk through the panes)
// leaves tens of MB of answers, rows and frames that are garbage, and at --refresh 0.2 the
// heap it commits grew by 60 MB over a 10-minute soak (#12). Both are given back to the
// system only after a full collection. One costs a few milliseconds of a second in which
// nobody is typing; at start the console holds about 25 MB live.
//
// `gc` is not there without --expose-gc on the command line, which a `#!/usr/bin/env node`
// program cannot pass; set at run time, the flag gives new contexts a `gc`. Node documents
// flags set after start as unpredictable: this one only adds a function to new contexts, and
// if the engine refuses it the console runs as before, without the trim. The young
// generation's bound is set earlier, before Ink loads (young-generation.ts).
// WINDSOCK_NO_HEAP_TRIM=1 turns both off.
import v8 from 'node:v8';
import vm from 'node:vm';

export const TRIM_INTERVAL_MS = 30_000;
/** Quiet after the last key before collecting: longer than the gaps between keys of one burst. */
export const IDLE_MS = 1000;

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

export type HeapTrim = {
	/** a key arrived: collect once the keys stop */
	activity: () => void;
	stop: () => void;
};

/** The collections' schedule around `collect` (tests give their own). */
export function trimSchedule(collect: () => void, intervalMs = TRIM_INTERVAL_MS, idleMs = IDLE_MS): HeapTrim {
	let idle: NodeJS.Timeout | undefined;
	// never what keeps the process alive
	const periodic = setInterval(collect, intervalMs).unref();
	return {
		activity() {
			clearTimeout(idle);
			idle = setTimeout(() => {
				idle = undefined;
				collect();
			}, idleMs).unref();
		},
		stop() {
			clearInterval(periodic);
			clearTimeout(idle);
		},
	};
}

/** Starts the collections; a no-op where they are turned off or refused. */
export function startHeapTrim(): HeapTrim {
	const off: HeapTrim = {activity: () => {}, stop: () => {}};
	if (process.env['WINDSOCK_NO_HEAP_TRIM'] === '1') return off;
	const collect = fullCollection();
	if (!collect) return off;
	return trimSchedule(collect);
}
