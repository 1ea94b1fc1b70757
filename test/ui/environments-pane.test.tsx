// The Environments pane as a user opens it: with only WINDSOCK_URL (no profile file) the
// connection on screen is its one row, not "no profiles"; after a switch the cursor is on the
// environment now on screen (● marks it), not on the row it was on before.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {AirflowClient} from '../../source/airflow/client.js';
import type {Profile} from '../../source/config/profiles.js';
import {EnvironmentMonitor, type Probe} from '../../source/live/environment-monitor.js';
import {DEFAULT_THRESHOLDS} from '../../source/live/health-history.js';
import {App} from '../../source/ui/app.js';
import {EnvironmentsContext} from '../../source/ui/environments.js';
import {airflow, open, waitFor} from '../support/console-harness.js';
import {fakeServer, type FakeServer} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(async () => {
	await Promise.all(servers.map(server => server.close()));
});

const profile = (name: string): Profile => ({name, url: `http://${name}.invalid`, insecure: false, readOnly: true, production: false, confirm: true});

describe('Environments pane', () => {
	it('with no profile file, lists the connection on screen as one row, marked current', async () => {
		const {view} = await open(airflow(2), {firstPane: 'environments'});
		const frame = await waitFor(
			() => view.lastFrame()!,
			f => /› ● url/.test(f),
		);
		assert.doesNotMatch(frame, /no profiles/);
		assert.match(frame, /rows 1-1 of 1/);
		assert.match(frame, /3\.3\.2/);
		view.unmount();
	});

	it('after a switch the cursor is on the environment now on screen', async () => {
		const server = await fakeServer(airflow(2));
		servers.push(server);
		const client = await AirflowClient.connect({baseUrl: server.url, token: 't', retries: 0});
		const probe: Probe = async target => ({
			probe: {name: target.name, url: target.url, production: false, version: '3.3.2', failedRuns: 0, importErrors: 0, checkedAt: Date.now()},
		});
		const monitor = new EnvironmentMonitor(['dev', 'staging', 'prod'].map(profile), {thresholds: DEFAULT_THRESHOLDS, intervalMs: 60_000, timeoutMs: 1000, maxInFlight: 3, tickMs: 50, probe});
		// the App a switch to "staging" mounts
		const view = render(
			<EnvironmentsContext.Provider value={{current: 'staging', names: ['dev', 'staging', 'prod'], monitor, switchTo: () => undefined}}>
				<App client={client} label="staging" refreshMs={60_000} firstPane="environments" />
			</EnvironmentsContext.Provider>,
		);
		try {
			const frame = await waitFor(
				() => view.lastFrame() ?? '',
				f => /› ● staging/.test(f),
			);
			assert.doesNotMatch(frame, /› {3}dev/);
		} finally {
			view.unmount();
			monitor.stop();
		}
	});
});
