// Bundles windsock into dist/bin/: what `npm start`, the tests and the package run. Node then
// resolves a handful of files instead of hundreds, and React is built for production (the
// development build leaked memory). Code splitting keeps the console (Ink, React) in its own
// chunk, loaded only when the console opens.
import {build} from 'esbuild';

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
});
