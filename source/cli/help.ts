// Every help text windsock prints, written from the tables: the command table
// (commands/index.ts: usage, summary, each option's one-line help, examples) and the global
// options (global-options.ts). Nothing here is hand-written per command, so a new flag or
// command shows up in `--help`, `help COMMAND` and `COMMAND --help` by being declared.
import type {Command, OptionSpec} from '../commands/command.js';
import {COMMANDS} from '../commands/index.js';
import {VERSION} from '../version.js';
import {GLOBAL_OPTIONS} from './global-options.js';

const WIDTH = 80;
/** the widest first column before descriptions move to their own line */
const MAX_FORM = 30;

/** How an option is typed: "-y, --yes", "--since WINDOW", "--task T..." (repeatable). */
export function optionForm(name: string, option: OptionSpec): string {
	const short = option.short ? `-${option.short}, ` : '';
	const value = option.type === 'string' ? ` ${option.value ?? 'VALUE'}${option.multiple ? '...' : ''}` : '';
	return `${short}--${name}${value}`;
}

function wrap(text: string, indent: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && indent + line.length + 1 + word.length > WIDTH) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
}

/** Two columns, descriptions aligned and wrapped at 80 columns. */
export function twoColumns(rows: Array<[string, string]>): string {
	const width = Math.min(MAX_FORM, Math.max(...rows.map(([form]) => form.length))) + 4;
	return rows
		.flatMap(([form, description]) => {
			const [first = '', ...rest] = wrap(description, width);
			const pad = ' '.repeat(width);
			const head = form.length + 4 <= width ? [`  ${form.padEnd(width - 2)}${first}`] : [`  ${form}`, `${pad}${first}`];
			return [...head, ...rest.map(line => `${pad}${line}`)];
		})
		.join('\n');
}

const optionRows = (options: Record<string, OptionSpec>): Array<[string, string]> => Object.entries(options).map(([name, option]) => [optionForm(name, option), option.help]);

export function globalHelp(profilesFile: string): string {
	const usage: Array<[string, string]> = [
		['windsock [options]', 'open the console'],
		['windsock COMMAND [options] ...', 'run one command and exit'],
		['windsock help COMMAND', "a command's flags and examples (or COMMAND --help)"],
		...COMMANDS.map(command => [`windsock ${command.name}`, command.summary] as [string, string]),
	];
	return `windsock ${VERSION}: a terminal console for Apache Airflow 2.x and 3.x

Usage
${twoColumns(usage)}

Options
${twoColumns(optionRows(GLOBAL_OPTIONS))}

Secrets come from the environment, never from argv: WINDSOCK_PASSWORD or
WINDSOCK_TOKEN (a bearer token), or the variables a profile names. With a
username and neither, windsock asks for the password. Output: tables on a
terminal, --json for scripts; no colour when stdout is not a terminal or
NO_COLOR is set.
Profiles: ${profilesFile}
Shell completion: windsock completion bash|zsh|fish (windsock help completion).
`;
}

/** `windsock help COMMAND` and `windsock COMMAND --help`: usage, every flag, examples. */
export function commandHelp(command: Command): string {
	const sections = [`usage: windsock ${command.usage}\n${wrap(command.summary, 0).join('\n')}`];
	if (Object.keys(command.options).length) sections.push(`Options\n${twoColumns(optionRows(command.options))}`);
	sections.push(`Global options\n${twoColumns(optionRows(GLOBAL_OPTIONS))}`);
	sections.push(`Examples\n${command.examples.map(([line, what]) => `  windsock ${line}\n      ${wrap(what, 6).join('\n      ')}`).join('\n')}`);
	return `${sections.join('\n\n')}\n`;
}
