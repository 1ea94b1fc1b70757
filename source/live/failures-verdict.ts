// The verdict of `windsock failures`, kept apart from its requests so the rule can be read
// and tested on its own: the command exits 1 when anything failed, so a cron job or a CI step
// can use it as a check, and 0 only when nothing did.
//
// What counts:
// - a run in state "failed" whose end lies in the window. The server already filters on
//   updated_at; the end date is checked again here because a server that ignores an unknown
//   parameter would otherwise hand back every failed run it ever had. A failed run without
//   an end date (Airflow did not record one) is taken on the server's word.
// - every import error, whatever its age: a DAG file that does not import has no runs to
//   fail, so it would otherwise never show here, and it stays broken until someone fixes it.
import type {DagRun} from '../airflow/model.js';
import {plural} from '../text/plural.js';

export type FailuresInput = {
	/** the failed runs the server listed (possibly only the first page of them) */
	runs: DagRun[];
	/** how many the server said match, across all pages */
	total: number;
	importErrors: number;
	/** ISO time: the start of the window */
	windowStart: string;
};

export type FailuresVerdict = {
	exitCode: 0 | 1;
	/** the listed runs that count, as listed (newest first) */
	failed: DagRun[];
	/** how many count in all, including those past the listed page */
	failedTotal: number;
	importErrors: number;
	/** one short phrase per kind of failure, empty when nothing failed */
	reasons: string[];
};

export function countsAsFailed(run: DagRun, windowStartMs: number): boolean {
	if (run.state !== 'failed') return false;
	if (!run.endDate) return true;
	const ended = Date.parse(run.endDate);
	return Number.isNaN(ended) || ended >= windowStartMs;
}

export function failuresVerdict(input: FailuresInput): FailuresVerdict {
	const windowStartMs = Date.parse(input.windowStart);
	const failed = input.runs.filter(run => countsAsFailed(run, windowStartMs));
	// runs past the listed page cannot be checked again: the server's count stands for them
	const failedTotal = Math.max(failed.length, input.total - (input.runs.length - failed.length));
	const reasons: string[] = [];
	if (failedTotal > 0) reasons.push(`${plural(failedTotal, 'failed run')}`);
	if (input.importErrors > 0) reasons.push(`${plural(input.importErrors, 'import error')}`);
	return {exitCode: reasons.length ? 1 : 0, failed, failedTotal, importErrors: input.importErrors, reasons};
}
