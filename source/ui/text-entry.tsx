// While a pane takes typed text (a filter), the frame's keys (q, 1-9, :, ?) must not fire.
// Panes say so through this context; the frame reads it.
import {createContext, useContext, useEffect} from 'react';

export const TextEntryContext = createContext<(typing: boolean) => void>(() => {});

/** Tells the frame that this component takes text while `typing` is true. */
export function useTextEntry(typing: boolean): void {
	const setTyping = useContext(TextEntryContext);
	useEffect(() => {
		setTyping(typing);
		return () => setTyping(false);
	}, [typing, setTyping]);
}
