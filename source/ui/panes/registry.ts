// THE list of panes, in tab order: the tab row, the number keys, Tab, `:` and its completion
// are generated from it. A new pane is one module exporting a PaneDefinition plus one line here.
import {configPane} from './config.js';
import {connectionsPane} from './connections.js';
import {dagsPane} from './dags.js';
import {healthPane} from './health.js';
import {importErrorsPane} from './import-errors.js';
import type {PaneDefinition} from './pane.js';
import {poolsPane} from './pools.js';
import {providersPane} from './providers.js';
import {runsPane} from './runs.js';
import {variablesPane} from './variables.js';

export const PANES: readonly PaneDefinition[] = [healthPane, dagsPane, runsPane, variablesPane, connectionsPane, poolsPane, importErrorsPane, configPane, providersPane];

export const FIRST_PANE = 'dags';

export function paneById(id: string): PaneDefinition {
	return PANES.find(pane => pane.id === id) ?? PANES[0]!;
}
