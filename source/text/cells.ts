// Terminal cell arithmetic shared by the console's tables, its text views and the commands'
// plain tables. Widths come from string-width (East Asian width, emoji, zero-width joiners:
// é is 1 cell, ⚡ 2, 👩‍💻 2) and text is cut between grapheme clusters, never inside one, so a
// surrogate pair or a joined emoji is never split in half.
import stringWidth from 'string-width';

// made on first use: ICU loads its break rules then (about 15 ms), and most texts (ASCII)
// never need it; a command, or the console's first frame, starts without paying for it
let graphemes: Intl.Segmenter | undefined;
const segmenter = () => (graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'}));

/** Terminal cells a string takes. */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

function* clusters(text: string): Generator<{text: string; width: number}> {
	for (const {segment} of segmenter().segment(text)) yield {text: segment, width: stringWidth(segment)};
}

/** Pads or cuts (with …) to exactly `width` cells, so columns stay aligned. */
export function fit(text: string, width: number): string {
	const full = cellWidth(text);
	if (full <= width) return text + ' '.repeat(width - full);
	let out = '';
	let used = 0;
	for (const cluster of clusters(text)) {
		if (used + cluster.width > width - 1) break;
		out += cluster.text;
		used += cluster.width;
	}
	return out + '…' + ' '.repeat(Math.max(0, width - used - 1));
}

/** One line as rows of at most `width` cells, cut between grapheme clusters. */
export function wrapToWidth(line: string, width: number): string[] {
	if (cellWidth(line) <= width) return [line];
	const rows: string[] = [];
	let row = '';
	let used = 0;
	for (const cluster of clusters(line)) {
		if (used + cluster.width > width && row) {
			rows.push(row);
			row = '';
			used = 0;
		}
		row += cluster.text;
		used += cluster.width;
	}
	rows.push(row);
	return rows;
}

/** The first `width` cells of `text`, cut between grapheme clusters. */
function headOf(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const cluster of clusters(text)) {
		if (used + cluster.width > width) break;
		out += cluster.text;
		used += cluster.width;
	}
	return out;
}

/** The last `width` cells of `text`, cut between grapheme clusters. */
function tailOf(text: string, width: number): string {
	const all = [...clusters(text)];
	let out = '';
	let used = 0;
	for (let index = all.length - 1; index >= 0; index--) {
		if (used + all[index]!.width > width) break;
		out = all[index]!.text + out;
		used += all[index]!.width;
	}
	return out;
}

/**
 * Prose cut to `width` cells at the end of a word, with …: "no Variable selected (n: new…"
 * rather than "no Variable selected (n: ne…". A single word longer than the width is cut
 * where it must be.
 */
export function cutAtWord(text: string, width: number): string {
	if (cellWidth(text) <= width) return text;
	if (width <= 1) return headOf('…', width);
	const head = headOf(text, width - 1);
	const space = head.trimEnd().lastIndexOf(' ');
	// at least a third of the room used: a cut mid-word beats a line mostly empty
	const word = space > 0 && cellWidth(head.slice(0, space)) >= width / 3 ? head.slice(0, space).trimEnd() : head;
	return `${word}…`;
}

/**
 * A path cut in the middle so its end (the file name) stays: "/home/ana/…/logs/etl__run__load__try1.log".
 * When even the file name does not fit, its end is kept ("…n__load__try1.log").
 */
export function cutPathMiddle(path: string, width: number): string {
	if (cellWidth(path) <= width) return path;
	if (width <= 1) return headOf('…', width);
	const slash = path.lastIndexOf('/');
	const name = slash >= 0 ? path.slice(slash) : path;
	if (cellWidth(name) + 1 >= width) return `…${tailOf(path, width - 1)}`;
	return `${headOf(path, width - 1 - cellWidth(name))}…${name}`;
}

/**
 * Entries joined by `separator`, never one cut in half: as many of `entries` as fit (in order:
 * the first are the most useful) with room kept for `always`, then `always`, then each of
 * `last` that still fits. "o sort  ? help  : go to" where "t trigger" and "q quit" no longer fit.
 */
export function fitEntries(entries: readonly string[], always: readonly string[], width: number, last: readonly string[] = [], separator = '  '): string {
	const gap = cellWidth(separator);
	const widthOf = (list: readonly string[]) => list.reduce((sum, entry, index) => sum + cellWidth(entry) + (index ? gap : 0), 0);
	const kept: string[] = [];
	for (const entry of entries) {
		if (widthOf([...kept, entry, ...always]) > width) break;
		kept.push(entry);
	}
	kept.push(...always);
	for (const entry of last) {
		if (widthOf([...kept, entry]) > width) break;
		kept.push(entry);
	}
	return kept.join(separator);
}

/**
 * Prose as rows of at most `width` cells, broken between words (a word longer than a row is
 * cut where it must be): a dialog's warning or keys at 60 columns, never cut mid-word.
 */
export function wrapAtWords(text: string, width: number): string[] {
	const rows: string[] = [];
	let row = '';
	for (const word of text.split(' ')) {
		const next = row ? `${row} ${word}` : word;
		if (cellWidth(next) <= width) {
			row = next;
			continue;
		}
		if (row) rows.push(row);
		row = word;
		while (cellWidth(row) > width) {
			const head = headOf(row, width);
			rows.push(head);
			row = row.slice(head.length);
		}
	}
	rows.push(row);
	return rows;
}
