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

// The server's own additions: Airflow masks every key containing a word of its
// `[core] sensitive_var_conn_names` (comma-separated) as well as its defaults. windsock reads
// that setting when the server shows its configuration (source/airflow/sensitive-config.ts)
// and adds the words here for the rest of the session; hidden configuration keeps the defaults.
const serverWords = new Set<string>();

/** The words of a `sensitive_var_conn_names` value, as Airflow reads it: split at commas, trimmed, lower case. */
export function sensitiveWordsFromSetting(value: string): string[] {
	return value
		.split(',')
		.map(word => word.trim().toLowerCase())
		.filter(Boolean);
}

/** Adds the server's words to the rule for this session. */
export function addSensitiveWords(words: Iterable<string>): void {
	for (const word of words) serverWords.add(word);
}

export function isSensitiveKey(key: string, extra: ReadonlySet<string> = serverWords): boolean {
	const words = keyWords(key);
	// contained words are matched on the plain lower-case key (Airflow's way) and on its words
	// joined by _, so "slackWebhookUrl" and "slack-webhook-url" count as "webhook_url"
	const forms = [key.toLowerCase(), words.join('_')];
	const contains = (word: string) => forms.some(form => form.includes(word));
	return CONTAINED.some(contains) || [...extra].some(contains) || words.some(word => WHOLE_WORDS.has(word));
}

export const MASK = '••••••';

/** What Airflow 3.x's API sends instead of a secret value (a Connection's password, a secret-looking Variable). */
export const MASKED = '***';
