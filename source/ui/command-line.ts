// The `:` line: a pane by (a prefix of) its name, `env NAME` another environment (a
// profile), otherwise a DAG id whose runs open. Tab completes a pane name or, after `env `,
// a profile's name. Pure: unit-tested without Ink.
import type {PaneDefinition} from './panes/pane.js';

export type CommandTarget = {kind: 'pane'; id: string} | {kind: 'dag'; dagId: string} | {kind: 'env'; name: string} | {kind: 'none'};

/** `env NAME` (or `ctx NAME`, as in k9s): switch to that profile. */
const ENV_COMMAND = /^(?:env|ctx)\s+(\S.*)$/i;

/** What a pane answers to: its id, its name (with spaces or hyphens: `import-errors`, as typed in k9s), its short name. */
const words = (pane: PaneDefinition) => [pane.id, pane.name.toLowerCase(), pane.name.toLowerCase().replaceAll(' ', '-'), pane.short.toLowerCase()];

/** The panes whose id, name or short name begins with what was typed. */
export function paneCandidates(text: string, panes: readonly PaneDefinition[]): PaneDefinition[] {
	const wanted = text.trim().toLowerCase();
	if (!wanted) return [...panes];
	return panes.filter(pane => words(pane).some(word => word.startsWith(wanted)));
}

export function commandTarget(text: string, panes: readonly PaneDefinition[]): CommandTarget {
	const trimmed = text.trim();
	if (!trimmed) return {kind: 'none'};
	const environment = ENV_COMMAND.exec(trimmed);
	if (environment) return {kind: 'env', name: environment[1]!.trim()};
	const exact = panes.find(pane => words(pane).includes(trimmed.toLowerCase()));
	const pane = exact ?? paneCandidates(trimmed, panes)[0];
	return pane ? {kind: 'pane', id: pane.id} : {kind: 'dag', dagId: trimmed};
}

/**
 * Tab: the only candidate's name, or the longest prefix all candidates share. Candidates: the
 * panes, and the DAG ids (`dagIds`, those the server matched for the text) that begin with it.
 */
export function completeCommand(text: string, panes: readonly PaneDefinition[], environments: readonly string[] = [], dagIds: readonly string[] = []): string {
	const environment = /^(env|ctx)\s+(.*)$/i.exec(text.trimStart());
	if (environment) {
		const [, word, typed] = environment;
		const names = environments.filter(name => name.startsWith(typed!));
		return names.length ? `${word} ${commonPrefix(names)}` : text;
	}
	const typed = text.trim();
	const candidates = [...paneCandidates(text, panes).map(pane => pane.short.toLowerCase()), ...(typed ? dagIds.filter(id => id.startsWith(typed)) : [])];
	if (!typed || !candidates.length) return text;
	if (candidates.length === 1) return candidates[0]!;
	const prefix = commonPrefix(candidates);
	return prefix.length > text.trim().length ? prefix : text;
}

function commonPrefix(words: readonly string[]): string {
	let prefix = words[0]!;
	for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/**
 * `:name` when no pane is called that: the DAG's runs open once the server knows the DAG
 * (`exists`); a 404 stays where the user is and says what there is instead of opening an
 * empty Runs page; any other failure opens Runs, which says what went wrong.
 */
export function dagCommandOutcome(dagId: string, lookup: {exists: true} | {status: number | undefined}, panes: readonly PaneDefinition[]): {open: true} | {message: string} {
	if ('exists' in lookup || lookup.status !== 404) return {open: true};
	return {message: `no pane or DAG "${dagId}": panes are ${panes.map(pane => pane.short.toLowerCase()).join(', ')}`};
}
