// One listener for the whole console. The frame's useInput splits each chunk of input into
// keys and offers every key to what registered here, the innermost first: a text line or a
// dialog takes keys with useKeys (a handler that returns true for a key it took); panes and
// lists declare bindings with useBindings, and the dispatcher (bindings.ts) decides whether
// a binding may run. With one listener per component instead, a chunk such as ":etl\r"
// (fast typing, a paste, a slow SSH link) would reach every listener whole.
import {createContext, useContext, useLayoutEffect, useRef, type ReactNode} from 'react';
import type {Key} from 'ink';
import {resolveKey, type Binding, type DispatchContext} from './bindings.js';

/** Returns true when it took the key. */
export type KeyHandler = (input: string, key: Key) => boolean;

type Entry = {depth: number; order: number; handler?: {current: KeyHandler}; bindings?: {current: readonly Binding[]}; active: {current: boolean}};

export class KeyRegistry {
	readonly #entries = new Set<Entry>();
	readonly #listeners = new Set<() => void>();
	#order = 0;
	#version = 0;
	context: DispatchContext = {readOnly: false, readOnlyWhy: ''};
	/** where a refusal is said: the frame's footer */
	onRefused: (reason: string) => void = () => {};

	add(entry: Omit<Entry, 'order'>): () => void {
		const added = {...entry, order: this.#order++};
		this.#entries.add(added);
		this.changed();
		return () => {
			this.#entries.delete(added);
			this.changed();
		};
	}

	/** The set of bindings on offer changed: the footer and help redraw. */
	changed(): void {
		this.#version++;
		for (const listener of this.#listeners) listener();
	}

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	version = (): number => this.#version;

	#active(): Entry[] {
		// innermost first; among equals, the later registered (a level opened above another)
		return [...this.#entries].filter(entry => entry.active.current).sort((a, b) => b.depth - a.depth || b.order - a.order);
	}

	/** The bindings that work now, innermost first: the footer and help show these. */
	activeBindings(): Binding[] {
		const seen = new Set<string>();
		const result: Binding[] = [];
		for (const entry of this.#active()) {
			for (const binding of entry.bindings?.current ?? []) {
				if (seen.has(binding.action) || !(binding.enabled?.() ?? true)) continue; // an inner binding hides an outer one
				seen.add(binding.action);
				result.push(binding);
			}
		}
		return result;
	}

	/**
	 * Offers a key to the active entries, innermost first. Returns what took it: a binding
	 * that ran, 'taken' (a text line or dialog, or a refusal), or undefined for nobody.
	 */
	dispatch(input: string, key: Key): Binding | 'taken' | undefined {
		for (const entry of this.#active()) {
			if (entry.handler?.current(input, key)) return 'taken';
			if (!entry.bindings) continue;
			const verdict = resolveKey([entry.bindings.current], input, key, this.context);
			if (verdict.kind === 'run') {
				verdict.binding.handler(input);
				return verdict.binding;
			}
			if (verdict.kind === 'refused') {
				this.onRefused(verdict.reason);
				return 'taken';
			}
		}
		return undefined;
	}
}

export const KeyRegistryContext = createContext<KeyRegistry>(new KeyRegistry());
const DepthContext = createContext(0);

/** Gives the components inside a deeper place: they are offered keys before this one. */
export function KeyDepth(props: {children: ReactNode}) {
	const depth = useContext(DepthContext);
	return <DepthContext.Provider value={depth + 1}>{props.children}</DepthContext.Provider>;
}

function useEntry(kind: 'handler' | 'bindings', value: KeyHandler | readonly Binding[], active: boolean, own?: KeyRegistry): void {
	const provided = useContext(KeyRegistryContext);
	const registry = own ?? provided;
	const depth = useContext(DepthContext);
	const valueRef = useRef(value);
	const activeRef = useRef(active);
	valueRef.current = value;
	activeRef.current = active;
	// registered in the commit that draws the component, not in a later passive effect: a key
	// typed right after a dialog appears (the next chunk on stdin) must find it listening
	useLayoutEffect(
		() => registry.add(kind === 'handler' ? {depth, handler: valueRef as {current: KeyHandler}, active: activeRef} : {depth, bindings: valueRef as {current: readonly Binding[]}, active: activeRef}),
		[registry, depth, kind],
	);
	// the footer shows what is on offer: say when that changed
	const signature = kind === 'bindings' ? `${active}:${(value as readonly Binding[]).map(binding => binding.action).join(',')}` : String(active);
	useLayoutEffect(() => registry.changed(), [registry, signature]);
}

/** Takes keys while `active` (a text line, a dialog); the handler returns true for a key it took. */
export function useKeys(handler: KeyHandler, active: boolean): void {
	useEntry('handler', handler, active);
}

/**
 * Declares this component's bindings while `active`; the dispatcher runs or refuses them.
 * `registry`: for the frame, which provides the registry and so cannot read it from context.
 */
export function useBindings(bindings: readonly Binding[], active: boolean, registry?: KeyRegistry): void {
	useEntry('bindings', bindings, active, registry);
}
