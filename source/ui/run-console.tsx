// Opens the console on the terminal: the alternate screen (the user's scrollback stays
// untouched), Ink, and ONE terminal lifecycle: on every way out (q, Ctrl-C, SIGTERM, SIGHUP,
// SIGQUIT, SIGINT, an uncaught error) the alternate screen is left, the cursor shown and raw
// mode turned off; Ctrl-Z (a key in raw mode, or SIGTSTP) does the same before stopping, and
// SIGCONT (`fg`) re-enters raw mode and the alternate screen and redraws the whole frame.
import {writeSync} from 'node:fs';
import os from 'node:os';
import {useEffect, type ReactNode} from 'react';
import {render, useStdout} from 'ink';
import type {Safety} from '../config/connection.js';
import type {AirflowClient} from '../airflow/client.js';
import {App} from './app.js';
import type {Thresholds} from '../live/health-history.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';
const CURSOR_HOME = '\u001b[H';
const CTRL_Z = '\u001a';

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

export async function runConsole(client: AirflowClient, label: string, safety: Safety, refreshMs?: number, thresholds?: Thresholds): Promise<number> {
	const stdout = process.stdout;
	const stdin = process.stdin;
	const tty = stdout.isTTY;
	let redraw = () => {};
	let suspended = false;
	let unmount = () => {};

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
		if (tty) writeNow(SHOW_CURSOR + LEAVE_ALT_SCREEN);
	};
	const enter = () => {
		if (tty) writeNow(ENTER_ALT_SCREEN + HIDE_CURSOR + CURSOR_HOME);
	};

	// Ink unmounts itself on exit too (signal-exit), but later: it would then draw its last
	// frame on the main screen. So it goes first, inside the alternate screen.
	const end = () => {
		try {
			unmount();
		} catch {
			// a broken render must not stop the terminal being restored
		}
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
		redraw();
	};

	// In raw mode Ctrl-Z is a byte, not a signal: take it out of what Ink reads, and suspend.
	const read = stdin.read;
	stdin.read = function (this: typeof stdin, ...args: Parameters<typeof stdin.read>) {
		const chunk: unknown = read.apply(this, args);
		if (typeof chunk !== 'string' || !chunk.includes(CTRL_Z)) return chunk;
		setImmediate(suspend);
		return chunk.replaceAll(CTRL_Z, '');
	};

	const handlers: [string, (...args: unknown[]) => void][] = [
		...ENDING_SIGNALS.map(signal => [signal, () => onEndingSignal(signal)] as [string, () => void]),
		['SIGTSTP', suspend],
		['SIGCONT', onContinue],
		['uncaughtException', onFatal],
		['unhandledRejection', onFatal],
		['exit', end],
	];
	for (const [event, handler] of handlers) process.on(event, handler);

	enter();
	try {
		const instance = render(
			<Redraw register={fn => (redraw = fn)}>
				<App client={client} label={label} safety={safety} refreshMs={refreshMs} thresholds={thresholds} />
			</Redraw>,
			{
				exitOnCtrlC: false, // the keymap's quit handles Ctrl-C, so the screen is restored
				// Off on purpose: Ink 6.8.0's incremental renderer moves every frame one line down
				// when the frame is shorter than the terminal (it returns the cursor one line short of
				// the frame's top after a trailing newline). Seen here with a 3-line app in tmux; the
				// standard renderer rewrites the frame correctly. Turn on once Ink fixes it.
				incrementalRendering: false,
				patchConsole: true,
			},
		);
		unmount = () => instance.unmount();
		await instance.waitUntilExit();
		return 0;
	} finally {
		restore();
		stdin.read = read;
		for (const [event, handler] of handlers) process.off(event, handler);
	}
}
