// The API generation and version each server last answered with, per base URL, so the next
// connection can send its first reads alongside the version probe instead of after it: one
// round trip less before any data for the console and `health` (#12: over a slow link the
// probe was a whole round trip of its own), and for every command on 2.x, whose probe asked
// /api/v2 first and took two. Only a hint: every connection still probes, and a read sent
// ahead counts only when the probe agrees (AirflowClient.connectAhead).
//
// Kept as servers.json in windsock's state directory ($WINDSOCK_STATE_DIR, else
// $XDG_STATE_HOME/windsock, else ~/.local/state/windsock), owner-only, at most MAX_SERVERS,
// newest first; the key is the URL without user, password, query or fragment. A file that
// cannot be read or written is no memory at all: the connection probes first, as it always did.
import {randomBytes} from 'node:crypto';
import {closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ServerInfo} from './model.js';

export type ServerMemory = {
	recall(baseUrl: URL): ServerInfo | undefined;
	remember(baseUrl: URL, server: ServerInfo): void;
};

export const MAX_SERVERS = 32;

/** The URL a server is remembered by: scheme, host, port and path only. */
export function serverKey(baseUrl: URL): string {
	return `${baseUrl.protocol}//${baseUrl.host}${baseUrl.pathname}`;
}

type Entries = Record<string, ServerInfo>;

function isServerInfo(value: unknown): value is ServerInfo {
	if (!value || typeof value !== 'object') return false;
	const record = value as Record<string, unknown>;
	return (record['generation'] === 'v1' || record['generation'] === 'v2') && typeof record['version'] === 'string' && (record['gitVersion'] === null || typeof record['gitVersion'] === 'string');
}

/** The remembered servers in a file's text; anything unreadable is left out. */
export function parseEntries(text: string): Entries {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return {};
	}
	const entries: Entries = {};
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return entries;
	for (const [key, value] of Object.entries(parsed)) {
		if (isServerInfo(value)) entries[key] = {generation: value.generation, version: value.version, gitVersion: value.gitVersion};
	}
	return entries;
}

/** The entries with this server first, the oldest beyond MAX_SERVERS dropped; the same object when nothing changed. */
export function withServer(entries: Entries, key: string, server: ServerInfo): Entries {
	const known = entries[key];
	const first = Object.keys(entries)[0];
	if (known && first === key && known.generation === server.generation && known.version === server.version && known.gitVersion === server.gitVersion) return entries;
	const next: Entries = {[key]: {generation: server.generation, version: server.version, gitVersion: server.gitVersion}};
	for (const [other, info] of Object.entries(entries)) {
		if (Object.keys(next).length >= MAX_SERVERS) break;
		if (other !== key) next[other] = info;
	}
	return next;
}

/** windsock's state directory: what it keeps between runs that may be lost at no cost. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env['WINDSOCK_STATE_DIR']) return env['WINDSOCK_STATE_DIR'];
	return path.join(env['XDG_STATE_HOME'] || path.join(os.homedir(), '.local', 'state'), 'windsock');
}

/** The memory in a file. */
export function fileServerMemory(file: string): ServerMemory {
	const read = (): Entries => {
		try {
			return parseEntries(readFileSync(file, 'utf8'));
		} catch {
			return {};
		}
	};
	return {
		recall: baseUrl => read()[serverKey(baseUrl)],
		remember(baseUrl, server) {
			const entries = read();
			const next = withServer(entries, serverKey(baseUrl), server);
			if (next === entries) return;
			// written whole and renamed over: two windsocks finishing at once leave one file or
			// the other, never half of each; 'wx' and a random name: a fresh file of our own,
			// 0600 from the start, never one (or a link) that was there already
			const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
			try {
				mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
				const fd = openSync(temporary, 'wx', 0o600);
				try {
					writeSync(fd, `${JSON.stringify(next, null, '\t')}\n`);
				} finally {
					closeSync(fd);
				}
				renameSync(temporary, file);
			} catch {
				// a read-only home: the next connection probes first, as before
				try {
					rmSync(temporary, {force: true});
				} catch {
					// there was no directory to leave it in
				}
			}
		},
	};
}

/** No memory: every connection probes before it reads. */
export const NO_SERVER_MEMORY: ServerMemory = {recall: () => undefined, remember: () => {}};

/** servers.json in the state directory; no memory at all where there is no directory to name (no home). */
export function defaultServerMemory(): ServerMemory {
	try {
		return fileServerMemory(path.join(stateDir(), 'servers.json'));
	} catch {
		return NO_SERVER_MEMORY;
	}
}
