// A form fits the rows its dialog has: multi-line fields give up rows first, then the fields
// around the focused one are shown, with a line for those above and below.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formLayout, type FieldNeed} from '../../source/ui/dialogs/form-layout.js';

const line: FieldNeed = {rows: 1, multiline: false, problem: false};
const block = (rows: number): FieldNeed => ({rows, multiline: true, problem: false});
// the trigger form: conf (8 lines), logical date, run id, note
const TRIGGER = [block(8), line, line, line];

/** Rows the layout takes, with its "more above/below" lines. */
const height = (fields: readonly FieldNeed[], layout: ReturnType<typeof formLayout>) =>
	layout.rows.slice(layout.first, layout.end).reduce((sum, rows, offset) => sum + rows + (fields[layout.first + offset]!.problem ? 1 : 0), 0) +
	(layout.first > 0 ? 1 : 0) +
	(layout.end < fields.length ? 1 : 0);

test('a form with room shows every field at the lines it asks for', () => {
	assert.deepEqual(formLayout(TRIGGER, 0, 20), {rows: [8, 1, 1, 1], first: 0, end: 4});
	assert.deepEqual(formLayout(TRIGGER, 0, 11), {rows: [8, 1, 1, 1], first: 0, end: 4});
});

test('short of room, the focused multi-line field gives up lines and every field stays in view', () => {
	assert.deepEqual(formLayout(TRIGGER, 0, 7), {rows: [4, 1, 1, 1], first: 0, end: 4});
	// not focused, a multi-line field shows its first line and the others keep theirs
	const connection = [line, line, block(3), line];
	assert.deepEqual(formLayout(connection, 0, 5), {rows: [1, 1, 1, 1], first: 0, end: 4});
	// a mistake's line counts
	const withProblem = [{...block(8), problem: true}, line, line, line];
	assert.deepEqual(formLayout(withProblem, 0, 7), {rows: [3, 1, 1, 1], first: 0, end: 4});
});

test('when the fields still do not fit, those around the focused one show, and the layout never exceeds the room', () => {
	const many = Array.from({length: 9}, () => line);
	for (const room of [3, 4, 5, 6, 8]) {
		for (let focus = 0; focus < many.length; focus++) {
			const layout = formLayout(many, focus, room);
			assert.ok(layout.first <= focus && focus < layout.end, `focus ${focus} in view at room ${room}`);
			assert.ok(height(many, layout) <= room, `room ${room}, focus ${focus}: ${height(many, layout)} rows`);
		}
	}
	// 5 rows, the first field focused: four fields and "↓ 5 more"
	assert.deepEqual(formLayout(many, 0, 5), {rows: many.map(() => 1), first: 0, end: 4});
	// the last focused: "↑ 5 more" and the last four
	assert.deepEqual(formLayout(many, 8, 5), {rows: many.map(() => 1), first: 5, end: 9});
	// the focused multi-line field keeps two lines before the others are hidden
	const trigger = formLayout(TRIGGER, 0, 4);
	assert.equal(trigger.rows[0], 2);
	assert.ok(height(TRIGGER, trigger) <= 4);
});

test('a room smaller than the focused field alone still shows it, on one line', () => {
	const layout = formLayout([line, block(8), line], 1, 1);
	assert.deepEqual({first: layout.first, end: layout.end, rows: layout.rows[1]}, {first: 1, end: 2, rows: 1});
});
