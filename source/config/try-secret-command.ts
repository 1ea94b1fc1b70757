// Runs a profile's passwordCommand or tokenCommand once, for `profiles add` to try the login
// before it saves the profile: an array runs with no shell, a string through /bin/sh; its
// trimmed stdout is the secret. On failure the message carries the command's stderr (cut),
// never its stdout, which may be the secret. (The connection itself runs these commands in
// the secrets layer; this is only the one try at setup time.)
import {execFile} from 'node:child_process';
import {ConfigError} from './errors.js';

export const SECRET_COMMAND_TIMEOUT_MS = 15_000;

export function describeCommand(command: string | string[]): string {
	return Array.isArray(command) ? command.join(' ') : command;
}

export function runSecretCommand(command: string | string[], timeoutMs = SECRET_COMMAND_TIMEOUT_MS): Promise<string> {
	const [file, args] = Array.isArray(command) ? [command[0]!, command.slice(1)] : ['/bin/sh', ['-c', command]];
	return new Promise((resolve, reject) => {
		execFile(file, args, {timeout: timeoutMs, maxBuffer: 1024 * 1024, encoding: 'utf8'}, (error, stdout, stderr) => {
			const said = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300);
			if (error) {
				const why = error.killed ? `no answer within ${timeoutMs / 1000}s` : `it failed (${error.code ?? error.message})`;
				reject(new ConfigError(`the command \`${describeCommand(command)}\`: ${why}${said ? `: ${said}` : ''}`));
				return;
			}
			const secret = stdout.trim();
			if (!secret) reject(new ConfigError(`the command \`${describeCommand(command)}\` printed nothing${said ? `: ${said}` : ''}`));
			else resolve(secret);
		});
	});
}
