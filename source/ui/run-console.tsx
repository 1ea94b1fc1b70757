// Opens the console on the terminal: the alternate screen (the user's scrollback stays
// untouched), Ink, and ONE terminal lifecycle: on every way out (q, Ctrl-C, SIGTERM, SIGHUP,
// SIGQUIT, SIGINT, an uncaught error) the alternate screen is left, the cursor shown and raw
// mode turned off; Ctrl-Z (a key in raw mode, or SIGTSTP) does the same before stopping, and
// SIGCONT (`fg`) re-enters raw mode and the alternate screen and redraws the whole frame.
// On a terminal Ink renders into a FrameWriter, which sends only the rows that changed; it
// repaints whole on resize, on Ctrl-L, and after anything else wrote to the terminal.
import {writeSync} from 'node:fs';
import os from 'node:os';
import {useEffect, type ReactNode} from 'react';
import {render, useStdout} from 'ink';
import {ConsoleRoot, type ConsoleSetup} from './console-root.js';
import type {PaintedTerminal} from './first-paint.js';
import {FrameWriter} from './frame-writer.js';
import {startHeapTrim} from './heap-trim.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';
const CURSOR_HOME = '\u001b[H';
// Auto-wrap off while the console runs: the first frame after a resize can still be laid out
// for the old width, and a wrapped row would shift every row below it (or scroll the screen)
// where the FrameWriter's absolute rows cannot follow. Clipped, it is only briefly cut short.
const NO_WRAP = '\u001b[?7l';
const WRAP = '\u001b[?7h';
const CTRL_Z = '\u001a';
const CTRL_L = '\u000c';
const CTRL_D = '\u0004';
const DELETE_KEY = '\u001b[3~';

/** Signals that end the console; each exits 128 + its number, as a shell reports it. */
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'] as const;

/** Writes straight to the terminal, now: a signal handler exits right after, and on SIGHUP the terminal may be gone. */
function writeNow(text: string): void {
	try {
		writeSync(process.stdout.fd, text);
	} catch {
		// the terminal hung up: nothing left to restore on it
	}
}

/** Hands Ink's own writer to the lifecycle: writing '' through it makes Ink write its whole last frame again. */
function Redraw(props: {register: (redraw: () => void) => void; children: ReactNode}) {
	const {write} = useStdout();
	useEffect(() => props.register(() => write('')), [write]);
	return <>{props.children}</>;
}

/** `painted`: the first frame is on the screen already (first-paint.ts), in the alternate screen and raw mode. */
export async function runConsole(setup: ConsoleSetup, painted?: PaintedTerminal): Promise<number> {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const tty = stdout.isTTY;
	let redraw = () => {};
	let suspended = false;
	let unmount = () => {};
	const writer = tty ? new FrameWriter(stdout) : undefined;

	const setRaw = (on: boolean) => {
		try {
			if (stdin.isTTY && stdin.isRaw !== on) stdin.setRawMode(on);
		} catch {
			// no terminal any more (SIGHUP)
		}
	};
	/** The terminal as the shell wants it: raw mode off, cursor shown, main screen. */
	const restore = () => {
		setRaw(false);
		if (tty) writeNow(WRAP + SHOW_CURSOR + LEAVE_ALT_SCREEN);
	};
	const enter = () => {
		if (tty) writeNow(ENTER_ALT_SCREEN + NO_WRAP + HIDE_CURSOR + CURSOR_HOME);
	};

	// Ink unmounts itself on exit too (signal-exit), but later: it would then draw its last
	// frame on the main screen. So it goes first, inside the alternate screen.
	let ended = false;
	const end = () => {
		// once: a signal handler ends and then exits, and the 'exit' handler must not write again
		if (ended) return;
		ended = true;
		try {
			unmount();
		} catch {
			// a broken render must not stop the terminal being restored
		}
		writer?.stop();
		restore();
	};
	const onEndingSignal = (signal: NodeJS.Signals) => {
		end();
		process.exit(128 + (os.constants.signals[signal] ?? 0));
	};
	const onFatal = (error: unknown) => {
		end();
		process.stderr.write(`windsock: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	};
	// Stops the process with the terminal handed back; SIGSTOP, because SIGTSTP is ours.
	const suspend = () => {
		if (suspended) return;
		suspended = true;
		restore();
		process.kill(process.pid, 'SIGSTOP');
	};
	const onContinue = () => {
		if (!suspended) return;
		suspended = false;
		setRaw(true);
		enter();
		if (writer) writer.repaint();
		else redraw();
	};

	// In raw mode Ctrl-Z is a byte, not a signal: take it out of what Ink reads, and suspend.
	// Ctrl-L (repaint the screen, as in a shell) is taken out here too: it is the terminal's
	// business, not a pane's, so it needs no entry in the keymap.
	const read = stdin.read;
	const heapTrim = startHeapTrim();
	stdin.read = function (this: typeof stdin, ...args: Parameters<typeof stdin.read>) {
		const raw: unknown = read.apply(this, args);
		if (raw !== null) heapTrim.activity();
		// the Delete key reaches the panes as Ctrl-D: Ink reports it as 'delete', the name it gives
		// Backspace too, and a form's field must delete forward on it (text-edit.ts)
		const chunk = typeof raw === 'string' && raw.includes(DELETE_KEY) ? raw.replaceAll(DELETE_KEY, CTRL_D) : raw;
		if (typeof chunk !== 'string' || !(chunk.includes(CTRL_Z) || chunk.includes(CTRL_L))) return chunk;
		if (chunk.includes(CTRL_Z)) setImmediate(suspend);
		else setImmediate(() => writer?.repaint());
		return chunk.replaceAll(CTRL_Z, '').replaceAll(CTRL_L, '');
	};

	// Whatever reaches the terminal through stderr (a warning, Ink's patched console.error)
	// lands on top of our frame: the diff would not know, so paint whole after it.
	const stderrWrite = process.stderr.write;
	if (writer && process.stderr.isTTY) {
		process.stderr.write = function (this: typeof process.stderr, ...args: Parameters<typeof process.stderr.write>) {
			writer.invalidate();
			setImmediate(() => writer.repaint());
			return stderrWrite.apply(this, args);
		} as typeof process.stderr.write;
	}

	const handlers: [string, (...args: unknown[]) => void][] = [
		...ENDING_SIGNALS.map(signal => [signal, () => onEndingSignal(signal)] as [string, () => void]),
		['SIGTSTP', suspend],
		['SIGCONT', onContinue],
		['uncaughtException', onFatal],
		['unhandledRejection', onFatal],
		['exit', end],
	];
	for (const [event, handler] of handlers) process.on(event, handler);

	// after the first paint the screen is entered already: entering again would clear it
	if (painted) painted.handOver();
	else enter();
	try {
		const instance = render(
			<Redraw register={fn => (redraw = fn)}>
				<ConsoleRoot {...setup} terminalControl={writer ? sequence => writer.control(sequence) : undefined} />
			</Redraw>,
			{
				// Ink reads write(), columns, rows, isTTY and 'resize' from its stdout, all of which
				// the FrameWriter answers for the terminal; its type asks for a whole tty stream.
				stdout: writer ? (writer as unknown as NodeJS.WriteStream) : stdout,
				exitOnCtrlC: false, // the keymap's quit handles Ctrl-C, so the screen is restored
				// Off on purpose: Ink 6.8.0's incremental renderer moves every frame one line down
				// when the frame is shorter than the terminal (it returns the cursor one line short of
				// the frame's top after a trailing newline). Seen here with a 3-line app in tmux; the
				// standard renderer rewrites the frame correctly, and the FrameWriter turns its whole
				// frames into changed rows. Turn on once Ink fixes it, and drop the writer then.
				incrementalRendering: false,
				patchConsole: true,
			},
		);
		unmount = () => instance.unmount();
		await instance.waitUntilExit();
		return 0;
	} finally {
		heapTrim.stop();
		setup.monitor?.stop();
		writer?.stop();
		restore();
		stdin.read = read;
		process.stderr.write = stderrWrite;
		for (const [event, handler] of handlers) process.off(event, handler);
	}
}
