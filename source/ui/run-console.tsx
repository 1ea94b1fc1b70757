// Opens the console on the terminal: the alternate screen (the user's scrollback stays
// untouched), Ink with incremental rendering, and the terminal restored on every way out.
import React from 'react';
import {render} from 'ink';
import type {Safety} from '../config/connection.js';
import type {AirflowClient} from '../airflow/client.js';
import {App} from './app.js';
import type {Thresholds} from '../live/health-history.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

export async function runConsole(client: AirflowClient, label: string, safety: Safety, refreshMs?: number, thresholds?: Thresholds): Promise<number> {
	const stdout = process.stdout;
	const tty = stdout.isTTY;
	const restore = () => {
		if (tty) stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
	};
	if (tty) stdout.write(ENTER_ALT_SCREEN);
	process.once('exit', restore);
	try {
		const instance = render(<App client={client} label={label} safety={safety} refreshMs={refreshMs} thresholds={thresholds} />, {
			exitOnCtrlC: false, // the keymap's quit handles Ctrl-C, so the screen is restored
			// Off on purpose: Ink 6.8.0's incremental renderer moves every frame one line down
			// when the frame is shorter than the terminal (it returns the cursor one line short of
			// the frame's top after a trailing newline). Seen here with a 3-line app in tmux; the
			// standard renderer rewrites the frame correctly. Turn on once Ink fixes it.
			incrementalRendering: false,
			patchConsole: true,
		});
		await instance.waitUntilExit();
		return 0;
	} finally {
		restore();
		process.off('exit', restore);
	}
}
