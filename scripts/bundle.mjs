// Bundles windsock into dist/bin/: what `npm start`, the tests and the package run. Node then
// resolves a handful of files instead of hundreds, and React is built for production (the
// development build leaked memory). Code splitting keeps the console (Ink, React) in its own
// chunk, loaded only when the console opens; small plugins (below) bound Ink's caches and
// remember text widths, for keystroke latency and memory, and split a double Esc in two.
// The bundle holds every dependency, so the package installs nothing else (package.json
// keeps them all in devDependencies).
//
// `--if-stale` (npm start): bundle only when an input changed since the last bundle. The
// inputs are exactly the files esbuild read last time (its metafile), plus this script and
// package.json, each with the modification time it had; any other time (newer, or older
// after a checkout) means changed. A file that was not an input cannot change the bundle
// unless an input changes to import it, and then that input has changed.
//
// No source maps: a map would point at source/ files the package does not ship.
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// Every import of the string-width that windsock declares (Ink's, widest-line's, ours) goes
// to a remembering wrapper: Ink measures every text node again on every frame
// (source/text/string-width-memo.ts). A dependency that brings another major version of its
// own (wrap-ansi) keeps it.
const MEMO = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'source/text/string-width-memo.ts');
// simple-width.ts measures each character once with the real string-width (through the memo it
// would call itself)
const SIMPLE = path.join(path.dirname(MEMO), 'simple-width.ts');
const rememberedWidths = {
	name: 'remembered-string-width',
	setup(build) {
		let declared;
		build.onResolve({filter: /^string-width$/}, async args => {
			if (args.importer === MEMO || args.importer === SIMPLE || args.pluginData?.real) return undefined;
			const real = await build.resolve('string-width', {resolveDir: args.resolveDir, kind: args.kind, pluginData: {real: true}});
			declared ??= (await build.resolve('string-width', {resolveDir: path.dirname(MEMO), kind: 'import-statement', pluginData: {real: true}})).path;
			return real.path === declared ? {path: MEMO} : real;
		});
	},
};

/**
 * A plugin that replaces exact texts in one dependency's file (`file`: its path). The build
 * fails when a text is not there, since the dependency has moved on, unless `mayDiffer` says
 * that file may lack it (another major version bundled for another dependency).
 */
function exactPatch({name, file, replacements, moved, mayDiffer = () => false}) {
	return {
		name,
		setup(build) {
			build.onLoad({filter: file}, async args => {
				const source = await readFile(args.path, 'utf8');
				if (!replacements.every(([from]) => source.includes(from))) {
					if (mayDiffer(args.path)) return undefined;
					throw new Error(`${args.path}: ${moved}; update scripts/bundle.mjs`);
				}
				// a function, so a "$" in the new text is taken as it is
				return {contents: replacements.reduce((text, [from, to]) => text.replace(from, () => to), source), loader: 'js'};
			});
		},
	};
}

// Ink's output caches (widths, ANSI-tokenized lines) are made new for every frame, so a
// keystroke that moves the selection tokenizes all 60 unchanged rows again. Shared across
// frames and bounded (cleared when full, checked once a frame), they are hits for every row
// that did not change. And Ink's get(), which builds a cell object per column of every row on
// every frame, is replaced by source/ui/ink-output-rows.ts, which joins the texts of a row
// when they sit side by side and draws the rest Ink's way. The patches are exact: the build
// fails if Ink's source has moved on.
const OUTPUT_CACHES_FROM = '    caches = new OutputCaches();';
const OUTPUT_GET_FROM = '    get() {\n';
const OUTPUT_ROWS = path.join(path.dirname(MEMO), '..', 'ui', 'ink-output-rows.ts');
const sharedOutputCaches = {
	name: 'shared-ink-output-caches',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(OUTPUT_CACHES_FROM) || !source.includes(OUTPUT_GET_FROM)) throw new Error(`${args.path}: Ink's output class moved; update scripts/bundle.mjs`);
			const patched = `import {composeRows as windsockComposeRows} from ${JSON.stringify(OUTPUT_ROWS)};\n${source}`.replace(OUTPUT_CACHES_FROM, '    caches = sharedOutputCaches();').replace(
				OUTPUT_GET_FROM,
				`    get() {
        const caches = this.caches;
        return windsockComposeRows(this.width, this.height, this.operations, {
            sliceAnsi,
            stringWidth: text => caches.getStringWidth(text),
            widestLine: text => caches.getWidestLine(text),
            styledChars: line => caches.getStyledChars(line),
            styledCharsToString,
        });
    }
    inkGet() {\n`,
			);
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
const boundedMeasureCache = exactPatch({
	name: 'bounded-ink-measure-cache',
	file: /[\\/]ink[\\/]build[\\/]measure-text\.js$/,
	replacements: [[MEASURE_FROM, `    if (cache.size >= 4096) cache.clear();\n${MEASURE_FROM}`]],
	moved: "Ink's measure cache moved",
});

// Esc pressed twice quickly (or over a slow link) arrives as one chunk, which Ink reports as
// one Meta+Esc key, indistinguishable from a single Esc by the time useInput sees it: the
// second press was lost (back from a dialog and its view took two presses, or three). Ink's
// App hands every parsed key to its listeners through emitInput; there, two Escapes.
const EMIT_INPUT_FROM = '    const emitInput = useCallback((input) => {\n';
const EMIT_TWO_ESCAPES =
	"        if (input === '\\u001B\\u001B') {\n            for (const one of ['\\u001B', '\\u001B']) {\n                handleInput(one);\n                internal_eventEmitter.current.emit('input', one);\n            }\n            return;\n        }\n";
const doubleEscapeAsTwo = exactPatch({
	name: 'double-escape-as-two',
	file: /[\\/]ink[\\/]build[\\/]components[\\/]App\.js$/,
	replacements: [[EMIT_INPUT_FROM, EMIT_INPUT_FROM + EMIT_TWO_ESCAPES]],
	moved: "Ink's emitInput moved",
});

// string-width makes its grapheme segmenter when it loads, and ICU loads its break rules for
// it then (about 15 ms on a 2-core host); its RGI_Emoji pattern, a class of strings, takes
// another 20 ms to parse. Both came before the console's first frame and before every
// command's first line, though most texts are ASCII and never reach them. Made on first use.
const lazyWidthSegmenter = exactPatch({
	name: 'lazy-string-width-segmenter',
	file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
	replacements: [
		['const segmenter = new Intl.Segmenter();\n', 'let madeSegmenter;\nconst segmenter = {segment: text => (madeSegmenter ??= new Intl.Segmenter()).segment(text)};\n'],
		['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n', 'let madeRgiEmoji;\nconst rgiEmojiRegex = {test: text => (madeRgiEmoji ??= /^\\p{RGI_Emoji}$/v).test(text)};\n'],
	],
	moved: "string-width's segmenter or emoji pattern moved",
	// another major version (wrap-ansi's own) may differ; windsock's own must not
	mayDiffer: file => path.dirname(path.dirname(file)) !== path.join(root, 'node_modules'),
});

// Yoga (Ink's layout) carries its WebAssembly as a base64 data: URL and, where a global
// fetch exists, reads it through fetch: in Node that loads undici, the fetch implementation,
// about 10 ms and a few MB of heap before the console's first Ink frame, only to decode a
// string. Its own synchronous decoder (wa) does the same without it.
const yogaWithoutFetch = exactPatch({
	name: 'yoga-without-fetch',
	file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
	replacements: [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return w||true?']],
	moved: "Yoga's wasm loader moved",
});

// got's type checks (@sindresorhus/is) make two Intl.ListFormat when they load, for the text
// of a failed assertion: ICU loads its list patterns then, about 20 ms of every command that
// sends a request (health included). Made when a message needs them.
const LIST_FORMATS_FROM =
	"const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });\nconst orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });\n";
const lazyListFormat = (name, type) => `let ${name}Made;\nconst ${name} = {format: list => (${name}Made ??= new Intl.ListFormat('en', {style: 'long', type: '${type}'})).format(list)};\n`;
const lazyListFormats = exactPatch({
	name: 'lazy-list-formats',
	file: /[\\/]@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/,
	replacements: [[LIST_FORMATS_FROM, lazyListFormat('andFormatter', 'conjunction') + lazyListFormat('orFormatter', 'disjunction')]],
	moved: 'its list formats moved',
});

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
	plugins: [rememberedWidths, sharedOutputCaches, boundedMeasureCache, doubleEscapeAsTwo, lazyWidthSegmenter, yogaWithoutFetch, lazyListFormats],
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
