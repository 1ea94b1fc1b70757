// Providers: the provider packages installed where the API runs, with their versions: what
// an operator's import needs, and the first thing to compare between environments.
import type {Provider} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {layoutOf, ListPane, pageOf} from '../components/list-pane.js';
import type {PaneDefinition} from './pane.js';

/** What every Apache provider's name starts with: shown once, in the column's header. */
const APACHE_PREFIX = 'apache-airflow-providers-';

/** "common-sql" for apache-airflow-providers-common-sql: at 80 columns the full names were cut to one and the same text. */
const shortName = (name: string) => (name.startsWith(APACHE_PREFIX) && name.length > APACHE_PREFIX.length ? name.slice(APACHE_PREFIX.length) : name);

export const providersPane: PaneDefinition = {
	id: 'providers',
	name: 'Providers',
	short: 'Provs',
	render: context => (
		<ListPane<Provider>
			{...layoutOf(context)}
			// installed packages change only with a deployment: poll them rarely
			refreshMs={Math.max(context.refreshMs, 60_000)}
			fetchPage={async (query, signal) => pageOf(await context.client.listProviders(signal), query, p => `${p.packageName} ${p.description}`)}
			filterLabel="package or description"
			columns={width => [
				{header: `package (${APACHE_PREFIX}…)`, width: Math.max(24, Math.min(44, Math.floor(width * 0.4))), cell: p => ({text: sanitizeLine(shortName(p.packageName)), bold: true})},
				{header: 'version', width: 10, cell: p => ({text: sanitizeLine(p.version)})},
				{header: 'description', width: 0, cell: p => ({text: sanitizeLine(p.description)})},
			]}
			empty="no providers reported"
		/>
	),
};
