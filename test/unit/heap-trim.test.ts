// When the console collects its garbage: once the keys stop for a second (not between the keys
// of one burst), and every 30 s.
import assert from 'node:assert/strict';
import {afterEach, beforeEach, describe, it, mock} from 'node:test';
import {IDLE_MS, TRIM_INTERVAL_MS, trimSchedule} from '../../source/ui/heap-trim.js';

describe('heap trim schedule', () => {
	beforeEach(() => mock.timers.enable({apis: ['setTimeout', 'setInterval']}));
	afterEach(() => mock.timers.reset());

	it('collects once, a second after the last key of a burst', () => {
		let collections = 0;
		const trim = trimSchedule(() => collections++);
		for (let i = 0; i < 10; i++) {
			trim.activity();
			mock.timers.tick(200);
		}
		assert.equal(collections, 0, 'not while the keys keep coming');
		mock.timers.tick(IDLE_MS - 200 - 1);
		assert.equal(collections, 0);
		mock.timers.tick(1);
		assert.equal(collections, 1);
		mock.timers.tick(IDLE_MS * 5);
		assert.equal(collections, 1, 'once per burst');
		trim.stop();
	});

	it('collects every 30 s without keys, and not after stop', () => {
		let collections = 0;
		const trim = trimSchedule(() => collections++);
		mock.timers.tick(TRIM_INTERVAL_MS * 2);
		assert.equal(collections, 2);
		trim.activity();
		trim.stop();
		mock.timers.tick(TRIM_INTERVAL_MS * 2);
		assert.equal(collections, 2);
	});
});
