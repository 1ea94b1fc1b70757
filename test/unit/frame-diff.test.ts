// The frame diff: what it sends is small, and replayed on a model terminal it leaves exactly
// the screen a full repaint would.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {diffFrames, frameRows, paintFrame, type Size} from '../../source/ui/frame-diff.js';

const SIZE: Size = {columns: 200, rows: 60};

/** A 200x60 frame like the DAG pane's: a header, a selected row, a clock. */
function frame(selected: number, clock = '12:00:01'): string[] {
	const rows = [`windsock  Airflow 3.3.2 at 127.0.0.1  ${clock}`, 'Health  [DAGs]  Runs  Variables'];
	for (let i = 0; i < 50; i++) rows.push(`${i === selected ? '\u001b[7m>' : ' '} etl_${String(i).padStart(4, '0')}   on   @hourly   team-a${i === selected ? '\u001b[27m' : ''}`);
	rows.push('j/k move  / filter  ? help  q quit');
	return rows;
}

/** Rows a diff rewrote: each starts with an absolute address. */
const addressed = (bytes: string) => [...bytes.matchAll(/\u001b\[(\d+);1H/g)].map(m => Number(m[1]));

/**
 * A model terminal for ASCII text: CSI row;1H, CSI H, CSI 2J, CSI K, text overwriting cells;
 * styles and synchronized-update brackets are ignored. Enough to check that the diff leaves
 * the screen a full paint leaves.
 */
function replay(screen: string[][], bytes: string, size: Size): void {
	let row = 0;
	let col = 0;
	const pattern = /\u001b\[([0-9;?]*)([A-Za-z])|([^\u001b]+)/g;
	for (const m of bytes.matchAll(pattern)) {
		if (m[3] !== undefined) {
			for (const ch of m[3]) {
				if (col < size.columns) screen[row]![col] = ch;
				col = Math.min(col + 1, size.columns - 1);
			}
			continue;
		}
		const [params, final] = [m[1] ?? '', m[2]];
		if (final === 'H') {
			const [r, c] = params.split(';').map(Number);
			row = (r || 1) - 1;
			col = (c || 1) - 1;
		} else if (final === 'J' && params === '2') {
			for (const line of screen) line.fill(' ');
		} else if (final === 'K') {
			for (let c = col; c < size.columns; c++) screen[row]![c] = ' ';
		}
	}
}
const blank = (size: Size) => Array.from({length: size.rows}, () => Array<string>(size.columns).fill(' '));
const text = (screen: string[][]) => screen.map(line => line.join('').trimEnd()).join('\n');

test('a one-cell change writes at most 200 bytes', () => {
	const bytes = diffFrames(frame(3, '12:00:01'), SIZE, frame(3, '12:00:02'), SIZE);
	assert.ok(bytes.length > 0 && bytes.length <= 200, `${bytes.length} bytes`);
	assert.deepEqual(addressed(bytes), [1]);
});

test('an unchanged frame writes nothing', () => {
	assert.equal(diffFrames(frame(3), SIZE, frame(3), SIZE), '');
});

test('moving the selection one row rewrites two rows', () => {
	const bytes = diffFrames(frame(3), SIZE, frame(4), SIZE);
	assert.deepEqual(addressed(bytes), [6, 7]);
});

test('a resize, or no frame on the screen, repaints fully', () => {
	const smaller = {columns: 120, rows: 40};
	for (const bytes of [diffFrames(frame(3), SIZE, frame(3), smaller), diffFrames(undefined, undefined, frame(3), SIZE)]) {
		assert.match(bytes, /\u001b\[H\u001b\[2J/);
		assert.equal(addressed(bytes).length, frame(3).length);
	}
});

test('wide characters and styles inside a row reach the terminal as they are', () => {
	const row = 'DAG \u001b[31m失败\u001b[39m 🚀 ok';
	const bytes = diffFrames(['a', 'b'], SIZE, ['a', row], SIZE);
	assert.ok(bytes.includes(`\u001b[2;1H${row}`));
	// a row that fills the width by its wide characters is not followed by CSI K, which would erase its last cell
	const full = '界'.repeat(100);
	assert.ok(!diffFrames(['a'], SIZE, [full], SIZE).includes(`${full}\u001b[K`));
	assert.ok(diffFrames(['a'], SIZE, ['界'.repeat(99)], SIZE).includes('\u001b[K'));
});

test("Ink's frame bookkeeping is taken out of its writes, styles kept", () => {
	const write = '\u001b[2K\u001b[1A\u001b[2K\u001b[G\u001b[?2026hone \u001b[1mbold\u001b[22m\ntwo\n';
	assert.deepEqual(frameRows(write, SIZE), ['one \u001b[1mbold\u001b[22m', 'two']);
	assert.deepEqual(frameRows('\u001b[2J\u001b[3J\u001b[Hx\ny\nz', {columns: 80, rows: 2}), ['x', 'y']);
});

test('replayed on a terminal, any sequence of frames leaves what a full paint leaves', () => {
	const size = {columns: 30, rows: 8};
	const row = fc.stringMatching(/^[a-z .]{0,30}$/);
	const frames = fc.array(fc.array(row, {maxLength: 8}), {minLength: 1, maxLength: 6});
	fc.assert(
		fc.property(frames, sequence => {
			const screen = blank(size);
			let previous: string[] | undefined;
			for (const next of sequence) {
				replay(screen, diffFrames(previous, previous ? size : undefined, next, size), size);
				previous = next;
				const expected = blank(size);
				replay(expected, paintFrame(next, size), size);
				assert.equal(text(screen), text(expected));
			}
		}),
		{numRuns: 300},
	);
});
