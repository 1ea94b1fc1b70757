// windsock's own version and where its package lives, read once from package.json.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/**
 * The package root (the folder holding windsock's package.json), found upwards from this
 * file: it runs as dist/source/version.js (tsc) and inside the bundle dist/windsock.js.
 */
function packageRoot(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const file = path.join(dir, 'package.json');
		if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as {name?: string}).name === 'windsock') return dir;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`windsock's package.json not found above ${fileURLToPath(import.meta.url)}`);
		dir = parent;
	}
}

export const PACKAGE_ROOT = packageRoot();

export const VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {version: string}).version;
