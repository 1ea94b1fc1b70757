// The `:` line: a pane by (a prefix of) its name, otherwise a DAG id whose runs open. Tab
// completes a pane name. Pure: unit-tested without Ink.
import type {PaneDefinition} from './panes/pane.js';

export type CommandTarget = {kind: 'pane'; id: string} | {kind: 'dag'; dagId: string} | {kind: 'none'};

const words = (pane: PaneDefinition) => [pane.id, pane.name.toLowerCase(), pane.short.toLowerCase()];

/** The panes whose id, name or short name begins with what was typed. */
export function paneCandidates(text: string, panes: readonly PaneDefinition[]): PaneDefinition[] {
	const wanted = text.trim().toLowerCase();
	if (!wanted) return [...panes];
	return panes.filter(pane => words(pane).some(word => word.startsWith(wanted)));
}

export function commandTarget(text: string, panes: readonly PaneDefinition[]): CommandTarget {
	const trimmed = text.trim();
	if (!trimmed) return {kind: 'none'};
	const exact = panes.find(pane => words(pane).includes(trimmed.toLowerCase()));
	const pane = exact ?? paneCandidates(trimmed, panes)[0];
	return pane ? {kind: 'pane', id: pane.id} : {kind: 'dag', dagId: trimmed};
}

/** Tab: the only candidate's name, or the longest prefix all candidates share. */
export function completeCommand(text: string, panes: readonly PaneDefinition[]): string {
	const candidates = paneCandidates(text, panes).map(pane => pane.short.toLowerCase());
	if (!text.trim() || !candidates.length) return text;
	if (candidates.length === 1) return candidates[0]!;
	let prefix = candidates[0]!;
	for (const candidate of candidates) while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix.length > text.trim().length ? prefix : text;
}
