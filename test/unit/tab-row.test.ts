// The tab row at widths where the tabs do not all fit: the current pane's tab is always on it,
// whole, with ‹ › saying where the others went; and help says how to reach panes 10 and up.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cellWidth} from '../../source/text/cells.js';
import {helpRows} from '../../source/ui/frame/help-rows.js';
import {MORE_LEFT, MORE_RIGHT, tabWindow} from '../../source/ui/frame/tab-window.js';
import {PANES} from '../../source/ui/panes/registry.js';

const labels = PANES.map((pane, index) => ` ${index + 1} ${pane.short} `);
const drawn = (width: number, active: number) => {
	const shown = tabWindow(labels, active, width);
	return `${shown.left ? MORE_LEFT : ''}${labels.slice(shown.first, shown.last + 1).join('')}${shown.right ? MORE_RIGHT : ''}`;
};

describe('tab row', () => {
	it('shows every tab when they fit, with no marks', () => {
		assert.deepEqual(tabWindow(labels, 10, 200), {first: 0, last: 10, left: false, right: false});
	});

	it('at 80 and 60 columns the current tab is on the row, whole, for every pane', () => {
		for (const width of [80, 60, 30]) {
			for (const [index, label] of labels.entries()) {
				const row = drawn(width, index);
				assert.ok(row.includes(label), `${width} columns, pane ${index + 1}: ${row}`);
				assert.ok(cellWidth(row) <= width, `${width} columns: ${row} is ${cellWidth(row)} cells`);
			}
		}
	});

	it('stays put among the first panes and marks the hidden ones; moves to show Config, Providers, Environments', () => {
		assert.match(drawn(80, 0), /^ 1 Triage .* 8 Errors {2}›$/);
		const last = drawn(80, 10);
		assert.match(last, /^‹ .* 11 Envs $/);
		assert.ok(!last.endsWith(MORE_RIGHT));
		const config = tabWindow(labels, 8, 80);
		assert.ok(config.first <= 8 && config.last >= 8 && config.left);
	});

	it("help's 1-9 line says how to reach panes 10 and 11", () => {
		const row = helpRows('DAGs', [], false).find(entry => entry.kind === 'key' && entry.label === '1-9');
		assert.match(row?.kind === 'key' ? row.help : '', /10.*Tab/);
	});
});
