// Asks for a secret on the terminal without echoing it. The terminal is in raw mode while it
// asks, so every way out gives it back: Enter, Ctrl-C, and a signal (SIGHUP, SIGTERM,
// SIGQUIT, SIGINT) that would otherwise leave the shell with no echo. Ctrl-Z stops with the
// terminal restored and asks again after `fg`. The line edits as a shell's does (arrows,
// Home/End, Ctrl-A/E/U/K/W, Backspace, Delete: secret-line.ts), every key of a chunk in
// order, and an escape sequence never ends up inside the secret (terminal-keys.ts).
import os from 'node:os';
import type {ReadStream} from 'node:tty';
import {EMPTY_LINE, editSecret} from './secret-line.js';
import {decodeKeys} from './terminal-keys.js';

const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'] as const;

export async function promptSecret(question: string, input: ReadStream = process.stdin as ReadStream, output: NodeJS.WriteStream = process.stderr): Promise<string> {
	if (!input.isTTY) throw new Error('no terminal to ask for the password on');
	output.write(question);
	input.setRawMode(true);
	input.resume();
	input.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		let line = EMPTY_LINE;
		// the start of an escape sequence cut off at the end of the last chunk
		let pending = '';
		let finished = false;
		let stopped = false;
		const cooked = () => {
			try {
				input.setRawMode(false);
			} catch {
				// the terminal hung up
			}
		};
		const onSignal = (signal: NodeJS.Signals) => {
			cooked();
			process.exit(128 + (os.constants.signals[signal] ?? 0));
		};
		const signalHandlers = ENDING_SIGNALS.map(signal => [signal, () => onSignal(signal)] as const);
		const onContinue = () => {
			if (!stopped) return;
			stopped = false;
			input.setRawMode(true);
			output.write(`\n${question}`);
		};
		const suspend = () => {
			stopped = true;
			cooked();
			output.write('\n');
			process.kill(process.pid, 'SIGSTOP');
		};
		const finish = (error?: Error) => {
			finished = true;
			cooked();
			input.pause();
			input.off('data', onData);
			for (const [signal, handler] of signalHandlers) process.off(signal, handler);
			process.off('SIGTSTP', suspend);
			process.off('SIGCONT', onContinue);
			process.off('exit', cooked);
			output.write('\n');
			if (error) reject(error);
			else resolve(line.chars.join(''));
		};
		const onData = (chunk: string) => {
			const {keys, rest} = decodeKeys(pending + chunk);
			pending = rest;
			for (const key of keys) {
				if (finished) return;
				if (key.kind === 'suspend') {
					suspend();
					continue;
				}
				const edit = editSecret(line, key);
				line = edit.line;
				if (edit.done === 'submit') finish();
				else if (edit.done === 'cancel') finish(new Error('cancelled'));
			}
		};
		for (const [signal, handler] of signalHandlers) process.on(signal, handler);
		process.on('SIGTSTP', suspend);
		process.on('SIGCONT', onContinue);
		process.on('exit', cooked);
		input.on('data', onData);
	});
}
