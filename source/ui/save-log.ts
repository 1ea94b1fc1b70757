// `s` in the log view: the whole log, as fetched so far and sanitised (no escape sequence to
// replay when someone cats the file), written where the user started windsock, or to the
// temporary directory when that is not writable. Mode 0600: a log can hold what a task printed
// of its secrets. The name says what it holds: DAG, run, task, try.
import {chmod, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sanitize} from '../text/sanitize.js';

const SAFE = /[^A-Za-z0-9._-]+/g;

export function logFileName(task: {dagId: string; runId: string; taskId: string; mapIndex: number}, tryNumber: number): string {
	const part = (value: string) =>
		value
			.replace(SAFE, '_')
			.replace(/^[._]+/, '')
			.slice(0, 80) || '_';
	const mapped = task.mapIndex >= 0 ? `-${task.mapIndex}` : '';
	return `${part(task.dagId)}__${part(task.runId)}__${part(task.taskId)}${mapped}__try${tryNumber}.log`;
}

/** Writes the log; returns the path written. Tries `dirs` in turn (default: cwd, then $TMPDIR). */
export async function saveLog(text: string, name: string, dirs: string[] = [process.cwd(), tmpdir()]): Promise<string> {
	let failure: unknown;
	for (const dir of dirs) {
		const path = join(dir, name);
		try {
			await writeFile(path, sanitize(text), {mode: 0o600});
			// an existing file keeps its old mode on writeFile: set it
			await chmod(path, 0o600);
			return path;
		} catch (error) {
			failure = error;
		}
	}
	throw failure;
}
