// Variables and Connections moving between servers and tools: windsock export from one
// Airflow, windsock import into the other, and files written or read by Airflow's own CLI
// (`airflow variables export` / `airflow connections import` ...) from the test virtualenvs.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {before, describe, it} from 'node:test';
import type {AirflowClient} from '../../source/airflow/client.js';
import type {Connection, Variable} from '../../source/airflow/model.js';
import {pythonJsonDumps} from '../../source/transfer/python-json.js';
import {adminEnv, airflowCli, runCli} from '../support/run-cli.js';
import {adminClient, testServer, type TestServer} from '../support/test-servers.js';

const VARIABLES: Variable[] = [
	{key: 'ws_t_plain', value: 'hello', description: null},
	{key: 'ws_t_compact', value: '{"a":1,"nested":{"b":[1,2]}}', description: null},
	{key: 'ws_t_pretty', value: pythonJsonDumps({region: 'eu', days: [1, 2]}), description: 'stored as Airflow stores JSON'},
	{key: 'ws_t_number', value: '42', description: null},
	{key: 'ws_t_float', value: '1.0', description: null},
	{key: 'ws_t_quoted', value: '"quoted"', description: null},
	{key: 'ws_t_unicode', value: 'café ☕ 東京', description: 'non-ASCII'},
	{key: 'ws_t_multiline', value: 'line one\nline two', description: null},
];

const CONNECTION: Connection = {
	connectionId: 'ws_t_pg',
	connType: 'postgres',
	description: 'moved by windsock',
	host: 'db.example.internal',
	login: 'etl',
	schema: 'warehouse',
	port: 5432,
	password: null,
	extra: '{"sslmode": "require"}',
};

const ours = <T extends {key: string}>(items: T[]) => items.filter(item => item.key.startsWith('ws_t_')).sort((a, b) => a.key.localeCompare(b.key));

async function resetVariables(client: AirflowClient): Promise<void> {
	for (const variable of ours(await client.listAllVariables())) await client.deleteVariable(variable.key);
}

/** JSON text with object keys sorted: Airflow's CLI export sorts them. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value)
			.sort()
			.map(key => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * The Variables as compared across servers: JSON values by meaning, since the 3.x API hands
 * them out re-encoded (json.dumps without indent) whatever text is stored.
 */
async function variablesOf(client: AirflowClient): Promise<Variable[]> {
	return ours(await client.listAllVariables()).map(variable => {
		try {
			const decoded = JSON.parse(variable.value);
			return typeof decoded === 'string' ? variable : {...variable, value: canonical(decoded)};
		} catch {
			return variable;
		}
	});
}

async function connectionOf(client: AirflowClient): Promise<Omit<Connection, 'password'>> {
	const {password: _password, ...rest} = await client.getConnection(CONNECTION.connectionId);
	return rest;
}

describe('export and import between servers and Airflow CLI files', () => {
	let three: TestServer;
	let two: TestServer;
	let client3: AirflowClient;
	let client2: AirflowClient;
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'windsock-transfer-'));
	const file = (name: string) => path.join(tmp, name);

	before(async () => {
		three = testServer(3);
		two = testServer(2);
		client3 = await adminClient(three);
		client2 = await adminClient(two);
		await resetVariables(client3);
		await resetVariables(client2);
		for (const variable of VARIABLES) await client3.createVariable(variable);
	});

	it('exports Variables from 3.x and imports them into 2.x unchanged', async () => {
		const exported = await runCli(['variables', 'export', file('vars.json')], adminEnv(three));
		assert.equal(exported.code, 0, exported.stderr);
		const written = JSON.parse(readFileSync(file('vars.json'), 'utf8'));
		// Airflow's file form: JSON decoded where that gives back the same text, descriptions wrapped
		assert.deepEqual(written['ws_t_pretty'], {value: {region: 'eu', days: [1, 2]}, description: 'stored as Airflow stores JSON'});
		assert.equal(written['ws_t_number'], 42);
		assert.deepEqual(written['ws_t_compact'], {a: 1, nested: {b: [1, 2]}});
		// JavaScript would turn 1.0 into 1: the text goes out instead
		assert.equal(written['ws_t_float'], '1.0');
		assert.equal(written['ws_t_quoted'], '"quoted"');

		const imported = await runCli(['variables', 'import', file('vars.json')], adminEnv(two));
		assert.equal(imported.code, 0, imported.stderr);
		assert.match(imported.stderr, /created/);
		assert.deepEqual(await variablesOf(client2), await variablesOf(client3));
	});

	it('refuses an import that would overwrite without being told, and changes nothing', async () => {
		await client2.updateVariable({key: 'ws_t_plain', value: 'changed on 2.x', description: null});
		const refused = await runCli(['variables', 'import', file('vars.json')], adminEnv(two));
		assert.equal(refused.code, 1);
		assert.match(refused.stderr, /1 variables exist already with different content \(ws_t_plain\)\. Pass --overwrite or --skip-existing; nothing was changed/);
		const dry = await runCli(['variables', 'import', file('vars.json'), '--overwrite', '--dry-run'], adminEnv(two));
		assert.equal(dry.code, 0);
		assert.match(dry.stdout, /ws_t_plain\s+updated/);
		assert.match(dry.stderr, /dry run, nothing sent: would be 0 created, 1 updated, \d+ unchanged/);
		const skipped = await runCli(['variables', 'import', file('vars.json'), '--skip-existing'], adminEnv(two));
		assert.match(skipped.stdout, /ws_t_plain\s+skipped/);
		assert.equal((await client2.getVariable('ws_t_plain')).value, 'changed on 2.x');
		const overwritten = await runCli(['variables', 'import', file('vars.json'), '--overwrite'], adminEnv(two));
		assert.match(overwritten.stdout, /ws_t_plain\s+updated/);
		assert.equal((await client2.getVariable('ws_t_plain')).value, 'hello');
	});

	it("imports a file written by 2.x's `airflow variables export`", async () => {
		await resetVariables(client3);
		await airflowCli(two, ['variables', 'export', file('airflow2-vars.json')]);
		// one write at a time: the 3.x test server runs on SQLite, where concurrent writes stalled
		// its whole API for three minutes (the README says so for --concurrency)
		const imported = await runCli(['variables', 'import', file('airflow2-vars.json'), '--concurrency', '1'], adminEnv(three));
		assert.equal(imported.code, 0, imported.stderr);
		// Airflow 2's file has no descriptions, and its export turns the text "quoted" (with
		// the quotes) into quoted: an Airflow 2 CLI loss (3.x keeps it), not windsock's
		const values = (items: Variable[]) => items.filter(({key}) => key !== 'ws_t_quoted').map(({key, value}) => ({key, value}));
		assert.equal((await client3.getVariable('ws_t_quoted')).value, 'quoted');
		assert.deepEqual(values(await variablesOf(client3)), values(await variablesOf(client2)));
	});

	it("writes a file that 3.x's `airflow variables import` reads back the same", async () => {
		await resetVariables(client3);
		const exported = await runCli(['variables', 'export', file('from-2.json')], adminEnv(two));
		assert.equal(exported.code, 0, exported.stderr);
		await airflowCli(three, ['variables', 'import', file('from-2.json')]);
		assert.deepEqual(await variablesOf(client3), await variablesOf(client2));
	});

	it('moves a Connection both ways, and with its password through the Airflow CLI', async () => {
		for (const client of [client3, client2]) await client.deleteConnection(CONNECTION.connectionId).catch(() => undefined);
		await client3.createConnection({...CONNECTION, password: 'pg-secret'});

		const exported = await runCli(['connections', 'export', file('conns.json')], adminEnv(three));
		assert.equal(exported.code, 0, exported.stderr);
		assert.match(exported.stderr, /does not give passwords back/);
		assert.equal(JSON.parse(readFileSync(file('conns.json'), 'utf8'))['ws_t_pg'].password, null);
		const imported = await runCli(['connections', 'import', file('conns.json')], adminEnv(two));
		assert.equal(imported.code, 0, imported.stderr);
		assert.deepEqual(await connectionOf(client2), await connectionOf(client3));

		// Airflow's own export carries the password; windsock sends it, Airflow's CLI reads it back
		await airflowCli(three, ['connections', 'export', file('airflow3-conns.json')]);
		await client2.deleteConnection(CONNECTION.connectionId);
		const withPassword = await runCli(['connections', 'import', file('airflow3-conns.json'), '--skip-existing'], adminEnv(two));
		assert.equal(withPassword.code, 0, withPassword.stderr);
		const seen = JSON.parse(await airflowCli(two, ['connections', 'get', CONNECTION.connectionId, '-o', 'json']));
		assert.equal(seen[0].password, 'pg-secret');
		assert.equal(seen[0].host, CONNECTION.host);

		// and windsock's file is one Airflow's CLI imports
		await client3.deleteConnection(CONNECTION.connectionId);
		await airflowCli(three, ['connections', 'import', file('conns.json')]);
		assert.deepEqual(await connectionOf(client3), await connectionOf(client2));
	});

	it('reports a bad entry by name and imports nothing from that file', async () => {
		writeFileSync(file('bad-conns.json'), JSON.stringify({ws_t_ok: {conn_type: 'http', host: 'a'}, ws_t_bad: {host: 'no type'}, ws_t_uri: 'postgres://u:p@h/db'}));
		const result = await runCli(['connections', 'import', file('bad-conns.json')], adminEnv(two));
		assert.equal(result.code, 1);
		assert.match(result.stderr, /ws_t_bad: no conn_type/);
		assert.match(result.stderr, /ws_t_uri: the URI form is not supported/);
		assert.match(result.stderr, /nothing was changed/);
		await assert.rejects(client2.getConnection('ws_t_ok'), /404/);
	});
});
