// The words that make a key secret. The specification is Airflow's own list,
// DEFAULT_SENSITIVE_FIELDS, copied here on purpose: the test must not take the list from the
// code it checks. Airflow's rule (should_hide_value_for_key): the key, lower-cased, contains
// one of the words.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isSensitiveKey, MASK} from '../../source/text/sensitive.js';

/** The list as earlier Airflow 2.x releases have it (airflow/utils/log/secrets_masker.py), and as the issue names it. */
const DEFAULT_SENSITIVE_FIELDS = ['access_token', 'api_key', 'apikey', 'authorization', 'passphrase', 'passwd', 'password', 'private_key', 'secret', 'token', 'keyfile_dict', 'service_account'];

/** Airflow 2.11.2, airflow/utils/log/secrets_masker.py: the above plus proxy, proxies. */
const AIRFLOW_2_11 = [
	'access_token',
	'api_key',
	'apikey',
	'authorization',
	'passphrase',
	'passwd',
	'password',
	'private_key',
	'proxy',
	'proxies',
	'secret',
	'token',
	'keyfile_dict',
	'service_account',
];

/** Airflow 3.3.2, airflow/_shared/secrets_masker/secrets_masker.py (the same in airflow.sdk). */
const AIRFLOW_3_3 = [
	'access_key',
	'access_token',
	'api_key',
	'apikey',
	'auth_header',
	'authorization',
	'bearer',
	'connection_string',
	'dsn',
	'passphrase',
	'passwd',
	'password',
	'private_key',
	'proxy',
	'proxy_password',
	'proxies',
	'secret',
	'service_account',
	'service_key',
	'token',
	'keyfile_dict',
	'webhook_url',
];

describe('sensitive keys (Airflow DEFAULT_SENSITIVE_FIELDS)', () => {
	for (const word of DEFAULT_SENSITIVE_FIELDS) {
		it(`masks "${word}", in any case and inside a longer key`, () => {
			assert.equal(isSensitiveKey(word), true);
			assert.equal(isSensitiveKey(word.toUpperCase()), true);
			assert.equal(isSensitiveKey(`my_${word}_prod`), true);
		});
	}

	for (const key of [
		'client_secret',
		'aws_secret_access_key',
		'AWS_SECRET_ACCESS_KEY',
		'slack_api_key',
		'gcp_keyfile_dict',
		'db_password',
		'github_token',
		'ssh_private_key',
		'bearer_authorization',
		'SecretKey',
		'google_service_account',
	]) {
		it(`masks the compound key ${key}`, () => assert.equal(isSensitiveKey(key), true));
	}

	for (const key of ['region', 'retries', 'dag_owner', 'bucket_name', 'user', 'host', 'schema']) {
		it(`shows the ordinary key ${key}`, () => assert.equal(isSensitiveKey(key), false));
	}

	for (const word of [...new Set([...AIRFLOW_2_11, ...AIRFLOW_3_3])].filter(word => !DEFAULT_SENSITIVE_FIELDS.includes(word))) {
		it(`masks "${word}" as Airflow 2.11 / 3.3 do`, () => {
			assert.equal(isSensitiveKey(word), true);
			assert.equal(isSensitiveKey(`my_${word.toUpperCase()}`), true);
		});
	}

	it('masks with a mask that gives nothing away', () => {
		assert.ok(MASK.length > 0 && !/[a-z0-9]/i.test(MASK));
	});
});
