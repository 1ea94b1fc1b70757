// Follows one run until it finishes: `windsock trigger --wait` and the console's jump to a
// new run share it. Polls getRun (a GET, so retried by the client on 5xx), reports each
// state change, gives up at the deadline. A failed poll is reported and retried, not fatal:
// a run outlives a network blip.
import type {AirflowClient} from '../airflow/client.js';
import type {DagRun} from '../airflow/model.js';
import {FINISHED_RUN_STATES} from '../airflow/states.js';

export type WaitOutcome = {run: DagRun; timedOut: boolean};

export async function waitForRun(
	client: AirflowClient,
	dagId: string,
	runId: string,
	options: {timeoutMs: number; pollMs?: number; onState?: (run: DagRun) => void; onError?: (error: unknown) => void; signal?: AbortSignal},
): Promise<WaitOutcome> {
	const deadline = Date.now() + options.timeoutMs;
	const pollMs = options.pollMs ?? 2000;
	let last: DagRun | undefined;
	for (;;) {
		try {
			const run = await client.getRun(dagId, runId, options.signal);
			if (run.state !== last?.state) options.onState?.(run);
			last = run;
			if (FINISHED_RUN_STATES.has(run.state)) return {run, timedOut: false};
		} catch (error) {
			if (options.signal?.aborted) throw error;
			options.onError?.(error);
		}
		const left = deadline - Date.now();
		if (left <= 0) {
			if (last) return {run: last, timedOut: true};
			throw new Error(`the run ${runId} could not be read before the deadline`);
		}
		await new Promise(resolve => setTimeout(resolve, Math.min(pollMs, left)));
	}
}
