// One styled row as terminal cells, and the bytes that turn one row on the screen into the
// next from its first changed cell: an idle console changes a clock or an age ("3s ago" to
// "4s ago"), and rewriting the whole 200-column row for one digit was most of its traffic
// (#12: a one-cell change writes at most 200 bytes). Pure, like frame-diff.ts.
import stringWidth from 'string-width';
import {simpleCharWidth} from '../text/simple-width.js';

const ESC = '\u001b';
const RESET_STYLE = `${ESC}[m`;
const ERASE_TO_END = `${ESC}[K`;

/** A grapheme on the screen with the style it is drawn in ('' = the default). */
type Cell = {text: string; width: number; style: string};

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});
/** SGR, OSC (links) and any other escape, or a run of text */
const TOKEN = /\u001b\[([0-9;:]*)m|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b|[^\u001b]+/g;

/**
 * The SGR state as slots, so a cell's style is one short sequence whatever came before it.
 * Each code names the slot it sets; the codes that end an attribute clear theirs.
 */
function applySgr(slots: Map<string, string>, params: string): void {
	const codes = params === '' ? ['0'] : params.split(';');
	for (let i = 0; i < codes.length; i++) {
		const code = Number(codes[i]);
		if (code === 0) slots.clear();
		else if (code === 38 || code === 48 || code === 58) {
			// extended colour: 38;5;n or 38;2;r;g;b
			const length = codes[i + 1] === '5' ? 3 : codes[i + 1] === '2' ? 5 : 1;
			slots.set(code === 38 ? 'fg' : code === 48 ? 'bg' : 'ul-colour', codes.slice(i, i + length).join(';'));
			i += length - 1;
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) slots.set('fg', String(code));
		else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) slots.set('bg', String(code));
		else if (code === 39) slots.delete('fg');
		else if (code === 49) slots.delete('bg');
		else if (code === 59) slots.delete('ul-colour');
		else if (code === 22) {
			slots.delete('1');
			slots.delete('2');
		} else if (code >= 23 && code <= 29) slots.delete(String(code - 20));
		else if (code === 55) slots.delete('53');
		else slots.set(String(code), String(code));
	}
}

// in slot order, not in the order the codes came: bold then green and green then bold are one
// style, so a cell that only changed how its style was written is not drawn again
const bySlot = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const styleOf = (slots: Map<string, string>, link: string): string =>
	(slots.size === 0
		? ''
		: slots.size === 1
			? `${ESC}[${slots.values().next().value}m`
			: `${ESC}[${[...slots.entries()]
					.sort(bySlot)
					.map(([, value]) => value)
					.join(';')}m`) + link;

/**
 * A text of simple characters (text/simple-width.ts) as cells, a code unit each, without
 * segmenting: most rows of a page. False, with nothing added, for any other text.
 */
function simpleCells(text: string, style: string, cells: Cell[]): boolean {
	const before = cells.length;
	for (let index = 0; index < text.length; index++) {
		const width = simpleCharWidth(text.charCodeAt(index));
		if (width < 0) {
			cells.length = before;
			return false;
		}
		cells.push({text: text[index]!, width, style});
	}
	return true;
}

/** The row as cells, or undefined when it holds an escape this model does not know (the caller rewrites the row whole). */
export function rowCells(row: string): Cell[] | undefined {
	const cells: Cell[] = [];
	const slots = new Map<string, string>();
	let link = '';
	let style = '';
	for (const match of row.matchAll(TOKEN)) {
		const token = match[0];
		if (match[1] !== undefined) {
			applySgr(slots, match[1]);
			style = styleOf(slots, link);
		} else if (token.startsWith(`${ESC}]`)) {
			// OSC 8 opens a link with a target and closes it with an empty one
			if (!token.startsWith(`${ESC}]8;`)) return undefined;
			link = /^\u001b\]8;[^;]*;(?:\u0007|\u001b\\)$/.test(token) ? '' : token;
			style = styleOf(slots, link);
		} else if (token.startsWith(ESC)) return undefined;
		else if (!simpleCells(token, style, cells)) {
			for (const {segment} of graphemes.segment(token)) {
				const code = segment.charCodeAt(0);
				const width = segment.length === 1 && code >= 0x20 && code < 0x7f ? 1 : stringWidth(segment);
				// a zero-width mark belongs to the cell before it
				if (width === 0 && cells.length > 0) cells[cells.length - 1]!.text += segment;
				else cells.push({text: segment, width, style});
			}
		}
	}
	return cells;
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) => a !== undefined && b !== undefined && a.text === b.text && a.style === b.style && a.width === b.width;
const LINK_END = `${ESC}]8;;${ESC}\\`;

/** Cells as text, from the default style; ends back in the default style. */
function drawCells(cells: readonly Cell[]): string {
	let out = '';
	let style = '';
	for (const cell of cells) {
		if (cell.style !== style) {
			const hadLink = style.includes(`${ESC}]8;`);
			out += (hadLink && !cell.style.includes(`${ESC}]8;`) ? LINK_END : '') + (style ? RESET_STYLE : '') + cell.style;
			style = cell.style;
		}
		out += cell.text;
	}
	if (style.includes(`${ESC}]8;`)) out += LINK_END;
	if (style) out += RESET_STYLE;
	return out;
}

/**
 * The bytes that turn `previous` (on the screen at terminal row `index`, 0-based) into `next`,
 * from the first cell that differs: up to the last one that differs when both rows lay out
 * the same cells, otherwise to the end of the row, then CSI K unless the row fills the width
 * (the cursor would sit in the pending wrap and K would erase the last cell). Undefined when
 * the rows cannot be modelled; '' when they look the same.
 */
export function rowChange(index: number, previous: string, next: string, columns: number): string | undefined {
	const before = rowCells(previous);
	const after = rowCells(next);
	if (!before || !after) return undefined;
	let first = 0;
	let column = 0;
	while (first < after.length && sameCell(before[first], after[first])) column += after[first++]!.width;
	if (first === after.length && first === before.length) return '';
	const sameLayout = before.length === after.length && before.every((cell, i) => cell.width === after[i]!.width);
	let last = after.length - 1;
	if (sameLayout) while (last > first && sameCell(before[last], after[last])) last--;
	const span = after.slice(first, last + 1);
	const width = after.reduce((sum, cell) => sum + cell.width, 0);
	const tail = sameLayout || width >= columns ? '' : ERASE_TO_END;
	return `${ESC}[${index + 1};${column + 1}H${drawCells(span)}${tail}`;
}
