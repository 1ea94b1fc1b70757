// windsock's own words for a command line it cannot take: the option or command it does not
// know, the nearest one it does (a typo), and the usage line to type instead. parseArgs'
// messages talk about positionals and '--', which is not what the user got wrong.
import type {Command} from '../commands/command.js';
import {GLOBAL_OPTIONS} from './global-options.js';

/** Edit distance, for "did you mean": small words, so the plain table is fine. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = row;
	}
	return previous[b.length]!;
}

/** The closest known word within two edits, if there is one. */
export function nearest(word: string, known: Iterable<string>): string | undefined {
	let best: {word: string; distance: number} | undefined;
	for (const candidate of known) {
		const distance = editDistance(word, candidate);
		if (distance <= 2 && (!best || distance < best.distance)) best = {word: candidate, distance};
	}
	return best?.word;
}

export const GLOBAL_USAGE = 'usage: windsock [options] | windsock COMMAND [options] ... (windsock --help lists them)';

const usageOf = (command: Command | undefined) => (command ? `usage: windsock ${command.usage}\n(windsock help ${command.name} describes every option)` : GLOBAL_USAGE);

/**
 * The message for one of parseArgs' errors, or undefined for one it does not know. `typed`
 * is the option as parseArgs quoted it (--colour, -x, --since <value>).
 */
export function parseErrorMessage(code: string, message: string, command: Command | undefined): string | undefined {
	const quoted = /'([^']+)'/.exec(message)?.[1];
	if (!quoted) return undefined;
	const option = quoted.split(' ')[0]!;
	if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
		const names = Object.keys({...GLOBAL_OPTIONS, ...command?.options}).map(name => `--${name}`);
		const guess = option.startsWith('--') ? nearest(option, names) : undefined;
		const where = command ? `${command.name} has no option ${option}` : `unknown option ${option}`;
		return `${where}${guess ? ` (did you mean ${guess}?)` : ''}\n${usageOf(command)}`;
	}
	if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
		const what = /argument missing/.test(message) ? `${option} needs a value` : `${option} takes no value`;
		return `${what}\n${usageOf(command)}`;
	}
	return undefined;
}

export function unknownCommandMessage(name: string, commands: readonly Command[]): string {
	const guess = nearest(
		name,
		commands.map(command => command.name),
	);
	return `unknown command "${name}"${guess ? ` (did you mean ${guess}?)` : ''}\n${GLOBAL_USAGE}`;
}
