// What the console shows at 60 columns and 15 rows: prose cut at a word, paths cut in their
// middle (the file name stays), keys and breadcrumbs that fit whole, the Health pane's rows
// within its height, the Import errors pane's error beside the file. Each fails when its rule
// changes.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cellWidth, cutAtWord, cutPathMiddle, fitEntries, wrapAtWords} from '../../source/text/cells.js';
import {fitBreadcrumb} from '../../source/ui/breadcrumb.js';
import {fittedColumns} from '../../source/ui/components/windowed-table.js';
import {healthLayout} from '../../source/ui/panes/health.js';
import {importErrorColumns} from '../../source/ui/panes/import-errors.js';

describe('text at a narrow width', () => {
	it('prose is cut at the end of a word, with …', () => {
		assert.equal(cutAtWord('no Variable selected here', 16), 'no Variable…');
		assert.equal(cutAtWord('short', 16), 'short');
		// one long word is cut where it must be
		assert.equal(cutAtWord('scheduled__2026-11-25T00:00:00', 12), 'scheduled__…');
	});

	it('a saved path keeps its file name: the directory gives way in its middle', () => {
		const path = '/home/someone/work/airflow/logs/ws_fail__scheduled__2026-11-25__boom__try1.log';
		const cut = cutPathMiddle(path, 60);
		assert.ok(cut.endsWith('/ws_fail__scheduled__2026-11-25__boom__try1.log'), cut);
		assert.ok(cut.startsWith('/home/'), cut);
		assert.equal(cellWidth(cut), 60);
		// narrower than the name: its end stays
		assert.match(cutPathMiddle(path, 20), /^….*__try1\.log$/);
		assert.equal(cutPathMiddle('/tmp/a.log', 60), '/tmp/a.log');
	});

	it('keys are left out whole, from the right; help stays, then go to and quit if they fit', () => {
		const keys = ['a all/active/paused', 'f failed only', 'o sort', 't trigger', 'p/Space pause'];
		const line = fitEntries(keys, ['? help'], 60, [': go to', 'q quit']);
		assert.equal(line, 'a all/active/paused  f failed only  o sort  ? help  : go to');
		assert.ok(cellWidth(line) <= 60);
		assert.equal(fitEntries(keys, ['? help'], 200), `${keys.join('  ')}  ? help`);
	});

	it('prose in a dialog wraps between words', () => {
		const rows = wrapAtWords('ws_fail is paused: the run will stay queued until it is unpaused', 24);
		assert.deepEqual(rows, ['ws_fail is paused: the', 'run will stay queued', 'until it is unpaused']);
		assert.deepEqual(wrapAtWords('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	});

	it('a breadcrumb drops its hint first, then shortens the longest id in its middle', () => {
		const parts = ['ws_many_000', 'scheduled__2026-11-25T00:00:00+00:00', 'task_1 try 1'];
		assert.deepEqual(fitBreadcrumb(parts, '  (Esc: back)', 80), {parts, hint: '  (Esc: back)'});
		assert.deepEqual(fitBreadcrumb(parts, '  (Esc: back)', 66), {parts, hint: ''});
		const cut = fitBreadcrumb(parts, '  (Esc: back)', 58);
		assert.equal(cut.hint, '');
		assert.equal(cut.parts[0], 'ws_many_000');
		assert.equal(cut.parts[2], 'task_1 try 1');
		assert.match(cut.parts[1]!, /^scheduled__20.*….*\+00:00$/);
		assert.equal(cellWidth(cut.parts.join(' › ')), 58);
	});
});

describe('panes at 60x15', () => {
	it("Health's rows fit its height: blanks go first, then events, never a component", () => {
		// 60x15: 9 rows for the pane
		assert.deepEqual(healthLayout(9, 4), {lag: true, sparkline: true, events: 1, gaps: false});
		// 80x24: 18 rows
		assert.deepEqual(healthLayout(18, 4), {lag: true, sparkline: true, events: 8, gaps: true});
		const rows = (layout: ReturnType<typeof healthLayout>) => 5 + Number(layout.lag) + Number(layout.sparkline) + (layout.events ? 1 + layout.events : 0) + (layout.gaps ? 2 : 0);
		for (let height = 5; height <= 30; height++) assert.ok(rows(healthLayout(height, 4)) <= height, `height ${height}`);
	});

	it('Import errors shows the error beside the file at 60 and 80 columns', () => {
		for (const width of [60, 80]) {
			const headers = fittedColumns(importErrorColumns(width), width).columns.map(column => column.header);
			assert.equal(headers[0], 'file');
			assert.equal(headers.at(-1), 'error', `${width} columns: ${headers.join(', ')}`);
			// 2.x names the file by its absolute path: its name stays in view
			const {columns, widths} = fittedColumns(importErrorColumns(width), width);
			const file = columns[0]!.cell({filename: '/work/main/test/dags/ws_broken.py', stackTrace: 'x', timestamp: null} as never).text;
			assert.ok(file.endsWith('/ws_broken.py') && file.length <= widths[0]!, file);
		}
	});
});
