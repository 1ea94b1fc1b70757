// Polling a resource for a pane: fetch now and every `intervalMs`, never two requests in
// flight, keep the last good data when a fetch fails (marked stale with its age), back off
// after errors (double the interval each time, up to 60 s), cancel on unmount.
import {useCallback, useEffect, useRef, useState} from 'react';
import {describeError} from '../airflow/errors.js';

export type Polled<T> = {
	data: T | undefined;
	/** when `data` was fetched */
	fetchedAt: number | undefined;
	/** the latest failure, cleared by the next success */
	error: string | undefined;
	loading: boolean;
	/** when the request now in flight was sent; undefined while none is */
	waitingSince: number | undefined;
	/** fetch now (the `r` key) */
	refresh: () => void;
};

const MAX_BACKOFF_MS = 60_000;

/** intervalMs <= 0 pauses polling after the current fetch (a pane that is not shown). */
export function usePoll<T>(fetcher: (signal: AbortSignal) => Promise<T>, intervalMs: number, deps: unknown[]): Polled<T> {
	const [state, setState] = useState<Omit<Polled<T>, 'refresh'>>({data: undefined, fetchedAt: undefined, error: undefined, loading: true, waitingSince: Date.now()});
	const inFlight = useRef<AbortController | undefined>(undefined);
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const failures = useRef(0);
	const fetcherRef = useRef(fetcher);
	fetcherRef.current = fetcher;
	// read when the next fetch is scheduled: a change of interval reschedules, it does not fetch
	const interval = useRef(intervalMs);
	interval.current = intervalMs;

	/** The next fetch after the interval (doubled per failure), unless paused or one is out. */
	const schedule = useCallback(() => {
		clearTimeout(timer.current);
		if (interval.current <= 0 || inFlight.current) return; // paused: a hidden list keeps its data and asks nothing
		const delay = Math.min(interval.current * 2 ** failures.current, MAX_BACKOFF_MS);
		timer.current = setTimeout(run, delay);
	}, []);

	const run = useCallback(() => {
		if (inFlight.current) return; // still waiting: do not pile up requests on a slow link
		clearTimeout(timer.current);
		const controller = new AbortController();
		inFlight.current = controller;
		const sentAt = Date.now();
		setState(previous => ({...previous, loading: true, waitingSince: sentAt}));
		fetcherRef
			.current(controller.signal)
			.then(
				data => {
					if (controller.signal.aborted) return;
					failures.current = 0;
					setState({data, fetchedAt: Date.now(), error: undefined, loading: false, waitingSince: undefined});
				},
				(error: unknown) => {
					if (controller.signal.aborted) return;
					failures.current++;
					setState(previous => ({...previous, error: describeError(error), loading: false, waitingSince: undefined}));
				},
			)
			.finally(() => {
				if (controller.signal.aborted) return;
				inFlight.current = undefined;
				schedule();
			});
	}, []);

	useEffect(() => {
		// a new query (filter, page): drop the old request, fetch at once
		inFlight.current?.abort();
		inFlight.current = undefined;
		run();
		return () => {
			inFlight.current?.abort();
			inFlight.current = undefined;
			clearTimeout(timer.current);
		};
		// deps are the query the caller polls
	}, deps);

	// Shown again (paused -> polling): fetch at once, the data may be old. Hidden, or another
	// interval: only the timer changes (an item opened over a list must not fetch the list again).
	const wasPaused = useRef(intervalMs <= 0);
	useEffect(() => {
		const resumed = wasPaused.current && intervalMs > 0;
		wasPaused.current = intervalMs <= 0;
		if (resumed) run();
		else schedule();
	}, [intervalMs]);

	return {...state, refresh: run};
}
