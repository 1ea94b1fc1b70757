// Which keys hold secrets. Airflow's own rule (airflow.utils.log.secrets_masker
// DEFAULT_SENSITIVE_FIELDS): a key or field whose name contains one of its words; windsock
// masks by it on screen for both lines (2.x returns variables in clear). To that, common
// words Airflow misses. The short ones (pass, pwd, auth, dsn) would hide far too much as
// substrings ("bypass_cache", "author"), so they count only as a whole word of the key,
// with words split at _ - . spaces and camelCase ("db_pass", "sentryDsn", "basic-auth").
const CONTAINED = [
	'access_token',
	'api_key',
	'apikey',
	'authorization',
	'passphrase',
	'passwd',
	'password',
	'private_key',
	'secret',
	'token',
	'keyfile_dict',
	'service_account',
	// added by Airflow 2.11 (proxy, proxies) and 3.x (the rest): the servers windsock speaks to mask them
	'proxy',
	'proxies',
	'access_key',
	'auth_header',
	'bearer',
	'connection_string',
	'service_key',
	'webhook_url',
	'credential',
];
const WHOLE_WORDS: ReadonlySet<string> = new Set(['pass', 'pwd', 'auth', 'dsn', 'cookie', 'cookies', 'creds']);

/** The key's words, lower case: "slackWebhookURL" -> slack, webhook, url. */
export function keyWords(key: string): string[] {
	return key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[\s_.\-/:]+/)
		.filter(Boolean);
}

export function isSensitiveKey(key: string): boolean {
	const words = keyWords(key);
	// contained words are matched on the plain lower-case key (Airflow's way) and on its words
	// joined by _, so "slackWebhookUrl" and "slack-webhook-url" count as "webhook_url"
	const forms = [key.toLowerCase(), words.join('_')];
	return CONTAINED.some(word => forms.some(form => form.includes(word))) || words.some(word => WHOLE_WORDS.has(word));
}

export const MASK = '••••••';

/** What Airflow 3.x's API sends instead of a secret value (a Connection's password, a secret-looking Variable). */
export const MASKED = '***';
