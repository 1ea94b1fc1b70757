// The console writes only the rows that changed (source/ui/frame-writer.ts). Here tmux's
// screen after each step is compared with the same frame painted whole (Ctrl-L repaints):
// pane switches, the help overlay, a dialog, a filter, resizes, at 80x24, 60x15 and 200x60.
// The clock, heartbeat ages and the lag sparkline move between the two captures, so digits
// before "s", times of day and the sparkline's length are not compared.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {testLines, testServer} from '../support/test-servers.js';
import {Screen} from '../support/screen.js';
import {tmux} from '../support/tmux.js';

const normal = (text: string) =>
	text
		.replace(/\d+s( ago)?/g, 'Ns$1')
		.replace(/\d{2}:\d{2}:\d{2}/g, 'T')
		.replace(/…/g, '')
		.replace(/[▁-█]+/g, '▁');

/** The screen as the diffs left it equals the screen after a full repaint (retried: a refresh may land between the two captures). */
async function assertSameAsRepaint(screen: Screen, step: string): Promise<void> {
	let incremental = '';
	let whole = '';
	for (let attempt = 0; attempt < 3; attempt++) {
		await sleep(1500);
		incremental = normal(tmux('capture-pane', '-p', '-e', '-t', screen.session));
		screen.keys('C-l');
		await sleep(500);
		whole = normal(tmux('capture-pane', '-p', '-e', '-t', screen.session));
		if (incremental === whole) return;
	}
	assert.equal(incremental, whole, `after ${step}, the screen differs from a full repaint`);
}

for (const line of testLines()) {
	describe(`row-diffed output on Airflow ${line}.x`, () => {
		const screens: Screen[] = [];
		after(() => {
			for (const screen of screens) screen.close();
		});
		for (const [columns, rows] of [
			[80, 24],
			[60, 15],
			[200, 60],
		] as const) {
			it(`at ${columns}x${rows}: pane switches, help, a dialog, a filter and resizes match a full repaint`, async () => {
				const screen = Screen.open(testServer(line), columns, rows, [], 'frames');
				screens.push(screen);
				// it opens on Triage; every pane in turn, ending on DAGs for the keys below
				await screen.waitFor(/1 Triage/);
				await assertSameAsRepaint(screen, 'start');
				for (const pane of ['2', '4', '5', '6', '7', '8', '9', '1', '3']) {
					screen.keys(pane);
					await assertSameAsRepaint(screen, `pane ${pane}`);
				}
				await screen.waitFor(/of 124/);
				screen.keys('j', 'j', 'j');
				await assertSameAsRepaint(screen, 'moving down');
				screen.keys('?');
				await assertSameAsRepaint(screen, 'the help overlay');
				screen.keys('Escape');
				await assertSameAsRepaint(screen, 'closing help');
				screen.keys('p');
				await assertSameAsRepaint(screen, 'the pause dialog');
				screen.keys('Escape');
				await assertSameAsRepaint(screen, 'closing the dialog');
				screen.keys('/', 'ws_m');
				await assertSameAsRepaint(screen, 'a filter');
				screen.keys('Escape');
				tmux('resize-window', '-t', screen.session, '-x', String(columns + 17), '-y', String(rows + 5));
				await assertSameAsRepaint(screen, 'growing the window');
				tmux('resize-window', '-t', screen.session, '-x', String(columns - 10), '-y', String(rows - 3));
				await assertSameAsRepaint(screen, 'shrinking the window');
				tmux('resize-window', '-t', screen.session, '-x', String(columns), '-y', String(rows));
				await assertSameAsRepaint(screen, 'back to the first size');
			});
		}
	});
}
