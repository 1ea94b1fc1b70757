// One listener for the whole console. The frame's useInput splits each chunk of input into
// keys and offers every key to the components that asked for keys, the innermost first;
// what none of them takes goes to the frame's own keys (q, 1-9, :, ?). With one listener per
// component instead, a chunk such as ":etl\r" (fast typing, a paste, a slow SSH link) would
// reach every listener whole, and a list would act on keys meant for the command line.
import React, {createContext, useContext, useLayoutEffect, useRef, type ReactNode} from 'react';
import type {Key} from 'ink';

/** Returns true when it took the key. */
export type KeyHandler = (input: string, key: Key) => boolean;

type Entry = {depth: number; handler: {current: KeyHandler}; active: {current: boolean}};

export class KeyRegistry {
	readonly #entries = new Set<Entry>();

	add(entry: Entry): () => void {
		this.#entries.add(entry);
		return () => this.#entries.delete(entry);
	}

	/** Offers a key to the active handlers, innermost first; true when one took it. */
	dispatch(input: string, key: Key): boolean {
		const active = [...this.#entries].filter(entry => entry.active.current).sort((a, b) => b.depth - a.depth);
		return active.some(entry => entry.handler.current(input, key));
	}
}

export const KeyRegistryContext = createContext<KeyRegistry>(new KeyRegistry());
const DepthContext = createContext(0);

/** Gives the components inside a deeper place: they are offered keys before this one. */
export function KeyDepth(props: {children: ReactNode}) {
	const depth = useContext(DepthContext);
	return <DepthContext.Provider value={depth + 1}>{props.children}</DepthContext.Provider>;
}

/** Asks for keys while `active`; the handler returns true for a key it took. */
export function useKeys(handler: KeyHandler, active: boolean): void {
	const registry = useContext(KeyRegistryContext);
	const depth = useContext(DepthContext);
	const handlerRef = useRef(handler);
	const activeRef = useRef(active);
	handlerRef.current = handler;
	activeRef.current = active;
	// registered in the commit that draws the component, not in a later passive effect: a key
	// typed right after a dialog appears (the next chunk on stdin) must find it listening
	useLayoutEffect(() => registry.add({depth, handler: handlerRef, active: activeRef}), [registry, depth]);
}
