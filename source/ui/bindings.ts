// A binding: a key from the keymap with its handler, declared where the state it acts on
// lives (lazygit's controllers: GetKeybindings with handler, GetDisabledReason and
// DisplayOnScreen). The dispatcher below is the one place that decides whether a binding
// may run: read-only mode refuses every binding that mutates, and a binding's own
// disabledReason refuses it with words the footer shows. Pure: unit-tested without Ink.
import type {Key} from 'ink';
import {keySpec, type Action, type KeySpec} from './keymap.js';

export type Binding = KeySpec & {
	handler: (input: string) => void;
	/** why the key does nothing here and now (no row selected, ...); undefined when it works */
	disabledReason?: () => string | undefined;
	/** false: the key is not on offer here, and goes on to the layer outside (Esc with no filter) */
	enabled?: () => boolean;
	/** shown in the footer (help lists every binding) */
	display: boolean;
};

export type BindOptions = {disabledReason?: () => string | undefined; enabled?: () => boolean; display?: boolean};

export function bind(action: Action, handler: (input: string) => void, options: BindOptions = {}): Binding {
	return {...keySpec(action), handler, disabledReason: options.disabledReason, enabled: options.enabled, display: options.display ?? true};
}

/** What the console's safety settings say, for the dispatcher. */
export type DispatchContext = {readOnly: boolean; readOnlyWhy: string};

export type Verdict = {kind: 'run'; binding: Binding} | {kind: 'refused'; binding: Binding; reason: string} | {kind: 'none'};

/** The first binding, innermost layer first, that matches the key, and whether it may run. */
export function resolveKey(layers: readonly (readonly Binding[])[], input: string, key: Key, context: DispatchContext): Verdict {
	for (const bindings of layers) {
		const binding = bindings.find(candidate => candidate.matches(input, key) && (candidate.enabled?.() ?? true));
		if (!binding) continue;
		if (binding.mutates && context.readOnly) return {kind: 'refused', binding, reason: `read-only: ${binding.short} is disabled (${context.readOnlyWhy}); nothing was sent`};
		const reason = binding.disabledReason?.();
		if (reason) return {kind: 'refused', binding, reason};
		return {kind: 'run', binding};
	}
	return {kind: 'none'};
}
