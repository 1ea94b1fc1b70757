// Copying to the user's own clipboard with OSC 52: the terminal (local, or at the far end of
// ssh) sets its clipboard from ESC ] 52 ; c ; <base64> BEL. This is the one module that
// writes that sequence, and only a key the user pressed calls it (the `y` and `L` bindings):
// a string from the server never becomes a clipboard write, because sanitize.ts strips every
// OSC from server text and the copied text itself must hold no control character at all.
// tmux: with `set -g set-clipboard on` tmux takes the sequence as it is, keeps it as a paste
// buffer and passes it on to the outer terminal; with the default `external` an application
// cannot set it (README: "Copy and link"). The sequence is not wrapped in tmux's DCS
// passthrough, which `allow-passthrough` (off by default) would otherwise have to let through.

import {sanitize} from '../text/sanitize.js';

/** Bytes of text one copy takes: terminals refuse (or truncate) much longer OSC 52 payloads. */
export const COPY_LIMIT = 8192;

// C0 controls (tab and newline included: one id or line is copied, never a block), DEL, C1
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type CopyVerdict = {ok: true; sequence: string} | {ok: false; reason: string};

/** The OSC 52 sequence that puts `text` on the clipboard, or why it must not be written. */
export function osc52(text: string): CopyVerdict {
	if (text === '') return {ok: false, reason: 'nothing to copy'};
	if (CONTROL.test(text)) return {ok: false, reason: 'it holds control characters'};
	const bytes = Buffer.from(text, 'utf8');
	if (bytes.length > COPY_LIMIT) return {ok: false, reason: `it is longer than ${COPY_LIMIT} bytes`};
	// what is pasted must be what was seen: an id the screen shows cleaned (bidi overrides,
	// zero-width characters, line separators) would paste as something else
	if (sanitize(text) !== text) return {ok: false, reason: 'it holds characters the screen does not show (bidi controls, zero-width, line separators)'};
	return {ok: true, sequence: `\u001b]52;c;${bytes.toString('base64')}\u0007`};
}

/** Where the sequence goes: the console's terminal, past the frame (FrameWriter.control). */
export type TerminalControl = (sequence: string) => void;

/** Copies `text` through `write`; returns the footer's words for what happened. */
export function copyText(write: TerminalControl | undefined, text: string, what: string): {ok: boolean; notice: string} {
	if (!write) return {ok: false, notice: `cannot copy ${what}: not on a terminal`};
	const verdict = osc52(text);
	if (!verdict.ok) return {ok: false, notice: `did not copy ${what}: ${verdict.reason}`};
	write(verdict.sequence);
	return {ok: true, notice: `copied ${what}`};
}
