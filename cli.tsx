#!/usr/bin/env node
// windsock's entry. It loads nothing it does not need: `--version` answers from here, and
// everything else (argv parsing, the commands, the console with Ink and React) loads on
// demand, so a monitoring check or a cron job does not pay for the console.
// First, before any import can load React: see production-mode.ts.
import './source/production-mode.js';
import {VERSION} from './source/version.js';

// Output piped into head or less: when the reader goes away, end quietly, not with a stack
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
	process.stdout.write(`${VERSION}\n`);
} else {
	const {run} = await import('./source/cli/main.js');
	run(argv);
}
