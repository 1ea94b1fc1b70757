// A table that renders only the rows on screen, with a selected row and coloured cells.
// Why not @alcalzone/ink-table: it renders every row it is given, draws box borders that
// cost two of 24 lines, and has no selection or per-cell colour; a DAG list of 10,000
// rows must render 20.
import chalk from 'chalk';
import {Box, Text} from 'ink';
import {color} from '../theme.js';
import {cellWidth, fit} from '../../text/cells.js';
import {sanitizeLine} from '../../text/sanitize.js';

/**
 * A cell as it may reach the terminal: every text through the sanitising boundary here, once
 * for every column, so a column that shows a server field raw (a run's state) cannot leak.
 */
function clean(cell: Cell): Cell {
	const text = sanitizeLine(cell.text);
	return cell.parts ? {...cell, text, parts: cell.parts.map(part => ({...part, text: sanitizeLine(part.text)}))} : {...cell, text};
}

/** A cell: one text, or parts coloured one by one (a grid of run states). */
export type Cell = {text: string; color?: string; bold?: boolean; parts?: {text: string; color?: string}[]};

export type Column<Row> = {
	header: string;
	/** fixed width in cells; the last column takes what is left */
	width: number;
	cell: (row: Row) => Cell;
};

/**
 * Columns that do not fit the terminal are left out, from the right; the last one that is
 * kept takes the width left over. Pure: what a pane shows at 60 columns is tested with it.
 */
export function fittedColumns<Row>(all: readonly Column<Row>[], width: number): {columns: Column<Row>[]; widths: number[]} {
	const available = width - 2;
	const columns: Column<Row>[] = [];
	let used = 0;
	for (const [index, column] of all.entries()) {
		const flexible = index === all.length - 1;
		const need = (flexible ? 6 : column.width) + (columns.length ? 1 : 0);
		if (used + need > available) break;
		columns.push(column);
		used += need;
	}
	const widths = columns.map((column, index) => (index === columns.length - 1 ? available - (used - (index === all.length - 1 ? 6 : column.width)) : column.width));
	return {columns, widths};
}

/** Ink's colour for a named colour (what <Text color> draws), or the text as it is. */
function coloured(text: string, name: string | undefined): string {
	const paint = name ? (chalk as unknown as Record<string, ((text: string) => string) | undefined>)[name] : undefined;
	return typeof paint === 'function' ? paint(text) : text;
}

/**
 * A cell as styled text, padded to its width. A row is one Text of these rather than a Text
 * per cell (and per part): a page of 30 rows was some 200 React elements to reconcile and
 * Ink nodes to update on every key and every refresh, most of a keystroke's time (#12).
 */
function cellText(cell: Cell, width: number): string {
	if (cell.parts) {
		const used = cell.parts.reduce((sum, part) => sum + cellWidth(part.text), 0);
		return cell.parts.map(part => coloured(part.text, part.color ? color(part.color) : undefined)).join('') + ' '.repeat(Math.max(0, width - used));
	}
	const text = coloured(fit(cell.text, width), cell.color ? color(cell.color) : undefined);
	return cell.bold ? chalk.bold(text) : text;
}

export function WindowedTable<Row>(props: {
	columns: Column<Row>[];
	/** the rows on screen, already windowed by the caller (server-side paging) */
	rows: Row[];
	/** index into `rows` of the selected row, or -1 */
	selected: number;
	height: number;
	width: number;
	empty: string;
}) {
	const {columns, widths} = fittedColumns(props.columns, props.width);
	return (
		<Box flexDirection="column" height={props.height + 1}>
			<Text bold wrap="truncate">
				{'  ' + columns.map((column, index) => fit(column.header, widths[index]!)).join(' ')}
			</Text>
			{props.rows.length === 0 ? <Text dimColor> {props.empty}</Text> : null}
			{props.rows.slice(0, props.height).map((row, rowIndex) => {
				const isSelected = rowIndex === props.selected;
				const line = (isSelected ? '› ' : '  ') + columns.map((column, index) => cellText(clean(column.cell(row)), widths[index]!) + (index < columns.length - 1 ? ' ' : '')).join('');
				return (
					<Text key={rowIndex} wrap="truncate">
						{isSelected ? chalk.inverse(line) : line}
					</Text>
				);
			})}
		</Box>
	);
}
