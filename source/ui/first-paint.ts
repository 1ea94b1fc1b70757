// The console's first frame, drawn before Ink and React are loaded. Loading them (a megabyte
// of JavaScript and Yoga's WebAssembly) takes half a second on a quiet jump host and more on
// a busy one, and until now the terminal stayed as it was: over a slow link that reads as a
// hang. This draws, with plain writes, the frame the console opens with anyway (the
// connecting frame: name, address, "connecting to …", the keys), so the user sees windsock
// at once; Ink's own first frame then repaints the whole screen over it.
//
// From this moment the terminal is windsock's: alternate screen, raw mode (keys typed while
// Ink loads wait for it instead of echoing), no cursor. Until run-console takes over with its
// own lifecycle, the signals that end the program put the terminal back here.
import {writeSync} from 'node:fs';
import {supportsColor} from 'chalk';
import {cellWidth, fit} from '../text/cells.js';
import {sanitizeLine} from '../text/sanitize.js';
import {noColor} from './theme.js';

const ENTER = '\u001b[?1049h\u001b[?7l\u001b[?25l\u001b[H\u001b[2J';
const LEAVE = '\u001b[?7h\u001b[?25h\u001b[?1049l';
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'] as const;
const SIGNAL_NUMBERS: Readonly<Record<(typeof ENDING_SIGNALS)[number], number>> = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15};

export type FirstPaint = {
	label: string;
	url: string;
	production: boolean;
	columns: number;
	rows: number;
	/** styles at all (default: where chalk, which draws Ink's, finds colour support) */
	styles?: boolean;
};

/** Cuts a line to the width (in cells, between graphemes), never pads it. */
const cut = (text: string, columns: number) => (cellWidth(text) > columns ? fit(text, columns).trimEnd() : text);

/** The bytes of the frame: the connecting frame's rows, each addressed, in the console's styles. */
export function firstFrameBytes(paint: FirstPaint): string {
	// NO_COLOR keeps bold, inverse and dim (as the console does), and drops the colours; where
	// chalk (Ink's styles) finds no colour support at all (TERM=dumb, a CI variable) the console
	// draws no styles, and neither does this frame
	const plain = noColor();
	const styled = paint.styles ?? supportsColor !== false;
	const style = (codes: string, text: string) => (codes && styled ? `\u001b[${codes}m${text}\u001b[0m` : text);
	const label = sanitizeLine(paint.label);
	const url = sanitizeLine(paint.url);
	const name = paint.production ? style(plain ? '1;7' : '1;7;31', ` PRODUCTION ${label} `) : style(plain ? '' : '36', label);
	// widths are counted on the text without its styles; a header too wide is cut plain
	const headerText = `windsock ${paint.production ? ` PRODUCTION ${label} ` : label}  ${url}`;
	const header = cellWidth(headerText) <= paint.columns ? `${style('1', 'windsock')} ${name}  ${style('2', url)}` : cut(headerText, paint.columns);
	const rows = [header, '', cut(`connecting to ${url}…`, paint.columns)];
	const footerRow = Math.max(rows.length + 1, paint.rows - 1);
	return `${rows.map((row, index) => `\u001b[${index + 1};1H${row}`).join('')}\u001b[${footerRow};1H${style('2', cut('r try now  q quit', paint.columns))}`;
}

/** The terminal as the first frame left it, until run-console's own lifecycle takes it. */
export type PaintedTerminal = {
	/** run-console's handlers are in place: the ones here go */
	handOver(): void;
	/** the console never started (its code failed to load): the terminal back as it was */
	restore(): void;
};

/** Enters the alternate screen, takes raw mode and draws the first frame. */
export function paintFirstFrame(paint: FirstPaint): PaintedTerminal {
	const write = (text: string) => {
		try {
			writeSync(process.stdout.fd, text);
		} catch {
			// the terminal is gone: nothing to draw on or restore
		}
	};
	const setRaw = (on: boolean) => {
		try {
			if (process.stdin.isTTY) process.stdin.setRawMode(on);
		} catch {
			// no terminal any more
		}
	};
	const restore = () => {
		setRaw(false);
		write(LEAVE);
	};
	const handlers = ENDING_SIGNALS.map(signal => {
		const handler = () => {
			restore();
			process.exit(128 + SIGNAL_NUMBERS[signal]);
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	// any other way out before the hand-over (an exception while loading) leaves it right too
	process.on('exit', restore);
	const handOver = () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
		process.off('exit', restore);
	};
	setRaw(true);
	write(ENTER + firstFrameBytes(paint));
	return {
		handOver,
		restore() {
			handOver();
			restore();
		},
	};
}
