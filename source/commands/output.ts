// Where a command's words go: results on stdout (a table for people, JSON for machines),
// progress, warnings and errors on stderr, each error on one line with its hint. Colour only
// on a terminal and never with NO_COLOR set.
import {describeError} from '../airflow/errors.js';
import {sanitizeLine} from '../text/sanitize.js';
import {plainTable, type PlainColumn} from '../text/plain-table.js';
import {noColor} from '../ui/theme.js';

const ANSI: Record<string, string> = {green: '32', yellow: '33', red: '31', cyan: '36', gray: '90', magenta: '35', bold: '1'};

export class Output {
	readonly colour: boolean;

	constructor(
		private readonly stdout: NodeJS.WritableStream & {isTTY?: boolean} = process.stdout,
		private readonly stderr: NodeJS.WritableStream = process.stderr,
	) {
		this.colour = !!stdout.isTTY && !noColor();
	}

	/** Paints text for stdout; plain when colour is off. */
	paint(name: string, text: string): string {
		const code = ANSI[name];
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
		this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
	}

	table<Row>(columns: PlainColumn<Row>[], rows: Row[]): void {
		this.stdout.write(plainTable(columns, rows));
	}

	/** Progress and facts for the person running the command; stderr, so pipes stay clean. */
	note(text: string): void {
		this.stderr.write(`${text}\n`);
	}

	warn(text: string): void {
		this.stderr.write(`windsock: warning: ${text}\n`);
	}

	error(error: unknown): void {
		this.stderr.write(`windsock: ${sanitizeLine(describeError(error))}\n`);
	}
}
