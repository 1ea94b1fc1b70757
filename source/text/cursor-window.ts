// The part of an edited line that fits its field with the cursor in view. A note, a conf line
// or a filter longer than the field was cut at the field's end, so the cursor (and what was
// being typed) disappeared past it. Here the line scrolls: from its start while the cursor is
// within the first screenful, otherwise so that the cursor is the last cell shown; a cut side
// shows "…". Widths are terminal cells (wide characters take two). The unit is the code
// point, as the editor's cursor (text-edit.ts) counts; a code point that joins the one before
// it is counted as a cell of its own, so a line of such is shown a little shorter, never wider.
import stringWidth from 'string-width';

/** What to draw: the text before the cursor, the code point under it (' ' at the end), the rest. */
export type CursorWindow = {before: string; at: string; after: string};

/**
 * `column` is the cursor's index in code points (the line's length when it is at the end);
 * `width` the cells the field has, at least 3.
 */
export function cursorWindow(text: string, column: number, width: number): CursorWindow {
	const parts = [...text].map(point => ({text: point, width: Math.max(1, stringWidth(point))}));
	const cursor = Math.max(0, Math.min(column, parts.length));
	// the cursor at the end stands on a blank cell of its own
	const cells = [...parts, ...(cursor === parts.length ? [{text: ' ', width: 1}] : [])];
	const total = cells.reduce((sum, cell) => sum + cell.width, 0);
	const room = Math.max(3, width);
	if (total <= room) return split(cells, 0, cells.length, cursor, false, false);
	// from the start, if the cursor fits before the right-hand "…"
	let used = 0;
	let end = 0;
	while (end < cells.length && used + cells[end]!.width <= room - 1) used += cells[end++]!.width;
	if (cursor < end) return split(cells, 0, end, cursor, false, true);
	// otherwise the cursor last: walk left from it while there is room (one cell each side for "…")
	const rightCut = cursor < cells.length - 1;
	let start = cursor + 1;
	used = 0;
	const limit = room - 1 - (rightCut ? 1 : 0);
	while (start > 0 && used + cells[start - 1]!.width <= limit) used += cells[--start]!.width;
	return split(cells, start, cursor + 1, cursor, start > 0, rightCut);
}

function split(cells: readonly {text: string}[], start: number, end: number, cursor: number, leftCut: boolean, rightCut: boolean): CursorWindow {
	const join = (from: number, to: number) =>
		cells
			.slice(from, to)
			.map(cell => cell.text)
			.join('');
	return {
		before: (leftCut ? '…' : '') + join(start, cursor),
		at: cells[cursor]?.text ?? ' ',
		after: join(cursor + 1, end) + (rightCut ? '…' : ''),
	};
}
