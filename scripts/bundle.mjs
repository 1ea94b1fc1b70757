// Bundles windsock into dist/bin/: what `npm start`, the tests and the package run. Node then
// resolves a handful of files instead of hundreds, and React is built for production (the
// development build leaked memory). Code splitting keeps the console (Ink, React) in its own
// chunk, loaded only when the console opens.
import {build} from 'esbuild';
import {readFile} from 'node:fs/promises';
import path from 'node:path';

// Every import of the string-width that windsock declares (Ink's, widest-line's, ours) goes
// to a remembering wrapper: Ink measures every text node again on every frame
// (source/text/string-width-memo.ts). A dependency that brings another major version of its
// own (wrap-ansi) keeps it.
const MEMO = path.resolve('source/text/string-width-memo.ts');
const rememberedWidths = {
	name: 'remembered-string-width',
	setup(build) {
		let declared;
		build.onResolve({filter: /^string-width$/}, async args => {
			if (args.importer === MEMO || args.pluginData?.real) return undefined;
			const real = await build.resolve('string-width', {resolveDir: args.resolveDir, kind: args.kind, pluginData: {real: true}});
			declared ??= (await build.resolve('string-width', {resolveDir: path.dirname(MEMO), kind: 'import-statement', pluginData: {real: true}})).path;
			return real.path === declared ? {path: MEMO} : real;
		});
	},
};

// Ink's output caches (widths, ANSI-tokenized lines) are made new for every frame, so a
// keystroke that moves the selection tokenizes all 60 unchanged rows again. Shared across
// frames and bounded (128 lines, two frames of 60 rows; cleared when full, checked once a frame), they are hits for every row
// that did not change. The patch is exact: the build fails if Ink's source has moved on.
const OUTPUT_CACHES_FROM = '    caches = new OutputCaches();';
const sharedOutputCaches = {
	name: 'shared-ink-output-caches',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(OUTPUT_CACHES_FROM)) throw new Error(`${args.path}: Ink's output caches moved; update scripts/bundle.mjs`);
			const patched = source.replace(OUTPUT_CACHES_FROM, '    caches = sharedOutputCaches();');
			const shared = `
// windsock (scripts/bundle.mjs): one set of caches for every frame, bounded
let windsockCaches;
function sharedOutputCaches() {
	windsockCaches ??= new OutputCaches();
	if (windsockCaches.styledChars.size > 128) windsockCaches.styledChars.clear();
	if (windsockCaches.widths.size > 4096) windsockCaches.widths.clear();
	if (windsockCaches.blockWidths.size > 1024) windsockCaches.blockWidths.clear();
	return windsockCaches;
}
`;
			return {contents: patched + shared, loader: 'js'};
		});
	},
};

// Ink remembers the size of every text it ever measured, in a Map that never forgets: a
// header with a clock, an age, a poll's timestamps add strings every second for as long as
// the console runs (seen in heap snapshots of the soak). Bounded the same way.
const MEASURE_FROM = '    cache.set(text, dimensions);';
const boundedMeasureCache = {
	name: 'bounded-ink-measure-cache',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]measure-text\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(MEASURE_FROM)) throw new Error(`${args.path}: Ink's measure cache moved; update scripts/bundle.mjs`);
			return {contents: source.replace(MEASURE_FROM, `    if (cache.size >= 4096) cache.clear();\n${MEASURE_FROM}`), loader: 'js'};
		});
	},
};

await build({
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
	logLevel: 'warning',
	plugins: [rememberedWidths, sharedOutputCaches, boundedMeasureCache],
});
