// Strings from the server are data. Before one reaches the terminal, every escape sequence
// (CSI colours and cursor moves, OSC titles, hyperlinks and clipboard writes, DCS, ...) and
// every other control character goes, so a DAG description cannot recolour, retitle or clear
// the screen. So do the invisible characters that let one string pass for another (bidi
// overrides, zero-width characters) and the Unicode line separators a terminal may break on.
// This file is the one boundary: every server string on screen passes through it.

// The sequences, 7-bit (ESC-introduced) and 8-bit (C1-introduced), each also when the string
// ends before its terminator: cutting a string must not leave half a sequence to the terminal.
// - CSI: ESC [ or U+009B, parameter bytes, intermediate bytes, one final byte.
// - OSC, DCS, SOS, PM, APC: ESC ] P X ^ _ or U+009D U+0090 U+0098 U+009E U+009F, any text,
//   up to BEL, ST (ESC \ or U+009C), the end of the line or the end of the string. Not past
//   a newline: one stray introducer in a log line (a raw U+009F in binary output) would hide
//   every line after it, and with the introducer gone the rest is plain text.
// - Any other escape: ESC, intermediate bytes, one final byte (charset switches, DECALN, ...).
import {PRINTABLE_ASCII} from './printable-ascii.js';

const ESCAPE_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\n]*?(?:\u0007|\u009c|\u001b\\|(?=\n)|$)|\u001b[ -/]*[0-~]?/g;

// Every C0 control but tab and newline, DEL, and every C1 control; then the invisible ones:
// bidi embeddings, overrides and isolates (U+202A-E, U+2066-9), the marks U+200E/F and
// U+061C, zero-width space/joiners (U+200B-D), word joiner and the invisible operators
// (U+2060-4), the deprecated format controls (U+206A-F), BOM/ZWNBSP (U+FEFF), and the line
// and paragraph separators (U+2028/9).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** Removes escape sequences, control and invisible characters; keeps tabs, newlines and all printable Unicode. */
export function sanitize(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** The longest text one line or table cell shows; a 100,000-character id took Ink a minute to measure every frame. */
export const LINE_LIMIT = 1000;

/** Cuts to at most `limit` UTF-16 units with a trailing …, never inside a surrogate pair. */
export function capLength(text: string, limit = LINE_LIMIT): string {
	if (text.length <= limit) return text;
	let end = limit - 1;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose pair would be cut off
	return `${text.slice(0, end)}…`;
}

/**
 * For one table cell or header line: also folds newlines and tabs into spaces and caps the
 * length, so nothing downstream measures or wraps a huge string.
 */
export function sanitizeLine(text: string | null | undefined): string {
	if (!text) return '';
	// printable ASCII holds nothing to remove, fold or cut: most cells (ids, dates, states),
	// passed here for every row on every render
	if (text.length <= LINE_LIMIT && PRINTABLE_ASCII.test(text)) return text;
	// Cut the raw text first (a 10 MB field should not be scanned on every render); a
	// sequence cut in half is still removed, as an unterminated one.
	const raw = text.length > LINE_LIMIT * 8 ? text.slice(0, LINE_LIMIT * 8) : text;
	return capLength(sanitize(raw).replace(/[\t\r\n]+/g, ' '));
}
