// A 2.x task log is read whole each time (text/plain); windsock's own token says how much was
// seen. A log that grew gives only what follows; a log that was replaced (2.x answers a task
// that has not run yet with "log not found" lines, later with the real log) is given whole
// and said to have restarted, so the view does not keep the placeholder and cut the log.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {v1} from '../../source/airflow/v1.js';

const query = (continuationToken?: string | null) => ({dagId: 'd', runId: 'r', taskId: 't', tryNumber: 1, continuationToken});

test('a log that grows gives only what follows, and nothing when it did not grow', () => {
	const first = v1.log('[10:00] start\n', query());
	assert.equal(first.text, '[10:00] start\n');
	assert.ok(!first.restarted);
	const grown = v1.log('[10:00] start\n[10:01] more\n', query(first.continuationToken));
	assert.deepEqual([grown.text, grown.restarted], ['[10:01] more\n', undefined]);
	const same = v1.log('[10:00] start\n[10:01] more\n', query(grown.continuationToken));
	assert.equal(same.text, '');
});

test('a placeholder replaced by the real log gives the real log whole, marked restarted', () => {
	const placeholder = '*** Could not read served logs: Invalid URL\n*** Log file does not exist: /logs/t/1.log\n';
	const first = v1.log(placeholder, query());
	const real = '*** Found local files:\n***   * /logs/t/attempt=1.log\n[2026-11-26 10:00:01] INFO - Task started\n[2026-11-26 10:00:02] ERROR - boom\n';
	const next = v1.log(real, query(first.continuationToken));
	assert.equal(next.text, real);
	assert.equal(next.restarted, true);
	// and it goes on from there
	assert.equal(v1.log(`${real}done\n`, query(next.continuationToken)).text, 'done\n');
});

test('a log shorter than what was read (rotated, cleared) starts over too', () => {
	const first = v1.log('a long first attempt\n'.repeat(10), query());
	const next = v1.log('new\n', query(first.continuationToken));
	assert.deepEqual([next.text, next.restarted], ['new\n', true]);
});
