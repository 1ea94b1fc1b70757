// Times are UTC and say so; a value that is not a time reads "?", never an exception.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {plural} from '../../source/text/plural.js';
import {formatClock, formatDateTime, utcHeader} from '../../source/text/time.js';

describe('time', () => {
	it('writes any instant, from year 1 to beyond 9999, as the UTC calendar says', () => {
		const calendar = new Intl.DateTimeFormat('en-CA', {timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
		fc.assert(
			fc.property(fc.integer({min: Date.UTC(1, 0, 1), max: Date.UTC(12000, 0, 1)}), ms => {
				const parts = Object.fromEntries(calendar.formatToParts(ms).map(part => [part.type, part.value]));
				assert.equal(formatDateTime(ms, {seconds: true}), `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`);
				assert.equal(formatClock(ms), `${parts['hour']}:${parts['minute']}:${parts['second']} UTC`);
			}),
			{numRuns: 3000},
		);
	});

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
