// Mapping never trusts the server. Every mapper, fed arbitrary JSON (whole bodies, and
// objects with the real field names holding arbitrary values, and names that live on
// Object.prototype), returns a value or throws the project's own BodyShapeError /
// AirflowError: never a TypeError or RangeError. And a state named like a prototype member
// is just an unknown state, on screen too.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {AirflowClient} from '../../source/airflow/client.js';
import {AirflowError} from '../../source/airflow/errors.js';
import {BodyShapeError, collection, params, type Json} from '../../source/airflow/fields.js';
import type {ServerInfo} from '../../source/airflow/model.js';
import {v1} from '../../source/airflow/v1.js';
import {v2} from '../../source/airflow/v2.js';
import {component, connectionFrom, healthFrom, importErrorFrom, poolFrom, taskInstanceFrom, taskRefFrom, variableFrom} from '../../source/airflow/wire.js';
import {stateStyle} from '../../source/ui/theme.js';
import {airflow, open, waitFor} from '../support/console-harness.js';

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];

// Every field name the mappers read, on either line, and the prototype's names.
const FIELDS = [
	'dag_id',
	'dag_display_name',
	'description',
	'is_paused',
	'owners',
	'tags',
	'has_import_errors',
	'fileloc',
	'last_parsed_time',
	'is_active',
	'is_stale',
	'schedule_interval',
	'timetable_summary',
	'timetable_description',
	'next_dagrun',
	'next_dagrun_create_after',
	'next_dagrun_logical_date',
	'next_dagrun_run_after',
	'params',
	'dag_run_id',
	'state',
	'run_type',
	'logical_date',
	'start_date',
	'end_date',
	'conf',
	'note',
	'execution_date',
	'run_after',
	'queued_at',
	'task_id',
	'map_index',
	'try_number',
	'duration',
	'operator',
	'hostname',
	'key',
	'value',
	'connection_id',
	'conn_type',
	'host',
	'login',
	'schema',
	'port',
	'password',
	'extra',
	'name',
	'slots',
	'occupied_slots',
	'running_slots',
	'queued_slots',
	'open_slots',
	'import_error_id',
	'filename',
	'timestamp',
	'stack_trace',
	'metadatabase',
	'scheduler',
	'triggerer',
	'dag_processor',
	'status',
	'latest_scheduler_heartbeat',
	'content',
	'continuation_token',
	'event',
	'level',
	'error_detail',
	'exc_type',
	'exc_value',
	'__type',
	'days',
	'seconds',
	'sections',
	'options',
	'total_entries',
	...PROTOTYPE_NAMES,
];

// A value: any JSON, a prototype name as a string, or a nested object of the same kind.
const hostileValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
	value: fc.oneof(
		{maxDepth: 3},
		fc.jsonValue({maxDepth: 2}),
		fc.constantFrom(...PROTOTYPE_NAMES, 'NaN', '1e400', '', '\u001b[2J', 'x'.repeat(2000)),
		fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, -0, 0.5, -1),
		tie('record'),
		fc.array(tie('value'), {maxLength: 3}),
	),
	record: fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), {maxKeys: 12}),
})).value;

const record = fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, {maxKeys: 20}) as fc.Arbitrary<Json>;
// What JSON.parse would give: prototype names (even "__proto__") as own properties.
const parsedRecord = record.map(value => JSON.parse(JSON.stringify(value)) as Json);
const anyBody = fc.oneof(fc.jsonValue(), parsedRecord, hostileValue);

/** Runs a mapper; only our own errors may come out. */
function survives(map: () => unknown): void {
	try {
		const result = map();
		JSON.stringify(result); // a result the console and --json can use
	} catch (error) {
		if (error instanceof BodyShapeError || error instanceof AirflowError) return;
		throw error;
	}
}

const RECORD_MAPPERS: [string, (raw: Json) => unknown][] = [
	['v1.dag', raw => v1.dag(raw)],
	['v1.dagDetails', raw => v1.dagDetails(raw)],
	['v1.run', raw => v1.run(raw)],
	['v1.taskInstance', raw => v1.taskInstance(raw)],
	['v1.taskRef', raw => v1.taskRef(raw)],
	['v1.connection', raw => v1.connection(raw)],
	['v2.dag', raw => v2.dag(raw)],
	['v2.dagDetails', raw => v2.dagDetails(raw)],
	['v2.run', raw => v2.run(raw)],
	['v2.taskInstance', raw => v2.taskInstance(raw)],
	['v2.taskRef', raw => v2.taskRef(raw)],
	['v2.connection', raw => v2.connection(raw)],
	['variableFrom', variableFrom],
	['poolFrom', poolFrom],
	['importErrorFrom', importErrorFrom],
	['taskInstanceFrom', taskInstanceFrom],
	['taskRefFrom', taskRefFrom],
	['connectionFrom', raw => connectionFrom(raw, true)],
	['params', params],
];

const BODY_MAPPERS: [string, (body: unknown) => unknown][] = [
	['v1.health', body => v1.health(body)],
	['v2.health', body => v2.health(body)],
	['healthFrom', healthFrom],
	['component', body => component(body, 'latest_scheduler_heartbeat')],
	['v1.log', body => v1.log(body, {dagId: 'd', runId: 'r', taskId: 't', tryNumber: 1, continuationToken: 'offset:3'})],
	['v2.log', body => v2.log(body, {dagId: 'd', runId: 'r', taskId: 't', tryNumber: 1})],
	['collection', body => collection(body, 'dags')],
];

describe('every mapper, on arbitrary JSON', () => {
	for (const [name, map] of RECORD_MAPPERS) {
		it(`${name} returns a value or throws our own error`, () => {
			fc.assert(
				fc.property(fc.oneof(record, parsedRecord), raw => survives(() => map(raw))),
				{numRuns: 500},
			);
		});
	}
	for (const [name, map] of BODY_MAPPERS) {
		it(`${name} returns a value or throws our own error`, () => {
			fc.assert(
				fc.property(anyBody, body => survives(() => map(body))),
				{numRuns: 500},
			);
		});
	}

	it('config (sections of options) through the client, on both lines', async () => {
		for (const generation of ['v1', 'v2'] as const) {
			await fc.assert(
				fc.asyncProperty(fc.oneof(anyBody, fc.record({sections: fc.array(fc.oneof(parsedRecord, hostileValue), {maxLength: 4})})), async body => {
					const http = {request: async () => ({status: 200, body})};
					const server: ServerInfo = {generation, version: generation === 'v1' ? '2.11.2' : '3.3.2', gitVersion: null};
					// the constructor is private: the client is built around a stub that answers `body`
					const client = new (AirflowClient as unknown as new (http: unknown, server: ServerInfo) => AirflowClient)(http, server);
					try {
						await client.getConfig();
					} catch (error) {
						if (!(error instanceof AirflowError)) throw error;
					}
				}),
				{numRuns: 300},
			);
		}
	});
});

describe('a bad field degrades in its cell', () => {
	it('2.x schedule_interval with non-numeric or absurd seconds reads "?", not "Invalid time value"', () => {
		const dag = (schedule: unknown) => v1.dag({dag_id: 'd', schedule_interval: schedule}).schedule;
		assert.equal(dag({__type: 'TimeDelta', days: 0, seconds: 'soon'}), '?');
		assert.equal(dag({__type: 'TimeDelta', days: {}, seconds: 60}), '?');
		assert.match(dag({__type: 'TimeDelta', days: 0, seconds: 1e300}) ?? '', /^\d\d:\d\d:\d\d$/);
		assert.equal(dag({__type: 'TimeDelta', days: 1, seconds: 3600}), '1 day, 01:00:00');
		assert.equal(dag({__type: 'TimeDelta', days: 0, seconds: 90}), '00:01:30');
		assert.equal(dag({__type: 'TimeDelta', days: 2, seconds: '60'}), '2 days, 00:01:00');
		assert.equal(dag({__type: 'CronExpression', value: '0 * * * *'}), '0 * * * *');
		assert.equal(dag(null), null);
	});

	it('one odd DAG does not fail the list: every other DAG still maps', () => {
		const body = {dags: [{dag_id: 'good'}, {dag_id: 'odd', schedule_interval: {__type: 'TimeDelta', seconds: 'x'}}], total_entries: 2};
		const dags = collection(body, 'dags').items.map(raw => v1.dag(raw));
		assert.deepEqual(
			dags.map(d => [d.dagId, d.schedule]),
			[
				['good', null],
				['odd', '?'],
			],
		);
	});

	it('a total of 1e400 (Infinity) or below zero counts what came', () => {
		assert.equal(collection(JSON.parse('{"dags": [{}], "total_entries": 1e400}'), 'dags').total, 1);
		assert.equal(collection({dags: [{}], total_entries: -5}, 'dags').total, 1);
	});

	it('a field left out never reads an inherited member', () => {
		const run = v2.run({});
		assert.equal(run.state, 'unknown');
		const parsed = params(JSON.parse('{"params": {"__proto__": {"value": 1}, "constructor": 2}}'));
		assert.deepEqual(Object.keys(parsed), ['__proto__', 'constructor']);
		assert.equal(Object.getPrototypeOf(parsed), null);
		// biome-ignore lint/suspicious/noProto: the test is that __proto__ is an ordinary key here
		assert.deepEqual(parsed['__proto__'], {value: 1, description: null, schema: {}});
	});
});

describe('states named like prototype members', () => {
	it('stateStyle gives the plain style for constructor, __proto__ and toString', () => {
		for (const state of PROTOTYPE_NAMES) {
			assert.deepEqual(stateStyle(state), {color: 'white', symbol: '·'}, state);
		}
		assert.equal(stateStyle('success').symbol, '●');
	});

	it('the console shows runs in state constructor, __proto__ and toString without crashing', async () => {
		const states = ['constructor', '__proto__', 'toString'];
		const {view} = await open(
			airflow(3, request => {
				if (new URL(request.url, 'http://x').pathname !== '/api/v2/dags/~/dagRuns/list') return {};
				return {body: {dag_runs: states.map((state, i) => ({dag_id: 'etl_0001', dag_run_id: `r${i}`, state})), total_entries: 3}};
			}),
		);
		view.stdin.write('2');
		const frame = await waitFor(
			() => view.lastFrame() ?? '',
			text => text.includes('etl_0002'),
		);
		assert.match(frame, /etl_0001/);
		assert.doesNotMatch(frame, /not iterable|TypeError/);
		view.unmount();
	});
});
