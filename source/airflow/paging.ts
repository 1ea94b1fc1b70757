// Walking every page of a list. Reads go concurrently once the total is known (a 10,000-DAG
// listing is 100 round trips; four at a time is a quarter of the wall time, and a small fixed
// number stays polite to the server); changes (a bulk pause) walk one page at a time.
import type {Page} from './model.js';

/** Pages in flight at once after the first two (#12: a small fixed concurrency). */
export const PAGE_CONCURRENCY = 4;

export type FetchPage<T> = (offset: number) => Promise<Page<T>>;

/**
 * Every item of a list, each once (by `keyOf`), in the server's order. Stops at the first
 * page's total, at a short or empty page, or at a page that brings nothing new: a server that
 * ignores `offset` and reports a huge total would otherwise be asked for ever (#11 item 9).
 *
 * The first page gives the total and the page size the server really serves (servers cap
 * `limit` silently). The second page is asked alone: it proves the server honours `offset`
 * before more than one request goes out. Then the remaining offsets are asked `concurrency`
 * at a time and taken in order; once one ends the walk, pages still in flight are ignored.
 * `concurrency` 1 is the sequential walk, offsets advancing by what came back.
 */
export async function allPages<T>(fetch: FetchPage<T>, keyOf: (item: T) => string, concurrency = PAGE_CONCURRENCY): Promise<T[]> {
	const byKey = new Map<string, T>();
	/** adds a page's items; the number that were new */
	const take = (page: Page<T>): number => {
		let fresh = 0;
		for (const item of page.items) {
			const key = keyOf(item);
			if (byKey.has(key)) continue;
			byKey.set(key, item);
			fresh++;
		}
		return fresh;
	};
	const first = await fetch(0);
	const total = first.total;
	const size = first.items.length;
	let received = size;
	if (take(first) === 0 || received >= total) return [...byKey.values()];
	// sequential: the second page and (concurrency 1) every later one
	for (;;) {
		const page = await fetch(received);
		received += page.items.length;
		if (take(page) === 0 || received >= total) return [...byKey.values()];
		if (concurrency > 1 && page.items.length >= size) break;
	}
	// concurrent: the rest at fixed offsets of the page size, in order
	const offsets: number[] = [];
	for (let offset = received; offset < total; offset += size) offsets.push(offset);
	const inFlight: Array<Promise<Page<T>>> = [];
	let next = 0;
	const launch = () => {
		while (inFlight.length < concurrency && next < offsets.length) {
			const request = fetch(offsets[next++]!);
			// a page abandoned after the walk ends must not become an unhandled rejection
			request.catch(() => {});
			inFlight.push(request);
		}
	};
	launch();
	while (inFlight.length > 0) {
		const page = await inFlight.shift()!;
		if (take(page) === 0 || page.items.length < size) break;
		launch();
	}
	return [...byKey.values()];
}
