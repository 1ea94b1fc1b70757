// Copy (OSC 52) and link (the web UI address) without a terminal: what reaches the clipboard
// is exactly the text the key chose, base64 in one OSC 52 sequence, or nothing at all when
// the text could carry a control sequence; the addresses are Airflow 2's and 3's own forms.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {webLink} from '../../source/airflow/web-links.js';
import {COPY_LIMIT, copyText, osc52} from '../../source/ui/clipboard.js';

describe('OSC 52', () => {
	it('wraps the text as base64 in ESC ] 52 ; c ; ... BEL, which tmux with set-clipboard on takes', () => {
		const verdict = osc52('manual__2026-11-25T21:34:39+00:00');
		assert.ok(verdict.ok);
		assert.equal(verdict.sequence, `\u001b]52;c;${Buffer.from('manual__2026-11-25T21:34:39+00:00').toString('base64')}\u0007`);
		assert.doesNotMatch(verdict.sequence, /tmux;/, 'not wrapped in the DCS passthrough');
	});

	it('keeps Unicode as UTF-8', () => {
		const verdict = osc52('数据管道 🚀');
		assert.ok(verdict.ok);
		assert.equal(Buffer.from(verdict.sequence.slice(7, -1), 'base64').toString('utf8'), '数据管道 🚀');
	});

	it('refuses text with any control character: ESC, BEL, C1, newline, tab', () => {
		for (const text of ['a\u001b]52;c;AAAA\u0007', 'a\u0007', 'a\u009b31m', 'two\nlines', 'tab\there', 'del\u007f']) {
			const verdict = osc52(text);
			assert.equal(verdict.ok, false, JSON.stringify(text));
		}
	});

	it('refuses text that would paste as something other than what the screen shows', () => {
		for (const text of ['etl\u202eflow', 'zero\u200bwidth', 'line\u2028sep', 'mark\u200f']) {
			const verdict = osc52(text);
			assert.equal(verdict.ok, false, JSON.stringify(text));
			assert.ok(!verdict.ok && /does not show/.test(verdict.reason));
		}
	});

	it('refuses nothing and too much', () => {
		assert.equal(osc52('').ok, false);
		assert.equal(osc52('x'.repeat(COPY_LIMIT)).ok, true);
		assert.equal(osc52('x'.repeat(COPY_LIMIT + 1)).ok, false);
	});

	it('writes once through the terminal it is given, and says what it copied', () => {
		const written: string[] = [];
		assert.deepEqual(
			copyText(sequence => written.push(sequence), 'etl', 'dag id'),
			{ok: true, notice: 'copied dag id'},
		);
		assert.equal(written.length, 1);
		const refused = copyText(sequence => written.push(sequence), 'bad\u001b', 'dag id');
		assert.equal(refused.ok, false);
		assert.match(refused.notice, /did not copy dag id: it holds control characters/);
		assert.equal(written.length, 1, 'nothing written for refused text');
		assert.deepEqual(copyText(undefined, 'etl', 'dag id'), {ok: false, notice: 'cannot copy dag id: not on a terminal'});
	});
});

describe('web UI addresses', () => {
	const base = new URL('https://airflow.example.com/');
	const prefixed = new URL('http://host:8080/airflow/');
	const runId = 'manual__2026-11-25T21:34:39.319849+00:00';

	it('Airflow 2: the grid with the run, the task and its logs tab in the query', () => {
		assert.equal(webLink(base, 'v1', {kind: 'dag', dagId: 'etl'}), 'https://airflow.example.com/dags/etl/grid');
		assert.equal(webLink(base, 'v1', {kind: 'run', dagId: 'etl', runId}), 'https://airflow.example.com/dags/etl/grid?dag_run_id=manual__2026-11-25T21%3A34%3A39.319849%2B00%3A00');
		assert.equal(
			webLink(prefixed, 'v1', {kind: 'task', dagId: 'etl', runId: 'r 1', taskId: 'load', mapIndex: 3}),
			'http://host:8080/airflow/dags/etl/grid?dag_run_id=r+1&task_id=load&map_index=3&tab=logs',
		);
		assert.equal(webLink(base, 'v1', {kind: 'task', dagId: 'etl', runId: 'r', taskId: 'load', mapIndex: -1}), 'https://airflow.example.com/dags/etl/grid?dag_run_id=r&task_id=load&tab=logs');
	});

	it('Airflow 3: paths for the DAG, the run, the task (mapped, an earlier try)', () => {
		assert.equal(webLink(base, 'v2', {kind: 'dag', dagId: 'etl'}), 'https://airflow.example.com/dags/etl');
		assert.equal(webLink(prefixed, 'v2', {kind: 'run', dagId: 'etl', runId}), 'http://host:8080/airflow/dags/etl/runs/manual__2026-11-25T21%3A34%3A39.319849%2B00%3A00');
		assert.equal(webLink(base, 'v2', {kind: 'task', dagId: 'etl', runId: 'r', taskId: 'load'}), 'https://airflow.example.com/dags/etl/runs/r/tasks/load');
		assert.equal(
			webLink(base, 'v2', {kind: 'task', dagId: 'etl', runId: 'r', taskId: 'fan', mapIndex: 2, tryNumber: 1}),
			'https://airflow.example.com/dags/etl/runs/r/tasks/fan/mapped/2?try_number=1',
		);
	});

	it('encodes every id so none can add a path segment or a query', () => {
		assert.equal(webLink(base, 'v2', {kind: 'task', dagId: 'a/b', runId: 'r?x=1#y', taskId: 'g.t'}), 'https://airflow.example.com/dags/a%2Fb/runs/r%3Fx%3D1%23y/tasks/g.t');
		assert.equal(webLink(base, 'v1', {kind: 'task', dagId: 'etl', runId: 'r&task_id=evil', taskId: 't'}), 'https://airflow.example.com/dags/etl/grid?dag_run_id=r%26task_id%3Devil&task_id=t&tab=logs');
	});
});
