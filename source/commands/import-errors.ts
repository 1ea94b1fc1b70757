// `windsock import-errors`: the DAG files Airflow cannot parse, with the last line of each
// error (the whole trace with --full or --json). Exits 1 while there are any, so a cron or a
// monitoring check can watch for a broken deploy.
import {sanitize, sanitizeLine} from '../text/sanitize.js';
import {formatDateTime, utcHeader} from '../text/time.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';

/** The line of a Python traceback that says what went wrong: its last non-empty one. */
export function errorLine(stackTrace: string): string {
	return stackTrace.trim().split('\n').at(-1)?.trim() ?? '';
}

export const importErrorsCommand: Command = {
	name: 'import-errors',
	usage: 'import-errors [--full] [--json]',
	summary: 'DAG files that do not parse, with their error; exits 1 if any',
	options: {full: {type: 'boolean', help: 'print each whole stack trace, not only its last line'}, json: JSON_FLAG},
	examples: [
		['import-errors', 'each broken DAG file, since when, and the error'],
		['import-errors --full', 'with the whole Python stack trace of each'],
	],
	async run({values, out, connect}) {
		const {client} = await connect();
		const errors = await client.listImportErrors();
		if (values['json']) {
			out.json(errors);
			return errors.length ? 1 : 0;
		}
		if (errors.length === 0) {
			out.note('windsock: no import errors: every DAG file parses');
			return 0;
		}
		if (values['full']) {
			for (const error of errors) {
				out.line(`${sanitizeLine(error.filename)}  (since ${formatDateTime(error.timestamp, {seconds: true}) || '?'} UTC)`);
				out.line(sanitize(error.stackTrace.trimEnd()));
				out.line();
			}
			return 1;
		}
		out.table(
			[
				{header: 'file', value: e => sanitizeLine(e.filename)},
				{header: utcHeader('since'), value: e => formatDateTime(e.timestamp, {seconds: true})},
				{header: 'error', value: e => sanitizeLine(errorLine(e.stackTrace)), max: 120},
			],
			errors,
		);
		return 1;
	},
};
