// Which tabs the tab row shows when they do not all fit: a run of whole tabs that always holds
// the current pane's, marked ‹ and › where more are hidden on that side. Without it the row was
// cut at the right edge and at 80 columns panes 9-11 had no tab to light up. Pure: unit-tested.
import {cellWidth} from '../../text/cells.js';

/** The tabs from `first` to `last` (inclusive); `left`/`right`: tabs hidden on that side. */
export type TabWindow = {first: number; last: number; left: boolean; right: boolean};

/** One cell and a space each: "‹ " before, " ›" after. */
export const MORE_LEFT = '‹ ';
export const MORE_RIGHT = ' ›';

/**
 * `labels`: each tab as drawn (" 10 Provs "). The window starts at the first tab when the
 * current one fits there (the row does not move while the user is among the first panes);
 * otherwise it ends at the current tab, then takes as many tabs after it as still fit.
 */
export function tabWindow(labels: readonly string[], active: number, width: number): TabWindow {
	const widths = labels.map(label => cellWidth(label));
	const count = labels.length;
	const span = (first: number, last: number) => {
		let used = first > 0 ? cellWidth(MORE_LEFT) : 0;
		for (let index = first; index <= last; index++) used += widths[index]!;
		return used + (last < count - 1 ? cellWidth(MORE_RIGHT) : 0);
	};
	const current = Math.max(0, Math.min(count - 1, active));
	const range = (first: number, last: number): TabWindow => ({first, last, left: first > 0, right: last < count - 1});
	if (count === 0) return {first: 0, last: -1, left: false, right: false};
	// from the first tab, as far as fits
	let last = 0;
	while (last + 1 < count && span(0, last + 1) <= width) last++;
	if (current <= last) return range(0, last);
	// ending at the current tab, from as far left as fits (the current tab always shows)
	let first = current;
	while (first - 1 >= 0 && span(first - 1, current) <= width) first--;
	last = current;
	while (last + 1 < count && span(first, last + 1) <= width) last++;
	return range(first, last);
}
