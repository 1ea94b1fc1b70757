// The one error type for everything that can go wrong talking to Airflow: the network, a
// timeout, an HTTP status, a body that is not the JSON expected, a request refused in
// read-only mode. It carries a one-line title, the server's detail and a hint a human can
// act on. Messages never carry credentials: URLs are reduced to their path.
import type {ApiGeneration} from './model.js';

/** credentials: the password or token could not be had (a passwordCommand or tokenCommand failed); tls: the server's certificate was refused */
export type AirflowErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'aborted' | 'read-only' | 'credentials' | 'tls';

/** What the caller was doing: picks the hint (a 403 on config is not a 403 on variables). */
export type Operation =
	| 'version'
	| 'health'
	| 'auth'
	| 'dags'
	| 'dag'
	| 'pause'
	| 'runs'
	| 'trigger'
	| 'run-state'
	| 'clear'
	| 'tasks'
	| 'task-state'
	| 'log'
	| 'variables'
	| 'connections'
	| 'pools'
	| 'providers'
	| 'import-errors'
	| 'config';

export type AirflowErrorInit = {
	kind: AirflowErrorKind;
	title: string;
	status?: number;
	detail?: string;
	hint?: string;
	method?: string;
	/** path and query of the request, never the host's credentials */
	path?: string;
	operation?: Operation;
	/** for 422: the fields the server rejected, as "body.conf" */
	fields?: string[];
};

export class AirflowError extends Error {
	readonly kind: AirflowErrorKind;
	readonly status: number | undefined;
	readonly title: string;
	readonly detail: string | undefined;
	readonly hint: string | undefined;
	readonly method: string | undefined;
	readonly path: string | undefined;
	readonly operation: Operation | undefined;
	readonly fields: string[];

	constructor(init: AirflowErrorInit) {
		super(oneLine(init));
		this.name = 'AirflowError';
		this.kind = init.kind;
		this.status = init.status;
		this.title = init.title;
		this.detail = init.detail;
		this.hint = init.hint;
		this.method = init.method;
		this.path = init.path;
		this.operation = init.operation;
		this.fields = init.fields ?? [];
	}
}

function oneLine(init: AirflowErrorInit): string {
	const head = init.status ? `${init.status} ${init.title}` : init.title;
	const detail = init.detail && init.detail !== init.title ? `: ${init.detail}` : '';
	return `${head}${detail}`.replace(/\s*\n\s*/g, ' ');
}

/** "what happened: detail (hint)" on one line: what a footer or stderr shows. */
export function describeError(error: unknown): string {
	if (error instanceof AirflowError) {
		return error.hint ? `${error.message}. ${error.hint}` : error.message;
	}
	return error instanceof Error ? error.message : String(error);
}

/** Turns v1 problem+json's `detail` or v2's `detail` (string, object or array) into text. */
export function detailText(body: unknown): {detail?: string; title?: string; fields: string[]} {
	if (!body || typeof body !== 'object') {
		return typeof body === 'string' && body.trim() ? {detail: truncate(body.trim()), fields: []} : {fields: []};
	}
	const record = body as Record<string, unknown>;
	const title = typeof record['title'] === 'string' ? record['title'] : undefined;
	const detail = record['detail'];
	if (typeof detail === 'string') return {detail: truncate(detail), title, fields: []};
	if (Array.isArray(detail)) {
		// FastAPI validation: [{type, loc: ["body","conf"], msg, input}]
		const fields: string[] = [];
		const parts = detail.map(item => {
			if (!item || typeof item !== 'object') return String(item);
			const entry = item as Record<string, unknown>;
			const loc = Array.isArray(entry['loc']) ? entry['loc'].map(String).join('.') : '';
			if (loc) fields.push(loc);
			const msg = typeof entry['msg'] === 'string' ? entry['msg'] : JSON.stringify(entry);
			return loc ? `${loc}: ${msg}` : msg;
		});
		return {detail: truncate(parts.join('; ')), title, fields};
	}
	if (detail && typeof detail === 'object') {
		// 3.x conflict: {reason, statement, orig_error, message}
		const entry = detail as Record<string, unknown>;
		const text = [entry['reason'], entry['message']].find(v => typeof v === 'string');
		return {detail: truncate(typeof text === 'string' ? text : JSON.stringify(detail)), title, fields: []};
	}
	return {title, fields: []};
}

function truncate(text: string, max = 500): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const STATUS_TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	422: 'Unprocessable Entity',
	500: 'Internal Server Error',
	407: 'Proxy Authentication Required',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** The setting that shows or hides /config, by API generation. */
export function exposeConfigSetting(generation: ApiGeneration | undefined): string {
	return generation === 'v1' ? '[webserver] expose_config (AIRFLOW__WEBSERVER__EXPOSE_CONFIG=True)' : '[api] expose_config (AIRFLOW__API__EXPOSE_CONFIG=True)';
}

/** What a request of this method does, in the words of a refusal: "may not change variables". */
const VERB_OF_METHOD: Readonly<Record<string, string>> = {GET: 'read', POST: 'create', PATCH: 'change', PUT: 'change', DELETE: 'delete'};

/** `said`: the server's own words (detail, title), for telling its 400s apart. */
function hintFor(status: number, method: string, operation: Operation | undefined, generation: ApiGeneration | undefined, fields: string[], said = ''): string | undefined {
	switch (status) {
		case 401:
			if (operation === 'auth') return 'Check the username and password.';
			return generation === 'v1'
				? 'Check the username and password. Airflow 2.x accepts them on its API only when [api] auth_backends includes airflow.api.auth.backend.basic_auth.'
				: 'Check the username and password, or the token (it may have expired).';
		case 403:
			if (operation === 'config') {
				return `The administrator chose not to expose the configuration; ${exposeConfigSetting(generation)} shows it.`;
			}
			if ((operation === 'variables' || operation === 'connections') && generation === 'v2') {
				const verb = VERB_OF_METHOD[method] ?? 'change';
				return `Your user's role may not ${verb} ${operation}: on Airflow 3.x that takes the op role or higher.`;
			}
			if (generation === 'v1') {
				return 'Airflow 2.x answers 403 for a wrong username or password as well as for a role without this permission; it accepts basic auth only when [api] auth_backends includes airflow.api.auth.backend.basic_auth.';
			}
			return "Your user's role lacks the permission for this; ask an Airflow admin.";
		case 407:
			return 'The proxy (HTTPS_PROXY / HTTP_PROXY) wants a login: give it as http://user:password@proxy:port, or add the Airflow host to NO_PROXY.';
		case 404:
			if (operation === 'trigger' || operation === 'dag' || operation === 'pause') return 'No DAG with that id: check its spelling, or whether its file still parses.';
			return 'Nothing by that name on this server.';
		case 409:
			if (operation === 'trigger') {
				return 'A run with that logical date or run id exists already: leave the logical date empty (now) or choose another run id.';
			}
			return 'It exists already.';
		case 400:
		case 422:
			if (fields.length) return `Check ${fields.map(f => f.replace(/^body\./, '')).join(', ')}.`;
			// Airflow checks a conf against the DAG's params, and names the param that failed
			if (operation === 'trigger' && /\bparams?\b/i.test(said)) return "The DAG's params refuse this conf: fix the value named above.";
			if (operation === 'trigger') return 'Check the conf (a JSON object) and the DAG: a DAG with import errors cannot be triggered.';
			return undefined;
		default:
			if (status >= 500) return 'Airflow failed on its side: its api-server (3.x) or webserver (2.x) log says why.';
			return undefined;
	}
}

export type HttpErrorContext = {
	status: number;
	body: unknown;
	method: string;
	path: string;
	operation?: Operation;
	generation?: ApiGeneration;
};

/** Maps an HTTP error response (either generation's shape) to an AirflowError. */
export function errorFromResponse(context: HttpErrorContext): AirflowError {
	const {detail, title, fields} = detailText(context.body);
	return new AirflowError({
		kind: 'http',
		status: context.status,
		title: title ?? STATUS_TITLES[context.status] ?? 'HTTP error',
		detail,
		hint: hintFor(context.status, context.method, context.operation, context.generation, fields, `${detail ?? ''} ${title ?? ''}`),
		method: context.method,
		path: context.path,
		operation: context.operation,
		fields,
	});
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	// Node 24.20+ ends a retried refused connection with this instead of ECONNREFUSED (got #2469)
	ERR_SOCKET_CLOSED_BEFORE_CONNECTION: 'connection refused or closed before it opened',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ECONNRESET: 'connection reset',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	EPIPE: 'connection closed',
};

/** Node's (OpenSSL's) refusals of a certificate, in words; each is a TLS error, not "is it running?". */
export const TLS_MESSAGES: Readonly<Record<string, string>> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that is not trusted here',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is signed by an unknown certificate authority',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is signed by an unknown certificate authority',
	UNABLE_TO_GET_ISSUER_CERT: 'its certificate is signed by an unknown certificate authority',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
	CERT_HAS_EXPIRED: 'its certificate has expired',
	CERT_NOT_YET_VALID: "its certificate is not valid yet (check this machine's clock)",
	CERT_REVOKED: 'its certificate has been revoked',
	CERT_SIGNATURE_FAILURE: 'its certificate signature does not verify',
	ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port (an http:// server?)',
	EPROTO: 'the TLS handshake failed',
};

export type TransportContext = {method: string; path: string; host: string; operation?: Operation; timeoutMs?: number; proxy?: string};

function tlsHint(code: string): string {
	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') return 'If the server speaks plain HTTP, give the URL as http://.';
	if (code === 'EPROTO') return 'The server and windsock agree on no TLS version or cipher, or something between them is not speaking TLS.';
	if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'Use the host name the certificate was issued for in the URL, or ask for a certificate that names this one.';
	if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'CERT_REVOKED')
		return 'The server needs a valid certificate; insecure: true in the profile skips the check (at your own risk).';
	return 'Trust the certificate authority that signed it: caFile in the profile (a PEM file) or NODE_EXTRA_CA_CERTS=/path/ca.pem; insecure: true skips the check (at your own risk).';
}

/** Maps a transport failure (no HTTP answer) to an AirflowError. */
export function errorFromTransport(code: string | undefined, message: string, context: TransportContext): AirflowError {
	const request = {method: context.method, path: context.path, operation: context.operation};
	if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
		const seconds = context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 100) / 10}s` : '';
		return new AirflowError({
			kind: 'timeout',
			title: `No answer from ${context.host}${seconds}${context.proxy ? ` (through the proxy ${context.proxy})` : ''}`,
			hint: 'The server or the network is slow or down; try again, or raise --request-timeout.',
			...request,
		});
	}
	if (code === 'ERR_CANCELED' || code === 'ABORT_ERR') {
		return new AirflowError({kind: 'aborted', title: 'Request cancelled', ...request});
	}
	// The server answered, but its compressed body ends early or is corrupt (a proxy or the
	// network cut it): that is a bad answer, not an unreachable server
	if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
		return new AirflowError({
			kind: 'parse',
			title: 'Unexpected answer from the server',
			detail: `its compressed body ${code === 'Z_BUF_ERROR' ? 'ends early' : 'is corrupt'} (cut off on the way?)`,
			hint: 'Try again; if it persists, something between windsock and Airflow (a proxy, a load balancer) is cutting answers.',
			...request,
		});
	}
	// OpenSSL's own failures arrive as EPROTO with its reason in the message
	if (code === 'EPROTO') code = /wrong version number/i.test(message) ? 'ERR_SSL_WRONG_VERSION_NUMBER' : 'EPROTO';
	const tls = code ? TLS_MESSAGES[code] : undefined;
	if (code && tls) {
		return new AirflowError({kind: 'tls', title: `TLS error: ${context.host} was not trusted: ${tls}`, detail: code, hint: tlsHint(code), ...request});
	}
	const what = (code && NETWORK_MESSAGES[code]) ?? message.replace(/https?:\/\/[^\s]*/g, '').trim();
	if (context.proxy) {
		return new AirflowError({
			kind: 'network',
			title: `Cannot reach ${context.host} through the proxy ${context.proxy}: ${what}`,
			hint: 'Check HTTPS_PROXY / HTTP_PROXY, or add the host to NO_PROXY to go direct.',
			...request,
		});
	}
	return new AirflowError({
		kind: 'network',
		title: `Cannot reach ${context.host}: ${what}`,
		hint: 'Is Airflow running there, and is the URL (with any path prefix) right?',
		...request,
	});
}

/** A body that is not what the Airflow API sends: HTML from a proxy, truncated JSON, ... */
export function errorFromBody(context: {method: string; path: string; operation?: Operation; reason: string}): AirflowError {
	return new AirflowError({
		kind: 'parse',
		title: 'Unexpected answer from the server',
		detail: context.reason,
		hint: 'Is the URL pointing at Airflow itself (check any path prefix such as /airflow)?',
		method: context.method,
		path: context.path,
		operation: context.operation,
	});
}
