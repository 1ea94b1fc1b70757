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

/** Rows a diff wrote to: each write starts with an absolute address (row;column). */
const addressed = (bytes: string) => [...bytes.matchAll(/\u001b\[(\d+);\d+H/g)].map(m => Number(m[1]));

/**
 * A model terminal for ASCII text: CSI row;colH, CSI H, CSI 2J, CSI K, text overwriting cells,
 * and the SGR attributes the generated rows use (bold, inverse, red, green; 0 resets), kept
 * per cell; synchronized-update brackets are ignored. Enough to check that the diff leaves the
 * screen a full paint leaves, styles included.
 */
function replay(screen: string[][], bytes: string, size: Size): void {
	let row = 0;
	let col = 0;
	let style = {bold: false, inverse: false, fg: ''};
	const key = () => `${style.bold ? 'B' : ''}${style.inverse ? 'I' : ''}${style.fg}`;
	const pattern = /\u001b\[([0-9;?]*)([A-Za-z])|([^\u001b]+)/g;
	for (const m of bytes.matchAll(pattern)) {
		if (m[3] !== undefined) {
			for (const ch of m[3]) {
				if (col < size.columns) screen[row]![col] = `${ch}${key()}`;
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
		} else if (final === 'm') {
			for (const code of (params || '0').split(';').map(Number)) {
				if (code === 0) style = {bold: false, inverse: false, fg: ''};
				else if (code === 1) style.bold = true;
				else if (code === 22) style.bold = false;
				else if (code === 7) style.inverse = true;
				else if (code === 27) style.inverse = false;
				else if (code === 31 || code === 32) style.fg = String(code);
				else if (code === 39) style.fg = '';
			}
		}
	}
}
const blank = (size: Size) => Array.from({length: size.rows}, () => Array<string>(size.columns).fill(' '));
const text = (screen: string[][]) => screen.map(line => line.join('|').replace(/(\| )+$/, '')).join('\n');

test('a one-cell change writes at most 200 bytes', () => {
	const bytes = diffFrames(frame(3, '12:00:01'), SIZE, frame(3, '12:00:02'), SIZE);
	assert.ok(bytes.length > 0 && bytes.length <= 200, `${bytes.length} bytes`);
	assert.deepEqual(addressed(bytes), [1]);
});

test('an age ticking inside a long styled row writes only the cells that changed', () => {
	const row = (age: string) => `  \u001b[1mscheduler\u001b[22m      \u001b[32m● healthy\u001b[39m   ${age} ago${' '.repeat(150)}\u001b[2mlast beat\u001b[22m`;
	const bytes = diffFrames(['header', row('3s')], SIZE, ['header', row('4s')], SIZE);
	assert.ok(bytes.length <= 40, `${bytes.length} bytes: ${JSON.stringify(bytes)}`);
	assert.match(bytes, /\u001b\[2;30H4/);
	// wider: the rest of the row is written and erased to the end
	const longer = diffFrames(['header', row('9s')], SIZE, ['header', row('10s')], SIZE);
	assert.match(longer, /\u001b\[2;30H10s ago/);
});

test('a change after a wide character is addressed by its terminal column', () => {
	const bytes = diffFrames(['界 x y z'], SIZE, ['界 q y z'], SIZE);
	assert.match(bytes, /\u001b\[1;4Hq/);
	assert.ok(!bytes.includes('界'));
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
	assert.ok(bytes.includes('\u001b[2;1HDAG \u001b[31m失败'), JSON.stringify(bytes));
	assert.ok(bytes.includes(' 🚀 ok'));
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
	// rows of up to five styled runs, as chalk writes them (each style opened and closed), or plain
	const styles = [
		['', ''],
		['\u001b[1m', '\u001b[22m'],
		['\u001b[7m', '\u001b[27m'],
		['\u001b[31m', '\u001b[39m'],
		['\u001b[32m\u001b[1m', '\u001b[22m\u001b[39m'],
	] as const;
	const run = fc.tuple(fc.stringMatching(/^[a-z .]{0,6}$/), fc.constantFrom(...styles)).map(([text, [open, close]]) => (text ? open + text + close : ''));
	const row = fc.oneof(
		fc.stringMatching(/^[a-z .]{0,30}$/),
		fc.array(run, {maxLength: 5}).map(runs => runs.join('')),
	);
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
