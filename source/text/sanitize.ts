// Strings from the server are data. Before one reaches the terminal, every escape sequence
// (CSI colours and cursor moves, OSC titles and hyperlinks, DCS, ...) and every other
// control character goes, so a DAG description cannot recolour, retitle or clear the screen.

// ESC followed by: CSI (ESC [ ... final byte), OSC/DCS/SOS/PM/APC (terminated by BEL or ST),
// or a single-character escape. C1 controls (U+0080-U+009F) act like ESC-sequences too.
const ESCAPE_SEQUENCE =
	/\u001b\[[0-?]*[ -/]*(?:[@-~]|$)|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\|$)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u009d\u009e\u009f][\s\S]*?(?:\u0007|\u009c|\u001b\\|$)|\u001b[\s\S]?/g;
// Every C0 control but tab and newline, DEL, and the remaining C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes escape sequences and control characters; keeps tabs, newlines and all printable Unicode. */
export function sanitize(text: string): string {
	return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** For one table cell or header line: also folds newlines and tabs into spaces. */
export function sanitizeLine(text: string | null | undefined): string {
	if (!text) return '';
	return sanitize(text).replace(/[\t\r\n]+/g, ' ');
}
