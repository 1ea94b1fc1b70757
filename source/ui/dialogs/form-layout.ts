// How a form's fields fit the rows a dialog has. A form taller than the terminal was drawn
// over itself (Yoga shrinks the rows that do not fit to nothing, and Ink writes the next ones
// on top): at 60x15 the trigger form hid its labels and the focused field, so the user typed
// blind. Here the multi-line fields give up rows first (the others down to one line, then
// the focused one down to two), and when the fields still do not fit, the form shows the
// ones around the focused field, with a line saying how many are above and below.

/** What one field asks for: its lines, and a line for its mistake when it has one. */
export type FieldNeed = {rows: number; multiline: boolean; problem: boolean};

export type FormLayout = {
	/** lines each field shows */
	rows: number[];
	/** the fields shown: first <= index < end */
	first: number;
	end: number;
};

/** The fewest lines the focused multi-line field keeps while others are hidden instead. */
const FOCUSED_MULTILINE_MIN = 2;

export function formLayout(fields: readonly FieldNeed[], focus: number, room: number): FormLayout {
	const rows = fields.map(field => Math.max(1, field.rows));
	const need = (index: number) => rows[index]! + (fields[index]!.problem ? 1 : 0);
	const total = () => rows.reduce((sum, _, index) => sum + need(index), 0);
	if (total() <= room) return {rows, first: 0, end: fields.length};

	// the fields not being edited show their first line
	for (const [index, field] of fields.entries()) if (field.multiline && index !== focus) rows[index] = 1;
	const focused = fields[focus];
	if (focused?.multiline && total() > room) {
		const others = total() - need(focus);
		const wanted = room - others - (focused.problem ? 1 : 0);
		rows[focus] = Math.max(Math.min(FOCUSED_MULTILINE_MIN, rows[focus]!), Math.min(rows[focus]!, wanted));
	}
	if (total() <= room) return {rows, first: 0, end: fields.length};

	// still too tall: the fields around the focused one, a line each for "more above/below"
	const count = fields.length;
	const marks = (first: number, end: number) => (first > 0 ? 1 : 0) + (end < count ? 1 : 0);
	let first = Math.max(0, Math.min(focus, count - 1));
	let end = first + 1;
	let used = need(first);
	if (used + marks(first, end) > room && focused) {
		// not even the focused field fits whole: it keeps what is left, one line at least
		rows[first] = Math.max(1, room - marks(first, end) - (focused.problem ? 1 : 0));
		used = need(first);
	}
	for (let grew = true; grew; ) {
		grew = false;
		if (end < count && used + need(end) + marks(first, end + 1) <= room) {
			used += need(end);
			end++;
			grew = true;
		}
		if (first > 0 && used + need(first - 1) + marks(first - 1, end) <= room) {
			first--;
			used += need(first);
			grew = true;
		}
	}
	return {rows, first, end};
}
