// Ink's Output.get(), the step that turns a frame's text writes into rows, without a cell
// object per column. Ink builds a width x height grid of fresh objects on every frame,
// writes each text into it grapheme by grapheme and then turns every row back into a string,
// diffing the styles of neighbouring cells: at 200x60 that was the largest part of a
// keystroke's time (CPU profile of the bench's scrolling, #12), for rows that are mostly the
// same texts at the same places as in the last frame.
//
// Here a row whose texts sit side by side (none overlaps another, each one's cells are what
// the terminal will draw) is the texts joined with spaces between: the same cells, without
// the grid. A row where texts overlap (a dialog over a list) or where a text holds something
// Ink and the terminal measure differently (a zero-width grapheme takes a cell in Ink's grid)
// is drawn Ink's own way, cell by cell. scripts/bundle.mjs puts this in place of Ink's get();
// test/unit/ink-output-rows.test.ts compares the two over arbitrary writes.

import {simpleWidth} from '../text/simple-width.js';

/** A grapheme with its styles, as @alcalzone/ansi-tokenize (Ink's tokenizer) gives it. */
export type StyledChar = {type: 'char'; value: string; fullWidth: boolean; styles: readonly unknown[]};

export type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};

export type Operation = {type: 'write'; x: number; y: number; text: string; transformers: readonly ((line: string, index: number) => string)[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

/** What Ink's output module already has: its caches and its helpers. */
export type InkParts = {
	sliceAnsi(text: string, from: number, to?: number): string;
	stringWidth(text: string): number;
	widestLine(text: string): number;
	styledChars(line: string): readonly StyledChar[];
	styledCharsToString(chars: readonly StyledChar[]): string;
};

type Piece = {x: number; line: string};

/** How a line of text lays out: the cells Ink's grid gives it, and whether it can be joined as it is. */
type LineLayout = {cells: number; joinable: boolean};

const ESC = '\u001b';
const RESET = `${ESC}[0m`;

// Layouts of the lines of recent frames. Bounded: a clock or an age makes a new line every
// second for as long as the console runs.
const layouts = new Map<string, LineLayout>();
const LAYOUTS_KEPT = 4096;

function layoutOf(line: string, parts: InkParts): LineLayout {
	const layout = layouts.get(line);
	if (layout !== undefined) return layout;
	// simple characters and SGR (text/simple-width.ts): a cell or two each, none zero-width,
	// without tokenizing; a page of new rows is mostly these
	const simple = simpleWidth(line);
	if (simple !== undefined) return remember(line, {cells: simple, joinable: true});
	let cells = 0;
	let joinable = true;
	for (const char of parts.styledChars(line)) {
		const width = parts.stringWidth(char.value);
		// Ink gives a zero-width grapheme a cell of its own; the terminal does not
		if (width < 1) joinable = false;
		cells += Math.max(1, width);
	}
	// a link (OSC 8) is not closed by a style reset: leave it to Ink's own way
	if (line.includes(`${ESC}]`)) joinable = false;
	return remember(line, {cells, joinable});
}

function remember(line: string, layout: LineLayout): LineLayout {
	if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
	layouts.set(line, layout);
	return layout;
}

/** The texts that land on each row, after Ink's clipping and transformers, in write order. */
function piecesByRow(height: number, operations: readonly Operation[], parts: InkParts): Piece[][] {
	const rows: Piece[][] = Array.from({length: height}, () => []);
	const clips: Clip[] = [];
	for (const operation of operations) {
		if (operation.type === 'clip') {
			clips.push(operation.clip);
			continue;
		}
		if (operation.type === 'unclip') {
			clips.pop();
			continue;
		}
		const {text, transformers} = operation;
		let {x, y} = operation;
		let lines = text.split('\n');
		const clip = clips.at(-1);
		if (clip) {
			// the same clipping as Ink's, step by step
			const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (clipHorizontally) {
				const width = parts.widestLine(text);
				if (x + width < clip.x1! || x > clip.x2!) continue;
			}
			if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
			if (clipHorizontally) {
				lines = lines.map(line => {
					const from = x < clip.x1! ? clip.x1! - x : 0;
					const width = parts.stringWidth(line);
					const to = x + width > clip.x2! ? clip.x2! - x : width;
					return parts.sliceAnsi(line, from, to);
				});
				if (x < clip.x1!) x = clip.x1!;
			}
			if (clipVertically) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
				lines = lines.slice(from, to);
				if (y < clip.y1!) y = clip.y1!;
			}
		}
		let offsetY = 0;
		for (let [index, line] of lines.entries()) {
			const row = rows[y + offsetY];
			// as in Ink: a line that falls outside the grid does not move the ones after it down
			if (!row) continue;
			for (const transformer of transformers) line = transformer(line, index);
			row.push({x, line});
			offsetY++;
		}
	}
	return rows;
}

const BLANK: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])}) as StyledChar;

/** Ink's own way: a cell per column, each text written over what was there. */
function drawnCellByCell(pieces: readonly Piece[], width: number, parts: InkParts): string {
	const cells: (StyledChar | undefined)[] = new Array(width).fill(BLANK);
	for (const {x, line} of pieces) {
		let offsetX = x;
		for (const char of parts.styledChars(line)) {
			cells[offsetX] = char;
			const charWidth = Math.max(1, parts.stringWidth(char.value));
			for (let index = 1; index < charWidth; index++) cells[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: char.styles};
			offsetX += charWidth;
		}
	}
	return parts.styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
}

function drawnRow(pieces: readonly Piece[], width: number, parts: InkParts): string {
	if (pieces.length === 0) return '';
	const placed = pieces.map(piece => ({...piece, layout: layoutOf(piece.line, parts)})).sort((a, b) => a.x - b.x);
	let joined = '';
	let column = 0;
	for (const {x, line, layout} of placed) {
		// past the right edge Ink's grid has holes that close up: leave that to Ink's way too
		if (!layout.joinable || !Number.isInteger(x) || x < column || x + layout.cells > width) return drawnCellByCell(pieces, width, parts);
		joined += ' '.repeat(x - column) + line;
		// each text starts in the default style in Ink's grid, so none may leak past its end
		if (line.includes(ESC)) joined += RESET;
		column = x + layout.cells;
	}
	return joined.trimEnd();
}

/** The frame as Ink's Output.get() returns it. */
export function composeRows(width: number, height: number, operations: readonly Operation[], parts: InkParts): {output: string; height: number} {
	const rows = piecesByRow(height, operations, parts);
	return {output: rows.map(pieces => drawnRow(pieces, width, parts)).join('\n'), height: rows.length};
}
