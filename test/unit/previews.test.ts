// What a dialog previews is what it sends: each confirmation and form is driven without Ink
// (a recording Actions), its choices are taken, and every preview line is compared with the
// request the fake server received, on both API generations. Also: the read-only guard
// refuses every change plan before it leaves the process, and sends the dry runs.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import type {ReactElement} from 'react';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError} from '../../source/airflow/errors.js';
import type {ApiGeneration, Dag, DagRun, TaskInstance} from '../../source/airflow/model.js';
import type {Actions, ConfirmSpec} from '../../source/ui/actions.js';
import type {FormDialogProps} from '../../source/ui/dialogs/form-dialog.js';
import {confirmPause, confirmPauseAll} from '../../source/ui/dialogs/pause.js';
import {ConnectionDialog, confirmDelete, VariableDialog} from '../../source/ui/dialogs/record-edit.js';
import {confirmClearRun, confirmClearTasks, confirmMarkRun, confirmMarkTask} from '../../source/ui/dialogs/run-actions.js';
import {asAirflow2, asAirflow3, fakeServer, type FakeServer, type Handler, type SeenRequest} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map(server => server.close())));

const TASKS = [
	{dag_id: 'etl', dag_run_id: 'r1', task_id: 'extract', map_index: -1, state: 'success'},
	{dag_id: 'etl', dag_run_id: 'r1', task_id: 'boom', map_index: -1, state: 'failed'},
	{dag_id: 'etl', dag_run_id: 'r1', task_id: 'load', map_index: -1, state: 'upstream_failed'},
];

/** Answers every change the way its generation does, closely enough for the client to map it. */
function changes(generation: ApiGeneration): Handler {
	return request => {
		const url = new URL(request.url, 'http://x');
		const path = url.pathname.replace(/^\/(airflow\/)?api\/v[12]\//, '');
		const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
		if (request.method === 'DELETE') return {status: 204};
		if (path === 'dags' && request.method === 'GET') {
			const dags = [
				{dag_id: 'etl_a', is_paused: false, tags: [{name: 'team'}]},
				{dag_id: 'etl_b', is_paused: false, tags: [{name: 'team'}]},
			];
			return {body: {dags, total_entries: dags.length}};
		}
		if (path === 'dags' && request.method === 'PATCH') return {body: {dags: [{dag_id: 'etl_a', is_paused: body['is_paused']}], total_entries: 1}};
		if (/^dags\/[^/]+$/.test(path)) return {body: {dag_id: decodeURIComponent(path.slice(5)), is_paused: body['is_paused']}};
		if (path.endsWith('/clearTaskInstances')) {
			const downstream = body['include_downstream'] === true;
			const picked = TASKS.filter(task => !body['task_ids'] || (body['task_ids'] as string[]).includes(task.task_id) || (downstream && task.task_id === 'load'));
			// 2.x's dry run lists references without their state
			return {body: {task_instances: generation === 'v1' ? picked.map(({state: _state, ...ref}) => ref) : picked}};
		}
		if (path.endsWith('/taskInstances') && request.method === 'GET') return {body: {task_instances: TASKS, total_entries: TASKS.length}};
		if (path.includes('/taskInstances/')) return {body: generation === 'v1' ? {} : {task_instances: [], total_entries: 0}};
		if (path.endsWith('/dagRuns') && request.method === 'POST') return {body: {dag_id: 'etl', dag_run_id: 'manual_1', state: 'queued', run_type: 'manual'}};
		if (path.includes('/dagRuns/')) return {body: {dag_id: 'etl', dag_run_id: 'r1', state: body['state'] ?? 'running', run_type: 'manual'}};
		if (path.startsWith('variables'))
			return {status: request.method === 'POST' && generation === 'v2' ? 201 : 200, body: {key: body['key'], value: body['value'], description: body['description'] ?? null}};
		if (path.startsWith('connections')) return {body: {connection_id: body['connection_id'] ?? 'db', conn_type: body['conn_type'] ?? 'http'}};
		return {status: 404, body: {detail: 'Not Found'}};
	};
}

async function connect(generation: ApiGeneration, options: {readOnly?: boolean} = {}) {
	const server = await fakeServer((generation === 'v1' ? asAirflow2 : asAirflow3)(changes(generation)));
	servers.push(server);
	const client = await AirflowClient.connect({baseUrl: server.url, token: 't', readOnly: options.readOnly});
	return {server, client};
}

/** The dialogs' side of the console, recording what they ask to confirm. */
function recordingActions(client: AirflowClient) {
	const asked: ConfirmSpec[] = [];
	const actions: Actions = {
		client,
		safety: {readOnly: client.readOnly, production: false, confirm: true},
		show: () => undefined,
		close: () => undefined,
		notify: () => undefined,
		confirm: spec => void asked.push(spec),
		openRun: () => undefined,
		copy: () => undefined,
		link: () => undefined,
	};
	return {actions, asked};
}

const changesSeen = (server: FakeServer) => server.seen.filter(request => request.method !== 'GET' && !request.url.includes('/version'));

/**
 * A preview line ("PATCH /api/v2/dags/x?update_mask=is_paused  {"is_paused": true}", maybe
 * after "s: " and before "  (note)") against a request the server received: the same method
 * and URL, and the same body, byte for byte once the preview's spacing is undone.
 */
function assertPreviewIsSent(line: string, request: SeenRequest | undefined) {
	assert.ok(request, `nothing was sent for: ${line}`);
	const [target, body] = line.replace(/^\w: /, '').split('  ');
	assert.equal(target, `${request.method} ${request.url}`);
	if (request.body === '') assert.equal(body, undefined, 'the preview shows a body that was not sent');
	else assert.equal(JSON.stringify(JSON.parse(body ?? 'null')), request.body);
}

/** Takes a confirmation's choice by its key and returns the change it sent. */
async function take(server: FakeServer, spec: ConfirmSpec, key: string): Promise<SeenRequest | undefined> {
	const before = changesSeen(server).length;
	await spec.choices.find(choice => choice.key === key)!.run();
	const sent = changesSeen(server).slice(before);
	assert.equal(sent.length, 1, `choice ${key} sends one request`);
	return sent[0];
}

const lineOf = (spec: ConfirmSpec, key: string) => spec.lines.find(line => line.startsWith(`${key}: `))!;

const RUN: DagRun = {dagId: 'etl', runId: 'r1', state: 'failed', runType: 'manual', logicalDate: null, startDate: null, endDate: null, conf: {}, note: null, runAfter: null, queuedAt: null};
const TASK: TaskInstance = {
	dagId: 'etl',
	runId: 'r1',
	taskId: 'boom',
	mapIndex: -1,
	state: 'failed',
	tryNumber: 1,
	queuedWhen: null,
	startDate: null,
	endDate: null,
	duration: null,
	operator: null,
	hostname: null,
};
const DAG = {dagId: 'etl daily', isPaused: false} as Dag;

for (const generation of ['v1', 'v2'] as const) {
	describe(`${generation}: a dialog's preview is the request it sends`, () => {
		it('pause one DAG', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			confirmPause(actions, DAG, () => undefined);
			const spec = asked[0]!;
			assert.match(spec.lines[0]!, new RegExp(`^PATCH /api/${generation}/dags/etl%20daily\\?update_mask=is_paused  \\{"is_paused": true\\}$`));
			assertPreviewIsSent(spec.lines[0]!, await take(server, spec, 'y'));
		});

		it('pause every DAG a pattern matches: the first page as previewed', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			await confirmPauseAll(actions, 'etl', true, () => undefined);
			const spec = asked[0]!;
			assertPreviewIsSent(spec.lines[0]!, await take(server, spec, 'y'));
		});

		it('pause the DAGs of a tag, one request per DAG, the first as previewed', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			await confirmPauseAll(actions, 'tag:team', true, () => undefined);
			const spec = asked[0]!;
			const before = changesSeen(server).length;
			await spec.choices[0]!.run();
			const sent = changesSeen(server).slice(before);
			assert.equal(sent.length, 2);
			assertPreviewIsSent(spec.lines[0]!, sent[0]);
		});

		it('mark a run success or failed', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			confirmMarkRun(actions, RUN, () => undefined);
			const spec = asked[0]!;
			for (const key of ['s', 'f']) assertPreviewIsSent(lineOf(spec, key), await take(server, spec, key));
		});

		it('mark a task success or failed (2.x: with dry_run false, as sent)', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			confirmMarkTask(actions, RUN, TASK, () => undefined);
			const spec = asked[0]!;
			if (generation === 'v1') assert.match(lineOf(spec, 's'), /\{"new_state": "success", "dry_run": false\}$/);
			else assert.doesNotMatch(lineOf(spec, 's'), /dry_run/);
			for (const key of ['s', 'f']) assertPreviewIsSent(lineOf(spec, key), await take(server, spec, key));
		});

		it('clear a run, all or only the failed', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			await confirmClearRun(actions, RUN, () => undefined);
			const spec = asked[0]!;
			assert.ok(
				spec.lines.some(line => /boom\s+failed/.test(line)),
				'the dry run is listed with states (2.x: filled in)',
			);
			for (const key of ['y', 'f']) assertPreviewIsSent(lineOf(spec, key), await take(server, spec, key));
		});

		it('clear chosen tasks, with or without downstream', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			await confirmClearTasks(actions, RUN, [TASK.taskId], () => undefined);
			const spec = asked[0]!;
			for (const key of ['y', 'd']) assertPreviewIsSent(lineOf(spec, key), await take(server, spec, key));
		});

		it('delete a Variable and a Connection', async () => {
			const {server, client} = await connect(generation);
			const {actions, asked} = recordingActions(client);
			confirmDelete(
				actions,
				'Variable',
				'a/b',
				() => client.deleteVariable('a/b'),
				() => undefined,
			);
			confirmDelete(
				actions,
				'Connection',
				'db',
				() => client.deleteConnection('db'),
				() => undefined,
			);
			for (const spec of asked) assertPreviewIsSent(spec.lines[0]!, await take(server, spec, 'y'));
		});

		it('create and edit a Variable: the preview is the body sent, a secret value hidden', async () => {
			const {server, client} = await connect(generation);
			const {actions} = recordingActions(client);
			const form = (element: ReactElement) => element.props as FormDialogProps;
			const cases: {dialog: FormDialogProps; values: Record<string, string>}[] = [
				{dialog: form(VariableDialog({actions, width: 80, height: 24, onSaved: () => undefined})), values: {key: 'region', value: 'eu\nwest', description: ''}},
				{dialog: form(VariableDialog({actions, variable: {key: 'region', value: 'eu', description: 'old'}, width: 80, height: 24, onSaved: () => undefined})), values: {value: 'us', description: ''}},
				{
					dialog: form(VariableDialog({actions, variable: {key: 'api_token', value: 'x', description: null}, width: 80, height: 24, onSaved: () => undefined})),
					values: {value: 's3cret', description: 'rotated'},
				},
			];
			for (const {dialog, values} of cases) {
				const [line, ...body] = dialog.preview(values).lines;
				const before = changesSeen(server).length;
				await dialog.send(values, false);
				const sent = changesSeen(server)[before]!;
				assert.equal(line, `${sent.method} ${sent.url}`);
				const shown = JSON.parse(body.join('\n')) as Record<string, unknown>;
				const real = JSON.parse(sent.body) as Record<string, unknown>;
				if (real['key'] === 'api_token') {
					assert.equal(shown['value'], '(6 characters, hidden)');
					shown['value'] = real['value'];
				}
				assert.equal(JSON.stringify(shown), sent.body);
			}
		});

		it('create and edit a Connection: the preview is the body sent, the password hidden', async () => {
			const {server, client} = await connect(generation);
			const {actions} = recordingActions(client);
			const existing = {connectionId: 'db', connType: 'postgres', description: null, host: 'h', login: 'l', schema: null, port: 5432, password: null, extra: null};
			const values = {connectionId: 'db', connType: 'postgres', host: 'h2', port: '5433', login: 'l', password: 'hunter2', schema: '', extra: '', description: ''};
			for (const connection of [undefined, existing]) {
				const dialog = ConnectionDialog({actions, connection, width: 80, height: 24, onSaved: () => undefined}).props as FormDialogProps;
				const [line, ...body] = dialog.preview(values).lines;
				assert.doesNotMatch(body.join('\n'), /hunter2/);
				const before = changesSeen(server).length;
				await dialog.send(values, false);
				const sent = changesSeen(server)[before]!;
				assert.equal(line, `${sent.method} ${sent.url}`);
				const shown = JSON.parse(body.join('\n')) as Record<string, unknown>;
				assert.equal(shown['password'], '(7 characters, hidden)');
				assert.equal(JSON.stringify({...shown, password: 'hunter2'}), sent.body);
			}
		});

		it('trigger: the preview lines are the request line and the body sent', async () => {
			const {server, client} = await connect(generation);
			const request = {conf: {region: 'eu', days: 7}, note: 'from a test'};
			const [line, ...body] = client.describe(client.plans.trigger('etl', request), {multiline: true});
			await client.trigger('etl', request);
			const sent = changesSeen(server).at(-1)!;
			assert.equal(line, `${sent.method} ${sent.url}`);
			assert.equal(JSON.stringify(JSON.parse(body.join('\n'))), sent.body);
		});

		it('a base URL with a path prefix is in the preview as in the request', async () => {
			const inner = (generation === 'v1' ? asAirflow2 : asAirflow3)(changes(generation));
			const server = await fakeServer(request => inner({...request, url: request.url.replace(/^\/airflow/, '')}));
			servers.push(server);
			const client = await AirflowClient.connect({baseUrl: `${server.url}/airflow`, token: 't'});
			const plan = client.plans.pause('etl', true);
			await client.setPaused('etl', true);
			assertPreviewIsSent(client.describeLine(plan), changesSeen(server).at(-1));
			assert.match(client.describeLine(plan), new RegExp(`^PATCH /airflow/api/${generation}/dags/etl\\?`));
		});
	});

	describe(`${generation}: read-only mode inspects the plan`, () => {
		it('refuses every change before it is sent, and sends the dry runs', async () => {
			const {server, client} = await connect(generation, {readOnly: true});
			const {plans} = client;
			const refused = [
				plans.pause('etl', true),
				plans.pauseByPattern('etl', false),
				plans.trigger('etl', {}),
				plans.setRunState('etl', 'r1', 'success'),
				plans.clearRun('etl', 'r1', {dryRun: false}),
				plans.clearTasks('etl', {runId: 'r1', taskIds: ['boom'], dryRun: false}),
				plans.setTaskState('etl', 'r1', 'boom', 'success', {dryRun: false}),
				plans.createVariable({key: 'k', value: 'v', description: null}),
				plans.updateVariable({key: 'k', value: 'v', description: null}),
				plans.deleteVariable('k'),
				plans.createConnection({connectionId: 'c', connType: 'http', description: null, host: null, login: null, schema: null, port: null, extra: null}),
				plans.updateConnection({connectionId: 'c', connType: 'http', description: null, host: null, login: null, schema: null, port: null, extra: null}),
				plans.deleteConnection('c'),
			];
			for (const plan of refused) {
				await assert.rejects(client.send(plan), (error: unknown) => error instanceof AirflowError && error.kind === 'read-only' && error.operation === plan.operation);
			}
			assert.deepEqual(changesSeen(server), [], 'no change left the process');
			await client.send(plans.clearRun('etl', 'r1'));
			await client.send(plans.setTaskState('etl', 'r1', 'boom', 'success'));
			assert.equal(changesSeen(server).length, 2, 'the dry runs were sent');
		});
	});
}
