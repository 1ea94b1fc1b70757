// The file side of export and import: read a JSON file (or stdin as -), write one readable
// only by its owner (it may hold secrets), and print an import's report.
import {renameSync, writeFileSync} from 'node:fs';
import {ConfigError} from '../config/connection.js';
import {parseJson} from '../text/json-input.js';
import {sanitizeLine} from '../text/sanitize.js';
import {conflictsOf, applyImport, summarise, type ImportMode, type ImportPlan, type ImportResult} from '../transfer/apply-import.js';
import type {EntryProblem} from '../transfer/variables-file.js';
import {readSource, sourceName, type CommandContext} from './command.js';
import {JSON_FLAG, type FlagValues} from './flags.js';
import type {Output} from './output.js';

export async function readJsonFile(file: string): Promise<unknown> {
	const parsed = parseJson(await readSource(file));
	if (!parsed.ok) throw new ConfigError(`${sourceName(file)} is not JSON: ${parsed.message}`);
	return parsed.value;
}

/** Writes next to the target first and renames, so a failed export never leaves half a file. */
export function writeJsonFile(file: string, value: unknown, indent: number, out: Output): void {
	const text = `${JSON.stringify(value, null, indent)}\n`;
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
} as const;

/**
 * The whole import after the file is read: refuses on a bad entry or an undecided conflict
 * before writing anything, then applies and reports. Exit code 1 when anything failed.
 */
export async function runImport<Entry, Current>(
	context: CommandContext,
	what: string,
	problems: EntryProblem[],
	plan: ImportPlan<Entry, Current>,
	/** entries left out on purpose, reported as skipped with the reason */
	skips: EntryProblem[] = [],
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
	const results = [...(await applyImport(plan, mode, dryRun)), ...skips.map(skip => ({key: skip.key, action: 'skipped' as const, reason: skip.reason}))];
	report(results, dryRun, out, !!values['json']);
	return results.some(result => result.action === 'failed') ? 1 : 0;
}

function report(results: ImportResult[], dryRun: boolean, out: Output, json: boolean): void {
	if (json) {
		out.json({dryRun, results});
		return;
	}
	const paint: Record<string, string> = {created: 'green', updated: 'cyan', failed: 'red', skipped: 'yellow'};
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
