// Times are UTC and say so; a value that is not a time reads "?", never an exception.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {plural} from '../../source/text/plural.js';
import {formatClock, formatDateTime, utcHeader} from '../../source/text/time.js';

describe('time', () => {
	it('formats any offset as UTC', () => {
		assert.equal(formatDateTime('2026-11-25T21:04:39+02:00'), '2026-11-25 19:04');
		assert.equal(formatDateTime('2026-11-25T19:04:39.123456Z', {seconds: true}), '2026-11-25 19:04:39');
		assert.equal(formatDateTime(Date.UTC(2026, 0, 2, 3, 4, 5), {seconds: true}), '2026-01-02 03:04:05');
	});

	it('labels the clock and the headers', () => {
		assert.equal(formatClock(Date.UTC(2026, 0, 2, 23, 59, 1)), '23:59:01 UTC');
		assert.equal(utcHeader('start'), 'start (UTC)');
	});

	it('reads "?" for a value that is not a time, and nothing for none', () => {
		assert.equal(formatDateTime('not a date'), '?');
		assert.equal(formatDateTime(null), '');
		assert.equal(formatClock('garbage'), '?');
	});
});

describe('plural', () => {
	it('counts in English', () => {
		assert.equal(plural(1, 'run'), '1 run');
		assert.equal(plural(0, 'run'), '0 runs');
		assert.equal(plural(3005, 'DAG'), '3,005 DAGs');
		assert.equal(plural(2, 'entry', 'entries'), '2 entries');
	});
});
