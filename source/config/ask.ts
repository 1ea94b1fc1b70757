// Plain questions on the terminal (stderr, so stdout stays the command's output): a line, or
// yes/no with a default. Secrets are asked by prompt.ts instead, which does not echo.
import {createInterface} from 'node:readline/promises';

/** One line typed by the user, trimmed. */
export async function askLine(question: string): Promise<string> {
	const prompt = createInterface({input: process.stdin, output: process.stderr});
	try {
		return (await prompt.question(question)).trim();
	} finally {
		prompt.close();
	}
}

/** y or yes (any case) is yes; an empty answer takes the default, shown as [Y/n] or [y/N]. */
export async function askYesNo(question: string, fallback = false): Promise<boolean> {
	const answer = await askLine(`${question} ${fallback ? '[Y/n]' : '[y/N]'} `);
	return answer === '' ? fallback : /^y(es)?$/i.test(answer);
}
