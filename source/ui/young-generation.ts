// The console's young generation kept at its starting size (V8's semi-space growth factor 1),
// set before Ink and React load. Left to grow it doubles to 16 MB over the first screens, most
// of it garbage waiting for the next scavenge, held for the whole session (#12: RSS at start
// 83 -> 79 MB, `npm run bench`; the keys' medians stay within a few ms). Scavenges of a small
// young generation are more frequent and each is shorter.
//
// Node documents V8 flags set after start as unpredictable; this one only bounds a growth
// that V8 reads when it grows, and if it is refused the console runs as before. The commands
// keep V8's default: `dags --json` over 10,000 DAGs allocates fast and is done in seconds.
// WINDSOCK_NO_HEAP_TRIM=1 turns this off, and the collections too (heap-trim.ts).
import v8 from 'node:v8';

export function boundYoungGeneration(): void {
	if (process.env['WINDSOCK_NO_HEAP_TRIM'] === '1') return;
	try {
		v8.setFlagsFromString('--semi-space-growth-factor=1');
	} catch {
		// the young generation grows as V8 likes
	}
}
