// What the frame knows about the other environments: the profiles' monitor (the
// Environments pane's rows) and the switch. Given by the console root, which owns the
// connection; absent in tests that render one App on one client.
import {createContext, useContext} from 'react';
import type {EnvironmentMonitor} from '../live/environment-monitor.js';

export type Environments = {
	/** the environment on screen (a profile's name, or "url", "sandbox") */
	current: string;
	/** the profiles' names, for `:env` and its completion */
	names: readonly string[];
	monitor: EnvironmentMonitor | undefined;
	/**
	 * Switches the console to a profile, opening it on `pane` (the one the user is on); a
	 * message when it cannot (no such profile, a password it cannot ask for).
	 */
	switchTo(name: string, pane?: string): string | undefined;
};

export const EnvironmentsContext = createContext<Environments | undefined>(undefined);

export const useEnvironments = () => useContext(EnvironmentsContext);
