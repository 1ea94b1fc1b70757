// Asks for a secret on the terminal without echoing it. The terminal is in raw mode while it
// asks, so every way out gives it back: Enter, Ctrl-C, and a signal (SIGHUP, SIGTERM,
// SIGQUIT, SIGINT) that would otherwise leave the shell with no echo. Ctrl-Z stops with the
// terminal restored and asks again after `fg`.
import os from 'node:os';
import type {ReadStream} from 'node:tty';

const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGINT'] as const;

export async function promptSecret(question: string, input: ReadStream = process.stdin as ReadStream, output: NodeJS.WriteStream = process.stderr): Promise<string> {
	if (!input.isTTY) throw new Error('no terminal to ask for the password on');
	output.write(question);
	input.setRawMode(true);
	input.resume();
	input.setEncoding('utf8');
	return new Promise((resolve, reject) => {
		let secret = '';
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
			cooked();
			input.pause();
			input.off('data', onData);
			for (const [signal, handler] of signalHandlers) process.off(signal, handler);
			process.off('SIGTSTP', suspend);
			process.off('SIGCONT', onContinue);
			process.off('exit', cooked);
			output.write('\n');
			if (error) reject(error);
			else resolve(secret);
		};
		const onData = (chunk: string) => {
			for (const char of chunk) {
				if (char === '\r' || char === '\n') return finish();
				if (char === '\u0003') return finish(new Error('cancelled'));
				if (char === '\u001a')
					suspend(); // Ctrl-Z: a byte in raw mode, not a signal
				else if (char === '\u007f' || char === '\b') secret = secret.slice(0, -1);
				else if (char >= ' ') secret += char;
			}
		};
		for (const [signal, handler] of signalHandlers) process.on(signal, handler);
		process.on('SIGTSTP', suspend);
		process.on('SIGCONT', onContinue);
		process.on('exit', cooked);
		input.on('data', onData);
	});
}
