// Numbers in a Variables import file are stored as Airflow's CLI stores them (#11 item 10):
// Python's json.load keeps integers exact and floats as floats, and Variable.set writes
// json.dumps(value, indent=2). The expected texts below are what Python 3.11 wrote for each
// token (json.dumps(json.loads(token))), checked once by hand against python3.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseJsonKeepingNumbers, parseJson} from '../../source/text/json-input.js';
import {pythonJsonDumps, pythonJsonDumpsInline, pythonNumber} from '../../source/transfer/python-json.js';
import {variablesFromFile} from '../../source/transfer/variables-file.js';

const PYTHON_WROTE: [token: string, stored: string][] = [
	['12345678901234567890', '12345678901234567890'],
	['1.0', '1.0'],
	['1e400', 'Infinity'],
	['-1e400', '-Infinity'],
	['-0', '0'],
	['-0.0', '-0.0'],
	['0.1', '0.1'],
	['-98765432109876543210987654321', '-98765432109876543210987654321'],
	['1e16', '1e+16'],
	['1e15', '1000000000000000.0'],
	['1E5', '100000.0'],
	['1.50', '1.5'],
	['0.0001', '0.0001'],
	['0.00001', '1e-05'],
	['123.456e-10', '1.23456e-08'],
	['9007199254740993', '9007199254740993'],
	['9007199254740993.0', '9007199254740992.0'],
	['5e-324', '5e-324'],
	['1.7976931348623157e308', '1.7976931348623157e+308'],
	['3.14159265358979323846', '3.141592653589793'],
	['100', '100'],
];

function imported(fileText: string): Map<string, string> {
	const parsed = parseJsonKeepingNumbers(fileText);
	assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
	const {entries, problems} = variablesFromFile(parsed.value);
	assert.deepEqual(problems, []);
	return new Map(entries.map(entry => [entry.key, entry.value]));
}

describe('numbers survive an import', () => {
	for (const [token, stored] of PYTHON_WROTE) {
		it(`${token} is stored as Python stores it: ${stored}`, () => {
			assert.equal(pythonNumber(token), stored);
			assert.equal(imported(`{"n": ${token}, "wrapped": {"value": ${token}, "description": "d"}}`).get('n'), stored);
			assert.equal(imported(`{"wrapped": {"value": ${token}, "description": "d"}}`).get('wrapped'), stored);
		});
	}

	it('JSON.parse would have lost them (the reason for the reader)', () => {
		const plain = parseJson('{"big": 12345678901234567890, "float": 1.0}');
		assert.ok(plain.ok);
		const {entries} = variablesFromFile(plain.value);
		assert.deepEqual(
			entries.map(entry => entry.value),
			['12345678901234567000', '1'],
		);
	});

	it("keeps nested numbers and the file's key order inside an object value", () => {
		const value = imported('{"v": {"z": 1.0, "b": [12345678901234567890, -0, 1e400, "caf\\u00e9"], "1": null, "e": {}, "l": []}}').get('v');
		// python3: json.dumps(json.loads(...), indent=2)
		assert.equal(value, '{\n  "z": 1.0,\n  "b": [\n    12345678901234567890,\n    0,\n    Infinity,\n    "caf\\u00e9"\n  ],\n  "1": null,\n  "e": {},\n  "l": []\n}');
	});

	it('writes the same numbers on one line for a Connection extra', () => {
		const parsed = parseJsonKeepingNumbers('{"z": 1.0, "b": [12345678901234567890, -0, 1e400, "caf\\u00e9"], "1": null, "e": {}, "l": []}');
		assert.ok(parsed.ok);
		assert.equal(pythonJsonDumpsInline(parsed.value), '{"z": 1.0, "b": [12345678901234567890, 0, Infinity, "caf\\u00e9"], "1": null, "e": {}, "l": []}');
	});

	it('keeps strings, booleans and null as they are, and "__proto__" as a key', () => {
		const values = imported('{"s": "1.0", "t": true, "__proto__": {"polluted": 1.0}, "a": [false, null]}');
		assert.equal(values.get('s'), '1.0');
		assert.equal(values.get('t'), 'true');
		assert.equal(values.get('__proto__'), '{\n  "polluted": 1.0\n}');
		assert.equal(values.get('a'), '[\n  false,\n  null\n]');
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
	});

	it('a repeated key keeps its first place and its last value, as Python does', () => {
		const parsed = parseJsonKeepingNumbers('{"a": 1, "b": 2, "a": 3.0}');
		assert.ok(parsed.ok);
		assert.equal(pythonJsonDumpsInline(parsed.value), '{"a": 3.0, "b": 2}');
	});

	it('reports a mistake with its line and column, as parseJson does', () => {
		for (const text of ['{"a": 1.}', '{"a": 01}', '{"a": [1, 2}', '{"a": 1} x', '{"a": "b', '']) {
			const kept = parseJsonKeepingNumbers(text);
			const plain = parseJson(text);
			assert.equal(kept.ok, false, text);
			assert.equal(plain.ok, false, text);
			if (!kept.ok && !plain.ok) assert.equal(kept.message, plain.message, text);
		}
		const deep = parseJsonKeepingNumbers(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
		assert.ok(!deep.ok && /nested too deeply/.test(deep.message));
	});

	it('reads the same values as JSON.parse wherever doubles are exact', () => {
		const text = '{"a": [1, 2.5, -3, {"b": "x\\n\\u00e9", "c": null}], "d": true}';
		const parsed = parseJsonKeepingNumbers(text);
		assert.ok(parsed.ok);
		assert.equal(pythonJsonDumps(parsed.value), pythonJsonDumps(JSON.parse(text)));
	});
});
