// `r` (refresh now) is the frame's key; every poll on screen listens for it here, so one key
// refreshes the header's health and the visible pane alike.
import {createContext, useContext, useEffect, useRef} from 'react';

/** Counts the user's refreshes; 0 until the first. */
export const RefreshContext = createContext(0);

/** Calls `refresh` each time the user asks for a refresh (not on mount). */
export function useRefreshKey(refresh: () => void): void {
	const tick = useContext(RefreshContext);
	const seen = useRef(tick);
	useEffect(() => {
		if (tick === seen.current) return;
		seen.current = tick;
		refresh();
	}, [tick]);
}
