// Reads the server's `[core] sensitive_var_conn_names` once per connection and adds its words
// to the masking rule (source/text/sensitive.ts), so windsock hides what the server's own UI
// hides. The configuration is often not exposed (403, the default): then the defaults stay,
// without a word to the user. A failure that may pass (a timeout, a 5xx) is tried again on
// the next call; an answer (the words, a 403, a 404) settles it for the session.
import {addSensitiveWords, sensitiveWordsFromSetting} from '../text/sensitive.js';
import type {AirflowClient} from './client.js';
import {AirflowError} from './errors.js';

const HIDDEN = '< hidden >';
const learned = new WeakMap<AirflowClient, Promise<void>>();

export function learnSensitiveWords(client: AirflowClient, signal?: AbortSignal): Promise<void> {
	let pending = learned.get(client);
	if (!pending) {
		pending = client.getConfig('core', signal).then(
			sections => {
				const option = sections.find(section => section.name === 'core')?.options.find(candidate => candidate.key === 'sensitive_var_conn_names');
				if (option && option.value !== HIDDEN) addSensitiveWords(sensitiveWordsFromSetting(option.value));
			},
			(error: unknown) => {
				const settled = error instanceof AirflowError && error.status !== undefined && error.status < 500;
				if (!settled) learned.delete(client);
			},
		);
		learned.set(client, pending);
	}
	return pending;
}
