// `npm start` bundles only when something the bundle is made from changed: run on a copy of
// the sources, the first run bundles, a second does not, and touching one input (or the
// bundle script) bundles again. The copy keeps the real dist/ out of it.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, statSync, symlinkSync, utimesSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {PACKAGE_ROOT} from '../../source/version.js';

describe('npm start', () => {
	it('bundles when an input changed, and only then', () => {
		const copy = mkdtempSync(path.join(os.tmpdir(), 'windsock-start-'));
		for (const entry of ['cli.tsx', 'source', 'scripts', 'package.json', 'tsconfig.json']) cpSync(path.join(PACKAGE_ROOT, entry), path.join(copy, entry), {recursive: true});
		symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
		const start = () => spawnSync(process.execPath, ['scripts/bundle.mjs', '--if-stale'], {cwd: copy, encoding: 'utf8'});
		const entry = path.join(copy, 'dist', 'bin', 'cli.js');

		const first = start();
		assert.equal(first.status, 0, first.stderr);
		assert.match(first.stderr, /bundling \(no bundle yet\)/);
		const built = statSync(entry).mtimeMs;

		const second = start();
		assert.equal(second.stderr, '', 'nothing changed: no bundling');
		assert.equal(statSync(entry).mtimeMs, built);

		const earlier = new Date(Date.now() - 60_000);
		utimesSync(path.join(copy, 'source', 'text', 'plural.ts'), earlier, earlier);
		const third = start();
		assert.match(third.stderr, /bundling \(source\/text\/plural\.ts changed\)/);
		assert.equal(start().stderr, '');

		utimesSync(path.join(copy, 'scripts', 'bundle.mjs'), earlier, earlier);
		assert.match(start().stderr, /bundling \(scripts\/bundle\.mjs changed\)/);
	});
});
