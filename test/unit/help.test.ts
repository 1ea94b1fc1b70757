// The global --help: every usage row's description starts in the same column.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {runCli} from '../support/run-cli.js';

describe('--help', () => {
	it('aligns every usage row, generated or not', async () => {
		const {code, stdout} = await runCli(['--help']);
		assert.equal(code, 0);
		const usage = stdout.split('\n\n').find(block => block.startsWith('Usage'))!;
		const rows = usage.split('\n').slice(1);
		assert.ok(rows.some(row => row.includes('windsock status')) && rows.some(row => row.includes('windsock health')), usage);
		const columns = new Set(rows.map(row => row.match(/^ {2}windsock \S*(?: \S+)*? {2,}/)?.[0].length));
		assert.equal(columns.size, 1, `descriptions start at columns ${[...columns].join(', ')}:\n${usage}`);
	});
});
