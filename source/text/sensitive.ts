// Airflow's own rule for values to hide (airflow.utils.log.secrets_masker
// DEFAULT_SENSITIVE_FIELDS): a key or field whose name contains one of these words.
// windsock masks by it on screen for both lines (2.x returns variables in clear).
const SENSITIVE = ['access_token', 'api_key', 'apikey', 'authorization', 'passphrase', 'passwd', 'password', 'private_key', 'secret', 'token', 'keyfile_dict', 'service_account'];

export function isSensitiveKey(key: string): boolean {
	const lower = key.toLowerCase();
	return SENSITIVE.some(word => lower.includes(word));
}

export const MASK = '••••••';

/** What Airflow 3.x's API sends instead of a secret value (a Connection's password, a secret-looking Variable). */
export const MASKED = '***';
