// The Runs pane's title line, "etl › scheduled__2026-11-25T00:00:00+00:00 › load try 2  (Esc:
// back)", fitted to the width without cutting a word at the edge: the hint goes first, then
// the longest part is shortened in its middle (an id's start and end say the most). Pure.
import {cellWidth} from '../text/cells.js';

export const CRUMB_SEPARATOR = ' › ';

/** The middle of `text` out, with …, so it takes `width` cells (ids: ASCII in practice). */
function middleOut(text: string, width: number): string {
	if (cellWidth(text) <= width) return text;
	if (width <= 1) return '…'.slice(0, Math.max(0, width));
	const chars = [...text];
	const head = Math.ceil((width - 1) / 2);
	const tail = width - 1 - head;
	return `${chars.slice(0, head).join('')}…${tail ? chars.slice(-tail).join('') : ''}`;
}

export function fitBreadcrumb(parts: readonly string[], hint: string, width: number): {parts: string[]; hint: string} {
	const crumbs = [...parts];
	const widthOf = (list: readonly string[]) => cellWidth(list.join(CRUMB_SEPARATOR));
	if (widthOf(crumbs) + cellWidth(hint) <= width) return {parts: crumbs, hint};
	let excess = widthOf(crumbs) - width;
	// each pass shortens the longest part; none below 8 cells while another can give more
	for (let pass = 0; excess > 0 && pass < crumbs.length; pass++) {
		let longest = 0;
		crumbs.forEach((part, index) => {
			if (cellWidth(part) > cellWidth(crumbs[longest]!)) longest = index;
		});
		const part = crumbs[longest]!;
		const target = Math.max(Math.min(8, cellWidth(part)), cellWidth(part) - excess);
		crumbs[longest] = middleOut(part, target);
		excess = widthOf(crumbs) - width;
	}
	return {parts: crumbs, hint: ''};
}
