// The windowed table draws exactly the rows it is given, up to its height, and marks the
// selected one: a full page must show its last row, and the cursor must stay visible there.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {WindowedTable, type Column} from '../../source/ui/components/windowed-table.js';

type Row = {id: string; state: string};
const COLUMNS: Column<Row>[] = [
	{header: 'dag', width: 12, cell: row => ({text: row.id})},
	{header: 'state', width: 10, cell: row => ({text: row.state})},
];
const rows = (count: number): Row[] => Array.from({length: count}, (_, i) => ({id: `dag_${String(i).padStart(2, '0')}`, state: i % 2 ? 'failed' : 'success'}));

function draw(count: number, height: number, selected: number): string[] {
	const view = render(<WindowedTable columns={COLUMNS} rows={rows(count)} selected={selected} height={height} width={60} empty="no DAGs" />);
	const lines = view.lastFrame()!.split('\n');
	view.unmount();
	return lines;
}

describe('windowed table', () => {
	for (const height of [1, 5, 20]) {
		it(`a full page of ${height} draws every row, the last one too`, () => {
			const lines = draw(height, height, 0);
			assert.match(lines[0]!, /^\s+dag\s+state/);
			for (const row of rows(height))
				assert.ok(
					lines.some(line => line.includes(row.id)),
					`${row.id} missing:\n${lines.join('\n')}`,
				);
			assert.equal(lines.filter(line => /dag_\d\d/.test(line)).length, height);
		});

		it(`the cursor stays visible on the last row of a full page of ${height}`, () => {
			const lines = draw(height, height, height - 1);
			const last = `dag_${String(height - 1).padStart(2, '0')}`;
			const marked = lines.filter(line => line.includes('›'));
			assert.equal(marked.length, 1, lines.join('\n'));
			assert.match(marked[0]!, new RegExp(`^› ${last}\\s+${height - 1 === 0 || (height - 1) % 2 === 0 ? 'success' : 'failed'}`));
		});
	}

	it('a short page draws its rows and no more; the cursor on its last row', () => {
		const lines = draw(3, 10, 2);
		assert.equal(lines.filter(line => /dag_\d\d/.test(line)).length, 3);
		assert.match(lines.find(line => line.includes('›'))!, /^› dag_02\s+success/);
	});

	it('never draws more rows than its height', () => {
		const lines = draw(12, 5, 4);
		assert.equal(lines.filter(line => /dag_\d\d/.test(line)).length, 5);
		assert.ok(!lines.some(line => line.includes('dag_05')));
		assert.match(lines.find(line => line.includes('›'))!, /› dag_04/);
	});

	it('says so when there are no rows, with no cursor', () => {
		const lines = draw(0, 5, -1);
		assert.ok(lines.some(line => line.includes('no DAGs')));
		assert.ok(!lines.some(line => line.includes('›')));
	});

	it("a server's string in any cell, plain or in parts, reaches the screen without its escapes", () => {
		const hostile = 'failed\u001b]52;c;cHduZWQ=\u0007\u001b]0;title\u001b\\\u009b2J\u202e';
		const columns: Column<Row>[] = [
			{header: 'state', width: 12, cell: row => ({text: row.state})},
			{header: 'runs', width: 10, cell: row => ({text: '', parts: [{text: row.state, color: 'red'}]})},
		];
		const view = render(<WindowedTable columns={columns} rows={[{id: 'x', state: hostile}]} selected={0} height={3} width={60} empty="none" />);
		const frame = view.lastFrame()!;
		view.unmount();
		assert.match(frame, /› failed\s+failed/);
		assert.doesNotMatch(frame, /\u001b\]|\u009b|\u202e|cHduZWQ|title/, JSON.stringify(frame));
	});
});
