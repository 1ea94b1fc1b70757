// Bundles windsock into dist/bin/: what `npm start`, the tests and the package run. Node then
// resolves a handful of files instead of hundreds, and React is built for production (the
// development build leaked memory). Code splitting keeps the console (Ink, React) in its own
// chunk, loaded only when the console opens. The bundle holds every dependency, so the
// package installs nothing else (package.json keeps them all in devDependencies).
//
// `--if-stale` (npm start): bundle only when an input changed since the last bundle. The
// inputs are exactly the files esbuild read last time (its metafile), plus this script and
// package.json, each with the modification time it had; any other time (newer, or older
// after a checkout) means changed. A file that was not an input cannot change the bundle
// unless an input changes to import it, and then that input has changed.
//
// No source maps: a map would point at source/ files the package does not ship.
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'dist', 'bin', 'cli.js');
// outside dist/bin, so the package never ships it
const inputsFile = path.join(root, 'dist', 'bundle-inputs.json');

/** Why the bundle must be made again, or undefined when it is up to date. */
function staleBecause() {
	if (!existsSync(entry) || !existsSync(inputsFile)) return 'no bundle yet';
	for (const [input, mtime] of Object.entries(JSON.parse(readFileSync(inputsFile, 'utf8')))) {
		const file = path.resolve(root, input);
		if (!existsSync(file)) return `${input} is gone`;
		if (statSync(file).mtimeMs !== mtime) return `${input} changed`;
	}
	return undefined;
}

if (process.argv.includes('--if-stale')) {
	const reason = staleBecause();
	if (!reason) process.exit(0);
	process.stderr.write(`windsock: bundling (${reason})\n`);
}

let esbuild;
try {
	esbuild = await import('esbuild');
} catch {
	process.stderr.write('windsock: esbuild is not installed; run `npm ci` (or `npm install`) in the clone first\n');
	process.exit(1);
}

const started = Date.now();
// chunk names carry a hash: without this, chunks of earlier bundles would stay and ship
rmSync(path.join(root, 'dist', 'bin'), {recursive: true, force: true});
const result = await esbuild.build({
	absWorkingDir: root,
	entryPoints: {cli: 'cli.tsx'},
	outdir: 'dist/bin',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// React picks its build from NODE_ENV: fix it at build time, not only at run time
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink loads the React devtools only when DEV=true is set; never shipped
	external: ['react-devtools-core'],
	// CommonJS dependencies (react, signal-exit) call require() for Node's own modules
	banner: {js: "import {createRequire as __windsockRequire} from 'node:module'; const require = __windsockRequire(import.meta.url);"},
	chunkNames: 'chunks/[name]-[hash]',
	legalComments: 'none',
	sourcemap: false,
	metafile: true,
	logLevel: 'warning',
});

// a file written while esbuild ran may be in the bundle as it was before: record it as
// unknown (0), so the next --if-stale bundles again
const mtimes = {};
for (const input of [...Object.keys(result.metafile.inputs).sort(), 'scripts/bundle.mjs', 'package.json']) {
	const mtime = statSync(path.resolve(root, input)).mtimeMs;
	mtimes[input] = mtime >= started - 1 ? 0 : mtime;
}
mkdirSync(path.dirname(inputsFile), {recursive: true});
writeFileSync(inputsFile, `${JSON.stringify(mtimes, null, '\t')}\n`);
