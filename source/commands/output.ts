// Where a command's words go: results on stdout (a table for people, JSON for machines),
// progress, warnings and errors on stderr, each error on one line with its hint. Colour only
// on a terminal and never with NO_COLOR set.
import {describeError} from '../airflow/errors.js';
import {sanitizeLine} from '../text/sanitize.js';
import {plainTable, type PlainColumn} from '../text/plain-table.js';
import {forceColor, noColor} from '../ui/theme.js';

// A Map: a name that came from the server (a state) must never find Object.prototype's members.
const ANSI: ReadonlyMap<string, string> = new Map([
	['green', '32'],
	['yellow', '33'],
	['red', '31'],
	['cyan', '36'],
	['gray', '90'],
	['magenta', '35'],
	['bold', '1'],
]);

// JSON.stringify escapes C0 controls but writes DEL, C1 controls (U+009B is CSI on many
// terminals), bidi controls, zero-width characters and U+2028/9 as they are: valid JSON, but
// `windsock ... --json` on a terminal would obey them. They can only stand inside strings, so
// writing them as \uXXXX keeps the document's value and makes it safe to look at.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** JSON text of `value`, indented, with every terminal-unsafe character escaped. */
export function safeJson(value: unknown, indent = 2): string {
	return (JSON.stringify(value, null, indent) ?? 'null').replace(UNSAFE_IN_JSON, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class Output {
	readonly colour: boolean;

	/** stderr is a terminal: progress may rewrite one line there (status) */
	readonly stderrIsTerminal: boolean;

	constructor(
		private readonly stdout: NodeJS.WritableStream & {isTTY?: boolean} = process.stdout,
		private readonly stderr: NodeJS.WritableStream & {isTTY?: boolean} = process.stderr,
	) {
		this.colour = !noColor() && (!!stdout.isTTY || forceColor());
		this.stderrIsTerminal = !!stderr.isTTY;
	}

	/** Paints text for stdout; plain when colour is off. */
	paint(name: string, text: string): string {
		const code = ANSI.get(name);
		return this.colour && code ? `\u001b[${code}m${text}\u001b[0m` : text;
	}

	line(text = ''): void {
		this.stdout.write(`${text}\n`);
	}

	/** Raw text as it is (already sanitised by the caller), no newline added. */
	write(text: string): void {
		this.stdout.write(text);
	}

	json(value: unknown): void {
		this.stdout.write(`${safeJson(value)}\n`);
	}

	table<Row>(columns: PlainColumn<Row>[], rows: Row[]): void {
		this.stdout.write(plainTable(columns, rows));
	}

	/** Progress and facts for the person running the command; stderr, so pipes stay clean. */
	note(text: string): void {
		this.stderr.write(`${text}\n`);
	}

	/** One line of progress rewritten in place on a terminal's stderr ('' clears it); nothing elsewhere. */
	status(text: string): void {
		if (this.stderrIsTerminal) this.stderr.write(`\r${text}\u001b[K`);
	}

	warn(text: string): void {
		this.stderr.write(`windsock: warning: ${text}\n`);
	}

	error(error: unknown): void {
		this.stderr.write(`windsock: ${sanitizeLine(describeError(error))}\n`);
	}
}
