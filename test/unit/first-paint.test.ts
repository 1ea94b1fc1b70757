// The frame drawn before Ink loads (source/ui/first-paint.ts): the connecting frame the console
// opens with, at once, in the console's styles, within the window, and with the profile's name
// and address as data (a profile file is text anyone may have edited).
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {firstFrameBytes} from '../../source/ui/first-paint.js';

const noColorBefore = process.env['NO_COLOR'];
afterEach(() => {
	if (noColorBefore === undefined) delete process.env['NO_COLOR'];
	else process.env['NO_COLOR'] = noColorBefore;
});

/** The rows as a terminal would show them: CSI row;1H addresses, styles dropped. */
function screen(bytes: string, rows: number): string[] {
	const lines = Array.from({length: rows}, () => '');
	for (const [, row, text] of bytes.matchAll(/\u001b\[(\d+);1H([^\u001b]*(?:\u001b\[[0-9;]*m[^\u001b]*)*)/g)) lines[Number(row) - 1] = text!.replace(/\u001b\[[0-9;]*m/g, '');
	return lines;
}

test('shows the name, the address, that it is connecting, and the keys on the last row but one', () => {
	delete process.env['NO_COLOR'];
	const bytes = firstFrameBytes({label: 'staging', url: 'https://airflow.staging.example', production: false, columns: 80, rows: 24, styles: true});
	const lines = screen(bytes, 24);
	assert.equal(lines[0], 'windsock staging  https://airflow.staging.example');
	assert.equal(lines[2], 'connecting to https://airflow.staging.example…');
	assert.equal(lines[22], 'r try now  q quit');
	assert.match(bytes, /\u001b\[36mstaging\u001b\[0m/, 'the name in cyan, as the console draws it');
});

test('production is marked as the console marks it: red, bold, inverse; without colour still bold and inverse', () => {
	delete process.env['NO_COLOR'];
	assert.match(firstFrameBytes({label: 'prod', url: 'https://a', production: true, columns: 80, rows: 24, styles: true}), /\u001b\[1;7;31m PRODUCTION prod \u001b\[0m/);
	process.env['NO_COLOR'] = '1';
	const plain = firstFrameBytes({label: 'prod', url: 'https://a', production: true, columns: 80, rows: 24, styles: true});
	assert.match(plain, /\u001b\[1;7m PRODUCTION prod \u001b\[0m/);
	assert.doesNotMatch(plain, /\u001b\[[0-9;]*3[0-9]m/, 'no colour under NO_COLOR');
});

test('where the console draws no styles (no colour support at all), the first frame draws none either', () => {
	const bytes = firstFrameBytes({label: 'prod', url: 'https://a', production: true, columns: 80, rows: 24, styles: false});
	assert.doesNotMatch(bytes, /\u001b\[[0-9;]*m/);
	assert.match(bytes, / PRODUCTION prod /);
});

test('fits a narrow window: every row within the width, cut with …', () => {
	const bytes = firstFrameBytes({label: '数据-prod-eu', url: 'https://airflow.a-very-long-internal-name.example.com', production: false, columns: 30, rows: 10});
	const lines = screen(bytes, 10);
	for (const line of lines) assert.ok([...line].length <= 30, JSON.stringify(line));
	assert.match(lines[0]!, /…$/);
	assert.equal(lines[8], 'r try now  q quit');
});

test('a name or address carrying escapes reaches the terminal as inert text', () => {
	const bytes = firstFrameBytes({label: 'x\u001b]0;pwned\u0007\u001b[2J', url: 'http://h/\u009b31m\u202e', production: false, columns: 80, rows: 24});
	// only the frame's own sequences: row addresses and styles
	assert.deepEqual(bytes.replace(/\u001b\[\d+;1H|\u001b\[[0-9;]*m/g, '').match(/[\u001b\u0080-\u009f\u202a-\u202e]/g), null);
	assert.doesNotMatch(bytes, /pwned\u0007/);
});
