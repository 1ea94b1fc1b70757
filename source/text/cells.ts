// Terminal cell arithmetic shared by the console's tables, its text views and the commands'
// plain tables. Widths come from string-width (East Asian width, emoji, zero-width joiners:
// é is 1 cell, ⚡ 2, 👩‍💻 2) and text is cut between grapheme clusters, never inside one, so a
// surrogate pair or a joined emoji is never split in half.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** Terminal cells a string takes. */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

function* clusters(text: string): Generator<{text: string; width: number}> {
	for (const {segment} of graphemes.segment(text)) yield {text: segment, width: stringWidth(segment)};
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
