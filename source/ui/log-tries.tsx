// How the log view opens another try of its task: the navigation's 'try' event. The Runs pane
// draws the log view without handing it `navigate`, so the registry wraps that pane in this
// provider (registry.ts). The plainer form, runs.tsx passing navigate to LogView, is left to
// that file's owner: see docs/triage.md.
import {createContext, useContext} from 'react';
import type {PaneDefinition} from './panes/pane.js';

/** Opens try N of the task whose log is shown; undefined outside a pane that provides it. */
export const OpenTryContext = createContext<((tryNumber: number) => void) | undefined>(undefined);

export function useOpenTry(): ((tryNumber: number) => void) | undefined {
	return useContext(OpenTryContext);
}

export function withOpenTry(pane: PaneDefinition): PaneDefinition {
	return {
		...pane,
		render: context => <OpenTryContext.Provider value={tryNumber => context.navigate({type: 'try', tryNumber})}>{pane.render(context)}</OpenTryContext.Provider>,
	};
}
