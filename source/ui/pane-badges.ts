// Counts a pane publishes for the frame: the tab row shows "1 Triage 3" and the header turns
// its badge red while Triage lists an alarm, yellow while it lists only warnings. A small
// store rather than props, because the frame (app.tsx) renders panes from the registry and
// knows nothing of what they count. A pane clears its counts when it unmounts, so a console
// opened later starts blank.
import {useSyncExternalStore} from 'react';

const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

export function setPaneBadge(paneId: string, count: number | undefined): void {
	if (counts.get(paneId) === count) return;
	if (count === undefined) counts.delete(paneId);
	else counts.set(paneId, count);
	version++;
	for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
	listeners.add(listener);
	return () => listeners.delete(listener);
};

/** The pane's published count, re-rendering the caller when it changes; undefined: none yet. */
export function usePaneBadge(paneId: string): number | undefined {
	useSyncExternalStore(subscribe, () => version);
	return counts.get(paneId);
}

/** Every published count, by pane id (the tab row). */
export function usePaneBadges(): ReadonlyMap<string, number> {
	useSyncExternalStore(subscribe, () => version);
	return counts;
}

export const TRIAGE_PANE = 'triage';
/** The header's badge (live/triage.ts badgeCounts): published beside Triage's count, under ids no pane has. */
export const TRIAGE_ALARMS = 'triage:alarms';
export const TRIAGE_WARNINGS = 'triage:warnings';
