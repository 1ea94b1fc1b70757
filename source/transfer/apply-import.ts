// Applies an import file entry by entry and says what happened to each: created, updated,
// unchanged, skipped or failed (with the server's reason). Existing keys whose content
// differs are a decision the user makes up front (--overwrite or --skip-existing); without
// one nothing is written at all, so an import is never half-applied by surprise.
//
// Writes go out a few at a time (IMPORT_CONCURRENCY): one at a time, 10,000 keys take an hour
// on a slow link; more at once would only queue on the server. A server that stops answering
// stops the import after a few unanswered writes in a row, instead of every key waiting out
// its own timeout; an interruption (the `stop` signal) sends nothing more. Either way each
// entry's fate is known: written, failed, sent without an answer, or never sent.
import {AirflowError, describeError} from '../airflow/errors.js';

export type ImportMode = 'overwrite' | 'skip-existing' | undefined;
/** unanswered: sent, and no answer came before the import stopped (it may have been written) */
export type ImportAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'unanswered' | 'not sent';
export type ImportResult = {key: string; action: ImportAction; reason?: string};

/** How many writes are in flight at once. */
export const IMPORT_CONCURRENCY = 6;
/** Unanswered writes (timeouts, refused or reset connections) in a row that stop an import. */
export const MAX_UNANSWERED_IN_A_ROW = 3;

export type ImportPlan<Entry, Current> = {
	entries: Entry[];
	keyOf(entry: Entry): string;
	existing: Map<string, Current>;
	/** true when writing the entry would change nothing */
	same(entry: Entry, current: Current): boolean;
	create(entry: Entry, signal: AbortSignal): Promise<unknown>;
	update(entry: Entry, signal: AbortSignal): Promise<unknown>;
};

export type ImportTally = {sent: number; toSend: number; written: number; failed: number};

export type ApplyOptions = {
	dryRun: boolean;
	concurrency?: number;
	maxUnansweredInARow?: number;
	/** an interruption (Ctrl-C): nothing more is sent, writes in flight are abandoned */
	stop?: AbortSignal;
	/** after each answered or failed write */
	progress?(tally: ImportTally): void;
};

export type ApplyOutcome = {
	results: ImportResult[];
	/** why the import ended early: the server stopped answering, or it was interrupted */
	stopped?: {reason: 'no-answer'; lastError: string} | {reason: 'interrupted'};
};

/** A write the server never answered: a timeout, or a connection refused or reset. */
export function isUnanswered(error: unknown): boolean {
	return error instanceof AirflowError && (error.kind === 'timeout' || error.kind === 'network');
}

/** What would happen to the entry, decided before anything is sent. */
function decide<Entry, Current>(plan: ImportPlan<Entry, Current>, entry: Entry, mode: ImportMode): ImportAction {
	const current = plan.existing.get(plan.keyOf(entry));
	if (current === undefined) return 'created';
	if (plan.same(entry, current)) return 'unchanged';
	return mode === 'overwrite' ? 'updated' : 'skipped';
}

/** Keys that exist with different content: the ones a mode must decide about. */
export function conflictsOf<Entry, Current>(plan: ImportPlan<Entry, Current>): string[] {
	return plan.entries
		.filter(entry => {
			const current = plan.existing.get(plan.keyOf(entry));
			return current !== undefined && !plan.same(entry, current);
		})
		.map(plan.keyOf);
}

/** What would happen, or (dryRun false) what happened, to each entry, in the file's order. */
export async function applyImport<Entry, Current>(plan: ImportPlan<Entry, Current>, mode: ImportMode, options: ApplyOptions): Promise<ApplyOutcome> {
	const results: ImportResult[] = plan.entries.map(entry => {
		const action = decide(plan, entry, mode);
		return {key: plan.keyOf(entry), action, ...(action === 'skipped' ? {reason: 'exists with different content (--skip-existing)'} : {})};
	});
	if (options.dryRun) return {results};
	const queue = results.flatMap((result, index) => (result.action === 'created' || result.action === 'updated' ? [index] : []));
	const tally: ImportTally = {sent: 0, toSend: queue.length, written: 0, failed: 0};
	const inFlight = new AbortController();
	const onStop = () => inFlight.abort();
	options.stop?.addEventListener('abort', onStop);
	let stopped: ApplyOutcome['stopped'];
	let unansweredInARow = 0;
	const maxUnanswered = options.maxUnansweredInARow ?? MAX_UNANSWERED_IN_A_ROW;
	const pending = new Set(queue);
	const worker = async () => {
		for (;;) {
			if (stopped || options.stop?.aborted) return;
			const index = queue.shift();
			if (index === undefined) return;
			const result = results[index]!;
			const entry = plan.entries[index]!;
			tally.sent++;
			try {
				await (result.action === 'created' ? plan.create(entry, inFlight.signal) : plan.update(entry, inFlight.signal));
				unansweredInARow = 0;
				tally.written++;
			} catch (error) {
				if (inFlight.signal.aborted) {
					// abandoned when the import stopped: the server may have taken it
					results[index] = {key: result.key, action: 'unanswered', reason: 'sent; no answer before the import stopped (it may have been written)'};
				} else {
					// a write that timed out reached the server and may have been applied: it is not
					// "failed" (which says it was not written), and not to be sent again blindly
					const timedOut = error instanceof AirflowError && error.kind === 'timeout';
					results[index] = timedOut
						? {key: result.key, action: 'unanswered', reason: `${describeError(error).replace(/\.$/, '')}; it may have been written`}
						: {key: result.key, action: 'failed', reason: describeError(error)};
					if (!timedOut) tally.failed++;
					unansweredInARow = isUnanswered(error) ? unansweredInARow + 1 : 0;
					if (unansweredInARow >= maxUnanswered && !stopped) {
						stopped = {reason: 'no-answer', lastError: describeError(error)};
						inFlight.abort();
					}
				}
			}
			pending.delete(index);
			options.progress?.(tally);
		}
	};
	try {
		await Promise.all(Array.from({length: Math.max(1, Math.min(options.concurrency ?? IMPORT_CONCURRENCY, queue.length))}, worker));
	} finally {
		options.stop?.removeEventListener('abort', onStop);
	}
	if (!stopped && options.stop?.aborted) stopped = {reason: 'interrupted'};
	for (const index of pending) {
		if (results[index]!.action === 'created' || results[index]!.action === 'updated') {
			results[index] = {key: results[index]!.key, action: 'not sent', reason: 'the import stopped before it was sent'};
		}
	}
	return {results, ...(stopped ? {stopped} : {})};
}

const ACTIONS: readonly ImportAction[] = ['created', 'updated', 'unchanged', 'skipped', 'failed', 'unanswered', 'not sent'];

/** "3 created, 0 updated, ...": the last two only when an early stop left any. */
export function summarise(results: ImportResult[]): string {
	const count = (action: ImportAction) => results.filter(result => result.action === action).length;
	return ACTIONS.filter(action => count(action) > 0 || !['unanswered', 'not sent'].includes(action))
		.map(action => `${count(action)} ${action}`)
		.join(', ');
}
