// The log view's pure rules: search and moving between matches, levels, the first error,
// ::group:: folding, and the rows a terminal shows wrapped or scrolled sideways.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {firstErrorLine, foldLabel, groupsOf, hiddenByFold, layoutRows, levelOf, logLines, rowOf, visibleLines} from '../../source/ui/log-lines.js';
import {findMatches, firstMatchFrom, piecesOf, stepMatch} from '../../source/ui/log-search.js';
import {logFileName, saveLog} from '../../source/ui/save-log.js';
import {mkdtemp, readFile, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const LOG = [
	'[2026] {taskinstance.py:1} INFO - ::group::Pre task execution logs',
	'[2026] INFO - Dependencies all met',
	'[2026] INFO - ::endgroup::',
	'[2026] WARNING - deprecated thing',
	'[2026] INFO - about to fail',
	'Traceback (most recent call last):',
	'  File "x.py", line 1',
	'[2026] ERROR - Task failed with exception',
	'AirflowException: Bash command failed',
].join('\n');

describe('log search', () => {
	const lines = logLines(LOG);

	it('finds every match, smart case', () => {
		assert.deepEqual(findMatches(['fail fail', 'FAIL'], 'fail'), [
			{line: 0, start: 0, end: 4},
			{line: 0, start: 5, end: 9},
			{line: 1, start: 0, end: 4},
		]);
		assert.deepEqual(findMatches(['fail fail', 'FAIL'], 'FAIL'), [{line: 1, start: 0, end: 4}]);
		assert.deepEqual(findMatches(lines, ''), []);
		assert.equal(findMatches(lines, 'fail').length, 3);
	});

	it('n and N wrap round; a search starts at a line', () => {
		assert.equal(stepMatch(3, undefined, 1), 0);
		assert.equal(stepMatch(3, undefined, -1), 2);
		assert.equal(stepMatch(3, 2, 1), 0);
		assert.equal(stepMatch(3, 0, -1), 2);
		assert.equal(stepMatch(0, 0, 1), undefined);
		const matches = findMatches(lines, 'fail');
		assert.equal(firstMatchFrom(matches, 5), 1);
		assert.equal(firstMatchFrom(matches, 99), 0);
	});

	it('cuts a row into highlighted pieces, the current match marked', () => {
		const matches = findMatches(['a fail b fail'], 'fail');
		assert.deepEqual(piecesOf('a fail b fail', 0, matches, matches[1]), [{text: 'a '}, {text: 'fail', highlight: 'match'}, {text: ' b '}, {text: 'fail', highlight: 'current'}]);
		// a row holding columns 4-7 of the line: a match cut at its start
		assert.deepEqual(piecesOf('il b', 4, matches, undefined), [{text: 'il', highlight: 'match'}, {text: ' b'}]);
		assert.deepEqual(piecesOf('', 0, [], undefined), [{text: ''}]);
	});
});

describe('log lines', () => {
	const lines = logLines(LOG);

	it('levels colour errors and warnings, and the first error is the traceback', () => {
		assert.equal(levelOf(lines[3]!), 'warning');
		assert.equal(levelOf(lines[7]!), 'error');
		assert.equal(levelOf(lines[5]!), 'error');
		assert.equal(levelOf(lines[4]!), undefined);
		assert.equal(firstErrorLine(lines), 5);
		assert.equal(firstErrorLine(['all fine']), undefined);
	});

	it('sanitises: no escape sequence, tabs as spaces', () => {
		assert.deepEqual(logLines('a\u001b[31mred\u001b[0m\tb\r\nc\n'), ['ared    b', 'c']);
	});

	it('folds ::group:: blocks, an open one to the end', () => {
		assert.deepEqual(groupsOf(lines), [{start: 0, end: 2, title: 'Pre task execution logs'}]);
		assert.deepEqual(groupsOf(['::group::a', 'x']), [{start: 0, end: 1, title: 'a'}]);
		const view = visibleLines(lines, true);
		assert.equal(view.length, lines.length - 2);
		assert.deepEqual(view[0], {line: 0, folded: {title: 'Pre task execution logs', hidden: 2}});
		assert.equal(foldLabel(view[0]!.folded!), '▸ Pre task execution logs (2 lines folded, z: unfold)');
		assert.equal(visibleLines(lines, false).length, lines.length);
		assert.ok(hiddenByFold(lines, 1));
		assert.ok(!hiddenByFold(lines, 0));
		assert.ok(!hiddenByFold(lines, 3));
	});

	it('wraps at the width, or cuts at a sideways offset', () => {
		const long = ['0123456789abcdef', 'short'];
		const view = visibleLines(long, false);
		assert.deepEqual(
			layoutRows(long, view, 10, true, 0).map(row => row.text),
			['0123456789', 'abcdef', 'short'],
		);
		assert.deepEqual(
			layoutRows(long, view, 10, false, 4).map(row => [row.text, row.start]),
			[
				['456789abcd', 4],
				['t', 4],
			],
		);
		const wrapped = layoutRows(long, view, 10, true, 0);
		assert.equal(rowOf(wrapped, 0, 12), 1, 'the row holding column 12');
		assert.equal(rowOf(wrapped, 1), 2);
		assert.equal(rowOf(wrapped, 7), undefined);
	});
});

describe('saving a log', () => {
	it('names the file from dag, run, task and try, writes it sanitised with mode 0600', async () => {
		const name = logFileName({dagId: 'etl', runId: 'manual__2026-01-01T00:00:00+00:00', taskId: '../boom', mapIndex: 2}, 3);
		assert.equal(name, 'etl__manual__2026-01-01T00_00_00_00_00__boom-2__try3.log');
		const dir = await mkdtemp(join(tmpdir(), 'ws-save-'));
		const path = await saveLog('a\u001b]0;pwned\u0007b\n', name, [join(dir, 'missing'), dir]);
		assert.equal(path, join(dir, name), 'falls back to the next directory');
		assert.equal(await readFile(path, 'utf8'), 'ab\n');
		assert.equal((await stat(path)).mode & 0o777, 0o600);
	});
});
