// The file side of export and import: read a JSON file (or stdin as -), write one readable
// only by its owner (it may hold secrets), and print an import's report.
import {renameSync, writeFileSync} from 'node:fs';
import {AirflowError} from '../airflow/errors.js';
import {ConfigError, resolveConnection} from '../config/connection.js';
import {parseJson, parseJsonKeepingNumbers} from '../text/json-input.js';
import {sanitizeLine} from '../text/sanitize.js';
import {
	applyImport,
	conflictsOf,
	IMPORT_CONCURRENCY,
	MAX_UNANSWERED_IN_A_ROW,
	summarise,
	type ApplyOutcome,
	type ImportAction,
	type ImportMode,
	type ImportPlan,
	type ImportResult,
	type ImportTally,
} from '../transfer/apply-import.js';
import type {EntryProblem} from '../transfer/variables-file.js';
import {readSource, sourceName, type CommandContext} from './command.js';
import {JSON_FLAG, parseNumber, type FlagValues} from './flags.js';
import {safeJson, type Output} from './output.js';

/** The file's JSON; with keepNumbers, numbers stay as written (JsonNumber), for Variables' values. */
export async function readJsonFile(file: string, options: {keepNumbers?: boolean} = {}): Promise<unknown> {
	const text = await readSource(file);
	const parsed = options.keepNumbers ? parseJsonKeepingNumbers(text) : parseJson(text);
	if (!parsed.ok) throw new ConfigError(`${sourceName(file)} is not JSON: ${parsed.message}`);
	return parsed.value;
}

/**
 * Writes next to the target first and renames, so a failed export never leaves half a file.
 * The text is --json's (safeJson): stdout may be a terminal, and `cat FILE` is one too, so C1
 * controls, DEL, bidi overrides and line separators go out as \u escapes (the same value).
 */
export function writeJsonFile(file: string, value: unknown, indent: number, out: Output): void {
	const text = `${safeJson(value, indent)}\n`;
	if (file === '-') {
		out.write(text);
		return;
	}
	const partial = `${file}.partial-${process.pid}`;
	writeFileSync(partial, text, {mode: 0o600});
	renameSync(partial, file);
}

export function importMode(values: FlagValues): ImportMode {
	if (values['overwrite'] && values['skip-existing']) throw new ConfigError('--overwrite and --skip-existing exclude each other');
	return values['overwrite'] ? 'overwrite' : values['skip-existing'] ? 'skip-existing' : undefined;
}

export const IMPORT_OPTIONS = {
	overwrite: {type: 'boolean', help: 'import: replace entries that exist with different values'},
	'skip-existing': {type: 'boolean', help: 'import: keep entries that exist, import only new ones'},
	'dry-run': {type: 'boolean', help: 'import: say what would be created and changed, change nothing'},
	json: JSON_FLAG,
	concurrency: {type: 'string', value: 'N', help: 'import: writes in flight, 1-8 (default 6; use 1 for Airflow on SQLite)'},
} as const;

/**
 * --concurrency N (1-8): writes in flight. The default suits a server on PostgreSQL or MySQL;
 * Airflow 3.x on SQLite (`airflow standalone`, windsock's sandbox) serialises writes in one
 * process, and concurrent ones were seen to stall its whole API for three minutes: the sandbox
 * gets 1, and so should any SQLite-backed server.
 */
export function importConcurrency(values: FlagValues, label: string): number {
	const raw = values['concurrency'];
	if (typeof raw === 'string') return parseNumber('concurrency', raw, {min: 1, max: 8, integer: true});
	return label === 'sandbox' ? 1 : IMPORT_CONCURRENCY;
}

/**
 * An import writes: in read-only mode (--read-only, WINDSOCK_READ_ONLY, a read-only profile)
 * it is refused before the file is read or the server asked, unless it is a --dry-run.
 */
export function refuseReadOnlyImport(context: CommandContext, what: string): void {
	if (context.values['dry-run']) return;
	if (!resolveConnection(context.flags).safety.readOnly) return;
	// exit 1 with the one line every read-only refusal has (main prints it)
	throw new AirflowError({kind: 'read-only', title: `Read-only mode: importing ${what} writes, so the file was not read and nothing was sent`, hint: '--dry-run shows what it would do.'});
}

/** Progress on stderr: one line rewritten in place on a terminal, a plain line every PLAIN_EVERY writes otherwise. */
const PLAIN_EVERY = 1000;
const REDRAW_MS = 100;

export function progressReporter(what: string, out: Output): {update(tally: ImportTally): void; end(): void} {
	let drawn = 0;
	const line = (tally: ImportTally) => `importing ${what}: ${tally.written + tally.failed} of ${tally.toSend} done (${tally.written} written, ${tally.failed} failed)`;
	return {
		update(tally) {
			if (out.stderrIsTerminal) {
				const now = Date.now();
				if (now - drawn < REDRAW_MS && tally.written + tally.failed < tally.toSend) return;
				drawn = now;
				out.status(line(tally));
			} else if ((tally.written + tally.failed) % PLAIN_EVERY === 0 && tally.written + tally.failed < tally.toSend) {
				out.note(`windsock: ${line(tally)}`);
			}
		},
		end() {
			if (drawn) out.status('');
		},
	};
}

const SIGNAL_EXIT: Readonly<Record<string, number>> = {SIGINT: 130, SIGTERM: 143};

/**
 * The whole import after the file is read: refuses on a bad entry or an undecided conflict
 * before writing anything, then applies and reports. Exit code 1 when anything failed or the
 * server stopped answering; 130 or 143 after Ctrl-C or SIGTERM, with the report of what was
 * written, what failed and what was never sent.
 */
export async function runImport<Entry, Current>(
	context: CommandContext,
	what: string,
	problems: EntryProblem[],
	plan: ImportPlan<Entry, Current>,
	/** entries left out on purpose, reported as skipped with the reason */
	skips: EntryProblem[] = [],
	/** writes in flight at once (importConcurrency) */
	concurrency = IMPORT_CONCURRENCY,
): Promise<number> {
	const {values, out} = context;
	const mode = importMode(values);
	const dryRun = !!values['dry-run'];
	if (problems.length) {
		for (const problem of problems) out.note(`windsock: ${sanitizeLine(problem.key)}: ${sanitizeLine(problem.reason)}`);
		out.note(`windsock: ${problems.length} ${what} in the file cannot be imported; nothing was changed`);
		return 1;
	}
	const conflicts = conflictsOf(plan);
	if (conflicts.length && !mode) {
		const shown = conflicts.slice(0, 10).map(sanitizeLine).join(', ') + (conflicts.length > 10 ? ` and ${conflicts.length - 10} more` : '');
		out.note(`windsock: ${conflicts.length} ${what} exist already with different content (${shown}). Pass --overwrite or --skip-existing; nothing was changed`);
		return 1;
	}
	// Ctrl-C or SIGTERM: stop sending and say what happened; a second one ends at once
	const stop = new AbortController();
	let signal: string | undefined;
	const onSignal = (name: NodeJS.Signals) => {
		signal = name;
		stop.abort();
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const progress = progressReporter(what, out);
	let outcome: ApplyOutcome;
	try {
		outcome = await applyImport(plan, mode, {dryRun, concurrency, stop: stop.signal, progress: progress.update});
	} finally {
		progress.end();
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
	const results = [...outcome.results, ...skips.map(skip => ({key: skip.key, action: 'skipped' as const, reason: skip.reason}))];
	report(results, dryRun, out, !!values['json'], outcome.stopped && (outcome.stopped.reason === 'interrupted' ? `interrupted by ${signal}` : 'server-not-answering'));
	const written = results.filter(result => result.action === 'created' || result.action === 'updated').length;
	const count = (action: ImportAction) => results.filter(result => result.action === action).length;
	const rest = `${count('failed')} failed, ${count('unanswered')} sent without an answer (they may have been written), ${count('not sent')} not sent. Running the same import again sends what is missing (what was written shows as unchanged)`;
	if (outcome.stopped?.reason === 'no-answer') {
		out.note(
			`windsock: stopped: the server is not answering (${MAX_UNANSWERED_IN_A_ROW} writes in a row got no answer; the last: ${sanitizeLine(outcome.stopped.lastError)}). ${written} ${what} were written, ${rest}`,
		);
		return 1;
	}
	if (outcome.stopped?.reason === 'interrupted') {
		out.note(`windsock: interrupted by ${signal}: ${written} ${what} were written, ${rest}`);
		return SIGNAL_EXIT[signal ?? 'SIGINT'] ?? 130;
	}
	// a write that got no answer may be missing: a script must not take the import as done
	return results.some(result => result.action === 'failed' || result.action === 'unanswered') ? 1 : 0;
}

function report(results: ImportResult[], dryRun: boolean, out: Output, json: boolean, stopped: string | undefined): void {
	if (json) {
		out.json({dryRun, ...(stopped ? {stopped} : {}), results});
		return;
	}
	const paint: Record<string, string> = {created: 'green', updated: 'cyan', failed: 'red', skipped: 'yellow', unanswered: 'magenta', 'not sent': 'gray'};
	out.table(
		[
			{header: 'key', value: r => r.key},
			{header: dryRun ? 'would be' : 'result', value: r => r.action, paint: (text, r) => out.paint(paint[r.action] ?? 'gray', text)},
			{header: 'reason', value: r => r.reason ?? '', max: 200},
		],
		results,
	);
	out.note(`${dryRun ? 'dry run, nothing sent: would be ' : ''}${summarise(results)}`);
}
