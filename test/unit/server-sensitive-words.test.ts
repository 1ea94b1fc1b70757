// The server's own secret words and odd configuration answers (#11 item 14 and the config
// answer): Airflow masks every key containing a word of [core] sensitive_var_conn_names;
// windsock reads it when the server shows its configuration and keeps its defaults silently
// when it does not. A configuration answer with an empty or odd section is shown, not a crash.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {AirflowClient} from '../../source/airflow/client.js';
import {isSensitiveKey, sensitiveWordsFromSetting} from '../../source/text/sensitive.js';
import {asAirflow2, fakeServer, type FakeServer, type Handler} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

const servers: FakeServer[] = [];
async function serve(handler: Handler): Promise<FakeServer> {
	const server = await fakeServer(handler);
	servers.push(server);
	return server;
}
after(async () => Promise.all(servers.map(server => server.close())));

describe('the masking rule with the server words', () => {
	it('reads the setting as Airflow does: commas, spaces, case', () => {
		assert.deepEqual(sensitiveWordsFromSetting(' Tenant_ID ,, ssn,  Account_Number '), ['tenant_id', 'ssn', 'account_number']);
		assert.deepEqual(sensitiveWordsFromSetting(''), []);
	});

	it('masks a key containing a server word, and only with it', () => {
		const extra = new Set(['tenant', 'ssn']);
		for (const key of ['tenant_id', 'PROD_TENANT', 'customerSsn', 'my-ssn-list']) {
			assert.equal(isSensitiveKey(key, new Set()), false, `${key} is not secret by the defaults`);
			assert.equal(isSensitiveKey(key, extra), true, `${key} contains a server word`);
		}
		for (const key of ['region', 'bucket_name']) assert.equal(isSensitiveKey(key, extra), false, key);
		// the defaults stay whatever the server adds
		assert.equal(isSensitiveKey('db_password', extra), true);
	});
});

type Config = {status?: number; body: unknown};

/** A 2.x fake with one secret-looking-only-to-the-server variable; `config` answers /config. */
function server2(config: Config): Handler {
	return asAirflow2(request => {
		const url = new URL(request.url, 'http://x');
		if (url.pathname === '/api/v1/config') return {status: config.status ?? 200, body: config.body};
		if (url.pathname === '/api/v1/variables')
			return {
				body: {
					variables: [
						{key: 'ws_tenant_ref', value: 'tenant-value-in-clear', description: null},
						{key: 'ws_region', value: 'eu-west-1', description: null},
					],
					total_entries: 2,
				},
			};
		return {status: 404, body: {detail: 'Not Found'}};
	});
}

const env = (server: FakeServer) => ({WINDSOCK_URL: server.url, WINDSOCK_USERNAME: 'u', WINDSOCK_PASSWORD: 'p'});

describe('variables list on a server that names its own secret words', {concurrency: true}, () => {
	it('masks the keys the server masks when its configuration is shown', async () => {
		const server = await serve(server2({body: {sections: [{name: 'core', options: [{key: 'sensitive_var_conn_names', value: 'tenant, other'}]}]}}));
		const result = await runCli(['variables', 'list'], env(server));
		assert.equal(result.code, 0, result.stderr);
		assert.doesNotMatch(result.stdout, /tenant-value-in-clear/);
		assert.match(result.stdout, /ws_tenant_ref\s+••••••/);
		assert.match(result.stdout, /ws_region\s+eu-west-1/);
		assert.ok(server.seen.some(request => request.url === '/api/v1/config?section=core'));
	});

	it('keeps the defaults, silently, when the configuration is hidden (403)', async () => {
		const server = await serve(server2({status: 403, body: {title: 'Forbidden', status: 403, detail: 'Your Airflow administrator chose not to expose the configuration'}}));
		const result = await runCli(['variables', 'list'], env(server));
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stdout, /ws_tenant_ref\s+tenant-value-in-clear/);
		assert.doesNotMatch(result.stderr, /403|config|expose/i);
	});
});

describe('configuration answers with empty or odd sections', {concurrency: true}, () => {
	const ODD = {
		sections: [
			{name: 'core'}, // no options list at all
			{name: 'api', options: null},
			{name: 'logging', options: [{key: 'base_log_folder', value: ['/logs', 'airflow.cfg']}, 7, {key: 'colored', value: true}]},
		],
	};

	it('the client reads them as sections with the options they have', async () => {
		const server = await serve(server2({body: ODD}));
		const client = await AirflowClient.connect({baseUrl: server.url, username: 'u', password: 'p', retries: 0});
		assert.deepEqual(await client.getConfig(), [
			{name: 'core', options: []},
			{name: 'api', options: []},
			{
				name: 'logging',
				options: [
					{key: 'base_log_folder', value: '/logs'},
					{key: 'colored', value: 'true'},
				],
			},
		]);
	});

	it('`config --section` on a section without options says so and exits 1', async () => {
		const server = await serve(server2({body: {sections: [{name: 'core'}]}}));
		const result = await runCli(['config', '--section', 'core'], env(server));
		assert.equal(result.code, 1, result.stderr);
		assert.equal(result.stderr, 'windsock: the server shows no options in section [core] (the section may be empty, or every option in it hidden)\n');
		assert.equal(result.stdout, '');
	});
});
