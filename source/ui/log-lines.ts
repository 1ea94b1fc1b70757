// A log as lines for the screen: which lines are errors or warnings (coloured, text unchanged),
// the first error, Airflow's `::group::` / `::endgroup::` blocks folded or not, and the rows a
// terminal of a given width shows, wrapped or cut at a horizontal offset. Pure: unit-tested.
import {sanitize} from '../text/sanitize.js';

export type Level = 'error' | 'warning' | undefined;

/** The log's text as screen lines: sanitised (no escape sequence reaches the terminal), tabs as spaces. */
export function logLines(text: string): string[] {
	const lines = sanitize(text).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines;
}

// "{taskinstance.py:3] ERROR - ...", "2026-11-25T09:44:22Z ERROR - ...", a Python traceback
const ERROR = /\b(ERROR|CRITICAL|FATAL)\b|^Traceback \(most recent call last\)/;
const WARNING = /\bWARN(ING)?\b/;

export function levelOf(line: string): Level {
	if (ERROR.test(line)) return 'error';
	if (WARNING.test(line)) return 'warning';
	return undefined;
}

/** The first ERROR (or CRITICAL) line or Traceback, where the story of a failure starts. */
export function firstErrorLine(lines: readonly string[]): number | undefined {
	const index = lines.findIndex(line => levelOf(line) === 'error');
	return index < 0 ? undefined : index;
}

export type Group = {start: number; end: number; title: string};

const GROUP_START = /::group::(.*)$/;
const GROUP_END = /::endgroup::/;

/**
 * Airflow's foldable blocks. A group still open (a log being followed) runs to the last line;
 * groups do not nest in Airflow's logs, so a second start closes the first.
 */
export function groupsOf(lines: readonly string[]): Group[] {
	const groups: Group[] = [];
	let open: {start: number; title: string} | undefined;
	lines.forEach((line, index) => {
		const start = GROUP_START.exec(line);
		if (start) {
			if (open) groups.push({...open, end: index - 1});
			open = {start: index, title: start[1]!.trim()};
		} else if (open && GROUP_END.test(line)) {
			groups.push({...open, end: index});
			open = undefined;
		}
	});
	if (open) groups.push({...open, end: lines.length - 1});
	return groups;
}

/** A line on screen: a log line, or a folded group standing for its lines. */
export type ViewLine = {line: number; folded?: {title: string; hidden: number}};

export function visibleLines(lines: readonly string[], folded: boolean): ViewLine[] {
	if (!folded) return lines.map((_, line) => ({line}));
	const view: ViewLine[] = [];
	const groups = groupsOf(lines);
	let next = 0;
	for (const group of groups) {
		for (let line = next; line < group.start; line++) view.push({line});
		view.push({line: group.start, folded: {title: group.title, hidden: group.end - group.start}});
		next = group.end + 1;
	}
	for (let line = next; line < lines.length; line++) view.push({line});
	return view;
}

/** Whether a line is inside a folded group (not its header): jumping there must unfold. */
export function hiddenByFold(lines: readonly string[], line: number): boolean {
	return groupsOf(lines).some(group => line > group.start && line <= group.end);
}

/** A terminal row: `text` is the part of log line `line` from column `start`. */
export type Row = {line: number; start: number; text: string; folded?: ViewLine['folded']};

export function foldLabel(folded: NonNullable<ViewLine['folded']>): string {
	return `▸ ${folded.title || 'group'} (${folded.hidden} line${folded.hidden === 1 ? '' : 's'} folded, z: unfold)`;
}

/**
 * The rows for the lines in view: wrapped at `width`, or one row per line cut to the columns
 * from `left` (horizontal scrolling).
 */
export function layoutRows(lines: readonly string[], view: readonly ViewLine[], width: number, wrap: boolean, left: number): Row[] {
	const rows: Row[] = [];
	const columns = Math.max(1, width);
	for (const entry of view) {
		if (entry.folded) {
			rows.push({line: entry.line, start: 0, text: foldLabel(entry.folded).slice(0, columns), folded: entry.folded});
			continue;
		}
		const line = lines[entry.line] ?? '';
		if (!wrap) rows.push({line: entry.line, start: left, text: line.slice(left, left + columns)});
		else if (line.length <= columns) rows.push({line: entry.line, start: 0, text: line});
		else for (let start = 0; start < line.length; start += columns) rows.push({line: entry.line, start, text: line.slice(start, start + columns)});
	}
	return rows;
}

/** The row showing column `column` of line `line`, for a jump; the line's first row otherwise. */
export function rowOf(rows: readonly Row[], line: number, column = 0): number | undefined {
	let first: number | undefined;
	for (const [index, row] of rows.entries()) {
		if (row.line !== line) continue;
		first ??= index;
		if (column >= row.start && column < row.start + Math.max(1, row.text.length)) return index;
	}
	return first;
}

/** The widest line, for the limit of horizontal scrolling. */
export function widest(lines: readonly string[]): number {
	return lines.reduce((max, line) => Math.max(max, line.length), 0);
}
