// What every scriptable command gets: its arguments, the parsed flags, an Output, and a way
// to connect and to ask for confirmation that obey the profile's safety settings.
import {readFile} from 'node:fs/promises';
import type {ParseArgsConfig} from 'node:util';
import {AirflowError} from '../airflow/errors.js';
import {askYesNo} from '../config/ask.js';
import {ConfigError, type ConnectionFlags} from '../config/connection.js';
import type {AirflowClient} from '../airflow/client.js';
import {openClient, openClientAndRead, type OpenedClient, type OpenOptions} from '../config/open-client.js';
import type {Thresholds} from '../live/health-history.js';
import type {FlagValues} from './flags.js';
import type {Output} from './output.js';

export type CommandContext = {
	/** positionals after the command's name */
	args: string[];
	values: FlagValues;
	flags: ConnectionFlags;
	thresholds: Thresholds;
	/** --refresh: how often the console polls (undefined: its default) */
	refreshMs: number | undefined;
	out: Output;
	connect(options?: OpenOptions): Promise<OpenedClient>;
	/** connect, and a first read that goes out with the version probe where the server is known */
	connectAndRead<T>(options: OpenOptions, read: (client: AirflowClient, signal?: AbortSignal) => Promise<T>): Promise<OpenedClient & {first: T}>;
	/**
	 * Asks before a change. True without asking with --yes or for a profile whose
	 * confirmations are off (never a production one); refuses without a terminal.
	 */
	confirm(opened: OpenedClient, question: string): Promise<boolean>;
};

/**
 * One option as parseArgs reads it, plus what `help COMMAND` and the shell completion say
 * about it: every flag has a one-line explanation (the compiler insists).
 */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
	/** one line: what the flag does */
	help: string;
	/** the value's placeholder in help (string options; default VALUE) */
	value?: string;
};

/** A command line a user could type, and what it does; the first word is not "windsock". */
export type Example = [commandLine: string, what: string];

export type Command = {
	name: string;
	/** one line for --help */
	usage: string;
	summary: string;
	options: Record<string, OptionSpec>;
	/** the words that may follow the name (variables list|get|...), for the completion */
	actions?: string[];
	/** at least one, shown by `windsock help COMMAND` */
	examples: [Example, ...Example[]];
	run(context: CommandContext): Promise<number>;
};

export function makeContext(args: string[], values: FlagValues, flags: ConnectionFlags, thresholds: Thresholds, out: Output, refreshMs?: number): CommandContext {
	return {
		args,
		values,
		flags,
		thresholds,
		refreshMs,
		out,
		connect: options => openClient(flags, message => out.note(message), options),
		connectAndRead: (options, read) => openClientAndRead(flags, message => out.note(message), options, read),
		async confirm(opened, question) {
			if (values['yes']) return true;
			if (!opened.safety.confirm) {
				out.note(`(${question} yes: confirmations are off for profile ${opened.label})`);
				return true;
			}
			if (!process.stdin.isTTY) {
				throw new ConfigError(`${question} There is no terminal to ask on: pass --yes to go ahead`);
			}
			const marker = opened.safety.production ? `[PRODUCTION ${opened.label}] ` : '';
			return askYesNo(`${marker}${question}`);
		},
	};
}

/**
 * Standard input read as a stream until it ends. Not readFileSync(0): on a pipe whose writer
 * is still working (vault read ... | windsock ...), a non-blocking fd answers EAGAIN.
 */
export async function readStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/** The text of a file, or of stdin for "-"; a ConfigError naming it when it cannot be read. */
export async function readSource(source: string): Promise<string> {
	try {
		return source === '-' ? await readStdin() : await readFile(source, 'utf8');
	} catch (error) {
		throw new ConfigError(`cannot read ${sourceName(source)}: ${(error as Error).message}`);
	}
}

export const sourceName = (source: string) => (source === '-' ? 'stdin' : source);

/** Exactly `count` positionals, or a usage error. */
export function expectArgs(context: CommandContext, command: Command, min: number, max = min): string[] {
	if (context.args.length < min || context.args.length > max) throw new ConfigError(`usage: windsock ${command.usage}`);
	return context.args;
}

/** The value, or undefined when the server says 404; any other failure is thrown on. */
export async function unlessNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
	try {
		return await promise;
	} catch (error) {
		if (error instanceof AirflowError && error.status === 404) return undefined;
		throw error;
	}
}
