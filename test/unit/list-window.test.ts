// What a list asks the server for and what it shows of it: the page on screen with a page on
// either side (so the next page shows at once), within the API's 100 rows; a page the loaded
// rows hold only in part shows that part, and one they do not hold at all waits for its own.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {FETCH_LIMIT, fetchWindow, INITIAL_LIST, listReducer, pageRows, type ListEvent} from '../../source/ui/components/list-state.js';

test('asks for the page on screen and a page on either side, never past the first row or the API limit', () => {
	assert.deepEqual(fetchWindow(0, 14), {offset: 0, limit: 42});
	assert.deepEqual(fetchWindow(28, 14), {offset: 14, limit: 42});
	// a screen taller than a third of the limit: the page on screen whole, then the side the
	// selection is heading for
	assert.deepEqual(fetchWindow(112, 56), {offset: 112, limit: FETCH_LIMIT});
	assert.deepEqual(fetchWindow(112, 56, -1), {offset: 68, limit: FETCH_LIMIT});
	assert.deepEqual(fetchWindow(0, 200), {offset: 0, limit: FETCH_LIMIT});
	assert.deepEqual(fetchWindow(40, 40, -1), {offset: 0, limit: FETCH_LIMIT});
	// a page taller than the limit: its own first rows, whichever way
	assert.deepEqual(fetchWindow(400, 200, -1), {offset: 400, limit: FETCH_LIMIT});
});

test('on a 52-row page (a 60-line terminal), PageDown shows at once the 48 rows of the next page that are loaded', () => {
	const all = Array.from({length: 1000}, (_, i) => `r${i}`);
	const window = fetchWindow(104, 52, 1);
	const loaded = {offset: window.offset, items: all.slice(window.offset, window.offset + window.limit), total: all.length};
	assert.deepEqual(pageRows(loaded, 156, 52), all.slice(156, 204));
});

test('on a 40-row page (a 50-line terminal), the next page down and the next page up show from what is loaded', () => {
	const all = Array.from({length: 1000}, (_, i) => `r${i}`);
	const load = (window: {offset: number; limit: number}) => ({offset: window.offset, items: all.slice(window.offset, window.offset + window.limit), total: all.length});
	// moved down onto page 400..440: page 440..480 is loaded with it
	assert.deepEqual(pageRows(load(fetchWindow(400, 40, 1)), 440, 40), all.slice(440, 480));
	// moved up onto page 400..440: page 360..400 is loaded with it
	assert.deepEqual(pageRows(load(fetchWindow(400, 40, -1)), 360, 40), all.slice(360, 400));
	// and the page on screen always is
	assert.deepEqual(pageRows(load(fetchWindow(400, 40, 1)), 400, 40), all.slice(400, 440));
	assert.deepEqual(pageRows(load(fetchWindow(400, 40, -1)), 400, 40), all.slice(400, 440));
});

test('shows the page from loaded rows that hold it, as far as they go, and nothing from rows that do not', () => {
	const items = Array.from({length: 42}, (_, i) => `r${14 + i}`);
	const loaded = {offset: 14, items, total: 300};
	assert.deepEqual(pageRows(loaded, 28, 14), items.slice(14, 28));
	assert.deepEqual(pageRows(loaded, 42, 14), items.slice(28, 42));
	assert.equal(pageRows(loaded, 0, 14), undefined, 'starts before what is loaded');
	assert.equal(pageRows(loaded, 56, 14), undefined, 'starts where what is loaded ends');
	// runs past what is loaded: the loaded rows now, the rest with the page's own request
	assert.deepEqual(pageRows(loaded, 49, 14), ['r49', 'r50', 'r51', 'r52', 'r53', 'r54', 'r55']);
	// the last page is short: loaded up to the end is enough
	assert.deepEqual(pageRows({offset: 280, items: ['a', 'b', 'c', 'd', 'e'], total: 285}, 280, 14), ['a', 'b', 'c', 'd', 'e']);
	assert.deepEqual(pageRows({offset: 0, items: [], total: 0}, 0, 14), []);
	// a screen taller than the API's page: what its own request brought
	assert.equal(pageRows({offset: 0, items: Array.from({length: 100}, (_, i) => i), total: 500}, 0, 200)!.length, 100);
	// a server that cuts pages to 30 rows (a lowered maximum_page_limit): the answer to this
	// page's own request shows, short, instead of "loading…" for ever
	const cut = {offset: fetchWindow(56, 28).offset, items: Array.from({length: 30}, (_, i) => `r${28 + i}`), total: 500};
	assert.deepEqual(pageRows(cut, 56, 28), ['r56', 'r57']);
});

test('the heading is the way the selection last moved: down by default, after j, PageDown and g; up after k, PageUp and G', () => {
	const view = {total: 500};
	const after = (...events: ListEvent[]) => events.reduce((state, event) => listReducer(state, event, view), INITIAL_LIST).heading ?? 1;
	assert.equal(after(), 1);
	assert.equal(after({type: 'move', delta: 40}), 1);
	assert.equal(after({type: 'move', delta: 40}, {type: 'move', delta: -1}), -1);
	assert.equal(after({type: 'bottom'}), -1);
	assert.equal(after({type: 'bottom'}, {type: 'top'}), 1);
});
