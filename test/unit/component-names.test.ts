// One spelling per component: `status`, `health` and `health --json` all say dag_processor.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {statusWords} from '../../source/airflow/components.js';
import {runCli} from '../support/run-cli.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';

let server: FakeServer;
after(async () => server?.close());

const now = () => new Date().toISOString();

describe('component names', () => {
	it('status, health and health --json spell dag_processor alike', async () => {
		server = await fakeServer(
			asAirflow3(() => ({
				body: {
					metadatabase: {status: 'healthy'},
					scheduler: {status: 'healthy', latest_scheduler_heartbeat: now()},
					triggerer: {status: 'healthy', latest_triggerer_heartbeat: now()},
					dag_processor: {status: 'healthy', latest_dag_processor_heartbeat: now()},
				},
			})),
		);
		const env = {WINDSOCK_URL: server.url};
		for (const args of [['status'], ['health'], ['health', '--json']]) {
			const {stdout, stderr} = await runCli(args, env);
			assert.match(stdout, /dag_processor/, `${args.join(' ')}: ${stdout}${stderr}`);
			assert.doesNotMatch(stdout, /dagProcessor|dag-processor/, args.join(' '));
		}
	});

	it("2.x's null dag_processor is the scheduler parsing, not an unknown", () => {
		assert.equal(statusWords('dagProcessor', 'unknown', 'v1'), 'inside the scheduler');
		assert.equal(statusWords('dagProcessor', 'unknown', 'v2'), 'unknown (never reported)');
		assert.equal(statusWords('triggerer', 'unknown', 'v1'), 'unknown (never reported)');
	});
});
