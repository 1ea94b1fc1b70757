// A plain-text table for the commands' human output: aligned columns, a header, no borders,
// so `grep` and `awk` still work on it. Cells are sanitised; wide characters count twice.
import {cellWidth, fit} from './cells.js';
import {sanitizeLine} from './sanitize.js';

export type PlainColumn<Row> = {
	header: string;
	value: (row: Row) => string | number | null | undefined;
	/** cut longer cells to this many cells (default 60) */
	max?: number;
	/** wrap the cell text, after fitting, e.g. in a colour */
	paint?: (text: string, row: Row) => string;
};

export function plainTable<Row>(columns: PlainColumn<Row>[], rows: Row[]): string {
	const cells = rows.map(row => columns.map(column => sanitizeLine(String(column.value(row) ?? ''))));
	const widths = columns.map((column, index) => Math.min(column.max ?? 60, Math.max(cellWidth(column.header), ...cells.map(line => cellWidth(line[index]!)))));
	const render = (values: string[], paint?: (text: string, index: number) => string) =>
		values
			.map((value, index) => {
				const last = index === values.length - 1;
				const fitted = last && cellWidth(value) <= widths[index]! ? value : fit(value, widths[index]!);
				return paint ? paint(fitted, index) : fitted;
			})
			.join('  ')
			.trimEnd();
	const lines = [render(columns.map(column => column.header))];
	cells.forEach((line, rowIndex) => {
		lines.push(render(line, (text, index) => columns[index]!.paint?.(text, rows[rowIndex]!) ?? text));
	});
	return lines.join('\n') + '\n';
}
