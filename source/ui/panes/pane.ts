// What a pane is to the frame: a name for the tab row and `:`, and what it draws given the
// frame's context. Its keys are declared inside it (useBindings), so help and the footer
// show exactly what works where the user is.
import type {ReactNode} from 'react';
import type {Health} from '../../airflow/model.js';
import type {HealthHistory, Thresholds} from '../../live/health-history.js';
import type {Polled} from '../../live/use-poll.js';
import type {PaneProps} from '../components/list-pane.js';
import type {Navigation, NavigationEvent} from '../navigation.js';

export type PaneContext = PaneProps & {
	nav: Navigation;
	navigate: (event: NavigationEvent) => void;
	/** the header's health poll, shared: the Health pane shows it, it is not fetched twice */
	health: Polled<Health>;
	history: HealthHistory;
	thresholds: Thresholds;
};

export type PaneDefinition = {
	/** the navigation's name for it, and what `:` matches first */
	id: string;
	/** the tab's words on a wide terminal */
	name: string;
	/** the tab's words below 110 columns, also matched by `:` */
	short: string;
	render: (context: PaneContext) => ReactNode;
};
