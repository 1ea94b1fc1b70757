// Bundles windsock into dist/bin/: what `npm start`, the tests and the package run. Node then
// resolves a handful of files instead of hundreds, and React is built for production (the
// development build leaked memory). Code splitting keeps the console (Ink, React) in its own
// chunk, loaded only when the console opens.
import {build} from 'esbuild';
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
	plugins: [rememberedWidths],
});
