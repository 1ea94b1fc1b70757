// The console's frames as rows, and the bytes that turn one frame on the screen into the next:
// only the rows that changed, each addressed absolutely (CSI row;1H, the row, CSI K), or only
// the changed cells of a row when that is shorter (frame-cells.ts). Ink's own
// line diff is off (it misplaces frames: vadimdemedes/ink#1023, #973), so Ink hands us whole
// frames and this decides what reaches the terminal; on a slow link that is most of the cost
// of an idle console. Pure: no terminal, no Ink, so the tests can replay it on a model screen.
import stringWidth from 'string-width';
import {rowChange} from './frame-cells.js';

export type Size = {columns: number; rows: number};
/** A frame as it is on the screen: one string per terminal row, SGR styles kept inside. */
export type Frame = readonly string[];

const ESC = '\u001b';
const SYNC_START = `${ESC}[?2026h`;
const SYNC_END = `${ESC}[?2026l`;
const CLEAR_SCREEN = `${ESC}[H${ESC}[2J`;
const ERASE_TO_END = `${ESC}[K`;
const RESET_STYLE = `${ESC}[m`;

/**
 * Ink's frame bookkeeping inside a write: erasing its previous lines, clearing the terminal,
 * cursor moves, the synchronized-update brackets, showing or hiding the cursor. We place rows
 * ourselves, so these go; SGR (colours) and OSC (links) stay, they belong to the rows.
 */
const FRAME_CONTROL = /\u001b\[\??[0-9;]*[A-HJKSTfsu]|\u001b\[\?(?:2026|25)[hl]|\u001b\[3J|\u001bc/g;

/** What a write from Ink says, once its frame bookkeeping is taken out: the visible part, if any. */
export function withoutFrameControl(text: string): string {
	return text.replace(FRAME_CONTROL, '');
}

/** Ink's frame text as rows; its trailing newline is not a row, and rows below the terminal cannot be shown. */
export function frameRows(text: string, size: Size): string[] {
	const rows = withoutFrameControl(text).split('\n');
	if (rows.length > 1 && rows.at(-1) === '') rows.pop();
	return rows.slice(0, Math.max(1, size.rows)).map(row => row.replace(/\r$/, ''));
}

/**
 * One row written at its place. CSI K clears what the old row left to the right; it is left
 * out when the row fills the width, because the cursor then sits on the last column (pending
 * wrap) and CSI K would erase that column's character. A reset after a styled row, so K does
 * not paint a background the row left open and the next write starts from the default style
 * (a cell-level change assumes it).
 */
function rowAt(index: number, row: string, size: Size): string {
	const styled = row.includes(ESC);
	const tail = stringWidth(row) >= size.columns ? '' : ERASE_TO_END;
	return `${ESC}[${index + 1};1H${row}${styled ? RESET_STYLE : ''}${tail}`;
}

const synchronized = (body: string) => (body ? SYNC_START + body + SYNC_END : '');

/** The whole frame from a cleared screen: the first frame, a resize, Ctrl-L, or after someone else wrote. */
export function paintFrame(next: Frame, size: Size): string {
	let out = CLEAR_SCREEN;
	next.forEach((row, index) => {
		if (row !== '') out += rowAt(index, row, size);
	});
	return synchronized(out);
}

/**
 * The bytes from `previous` (on the screen at `previousSize`) to `next`: the changed rows only,
 * each as its changed cells or whole, whichever is shorter; rows the new frame no longer has cleared; a full paint when there is no previous frame or
 * the size changed (the terminal has reflowed what it showed). '' when nothing changed.
 */
export function diffFrames(previous: Frame | undefined, previousSize: Size | undefined, next: Frame, size: Size): string {
	if (!previous || !previousSize || previousSize.columns !== size.columns || previousSize.rows !== size.rows) return paintFrame(next, size);
	let out = '';
	const count = Math.max(previous.length, next.length);
	for (let index = 0; index < count; index++) {
		const row = next[index] ?? '';
		const before = previous[index] ?? '';
		if (row === before) continue;
		if (row === '') {
			out += `${ESC}[${index + 1};1H${ERASE_TO_END}`;
			continue;
		}
		const whole = rowAt(index, row, size);
		const cells = before === '' ? undefined : rowChange(index, before, row, size.columns);
		out += cells !== undefined && cells.length < whole.length ? cells : whole;
	}
	return synchronized(out);
}
