// THE list of panes, in tab order: the tab row, the number keys, Tab, `:` and its completion
// are generated from it. A new pane is one module exporting a PaneDefinition plus one line here.
import {configPane} from './config.js';
import {connectionsPane} from './connections.js';
import {dagsPane} from './dags.js';
import {environmentsPane} from './environments.js';
import {healthPane} from './health.js';
import {importErrorsPane} from './import-errors.js';
import type {PaneDefinition} from './pane.js';
import {poolsPane} from './pools.js';
import {providersPane} from './providers.js';
import {runsPane} from './runs.js';
import {triagePane} from './triage.js';
import {variablesPane} from './variables.js';

export const PANES: readonly PaneDefinition[] = [triagePane, healthPane, dagsPane, runsPane, variablesPane, connectionsPane, poolsPane, importErrorsPane, configPane, providersPane, environmentsPane];

export const FIRST_PANE = 'triage';

export function paneById(id: string): PaneDefinition {
	return PANES.find(pane => pane.id === id) ?? PANES[0]!;
}
