// A stalled server is said so within seconds; a stalled health answer does not blame the scheduler.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {healthIsStale, waitingWords} from '../../source/live/liveness.js';

describe('liveness', () => {
	it('says nothing for a short wait, then counts the seconds', () => {
		assert.equal(waitingWords(undefined, 10_000), undefined);
		assert.equal(waitingWords(9_000, 10_000), undefined);
		assert.equal(waitingWords(3_000, 10_000), 'waiting 7 s for the server');
	});

	it('health is stale when it failed or stalls, not while it answers', () => {
		assert.equal(healthIsStale({error: undefined, waitingSince: undefined}, 10_000), false);
		assert.equal(healthIsStale({error: undefined, waitingSince: 9_500}, 10_000), false);
		assert.equal(healthIsStale({error: undefined, waitingSince: 1_000}, 10_000), true);
		assert.equal(healthIsStale({error: 'timeout', waitingSince: undefined}, 10_000), true);
	});
});
