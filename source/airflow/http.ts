// The one HTTP layer: got.extend with the base URL, timeouts, retries for idempotent
// requests only, the User-Agent, auth and the mapping of every failure to AirflowError.
// Bodies are read as text and parsed here, so a garbage body is an AirflowError, never an
// uncaught exception. Every request goes out as a RequestPlan (send), so the read-only guard
// here sees each one as data, whether a change's plan or a read spelled inline (request).
//
// got and the proxy agents load with the first request, not with this module: they are most
// of the JavaScript a command evaluates before it starts (about 100 ms on a 2-core host), and
// the console draws its first frame before it sends anything (#12).
import {rootCertificates} from 'node:tls';
import type {Agents, Got} from 'got';
import type {Auth} from './auth.js';
import {NoAuth} from './auth.js';
import {AirflowError, errorFromBody, errorFromResponse, errorFromTransport, type Operation} from './errors.js';
import type {ApiGeneration} from './model.js';
import {proxyFor, proxyLabel} from './proxy.js';
import {changesSomething, planTarget, searchParamsOf, type Method, type RequestPlan, type SearchValue} from './request-plan.js';
import {VERSION} from '../version.js';

export type {Method, SearchValue} from './request-plan.js';

/** Defaults, documented in the README: a slow link still gets an answer; a dead one fails fast. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Retries for idempotent requests (GET, HEAD, PUT, DELETE), with got's back-off (1 s, 2 s). */
export const DEFAULT_RETRIES = 2;

export type HttpOptions = {
	/** e.g. http://127.0.0.1:8080 or https://host/airflow (a path prefix is kept) */
	baseUrl: string;
	auth?: Auth;
	connectTimeoutMs?: number;
	requestTimeoutMs?: number;
	retries?: number;
	/** refuse every request that could change something, before it leaves the process */
	readOnly?: boolean;
	/** PEM text of certificate authorities to trust besides Node's own (a profile's caFile) */
	ca?: string;
	/** do not verify the server's TLS certificate (a profile's insecure: true) */
	insecure?: boolean;
	/** where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (process.env unless given) */
	env?: NodeJS.ProcessEnv;
};

/** How to carry a plan: none of it changes what the request is, so none of it is in the plan. */
export type SendOptions = {
	signal?: AbortSignal;
	/** Accept header; application/json unless given */
	accept?: string;
	/** the body is text, not JSON (task logs as text/plain) */
	text?: boolean;
	/** send no Authorization header (version, health, the token request itself) */
	anonymous?: boolean;
	/** which API generation, for the error hints */
	generation?: ApiGeneration;
};

/** A request spelled inline (reads, detection, logging in); it becomes a plan before it is sent. */
export type RequestOptions = SendOptions & {
	method?: Method;
	operation: Operation;
	searchParams?: Record<string, SearchValue>;
	json?: unknown;
	/** a POST that reads (a list query, a dry run): allowed in read-only mode */
	readsOnly?: boolean;
};

/** What the error mapping needs to know about the request that failed. */
type Context = {method: string; path: string; operation: Operation; generation?: ApiGeneration};

export type HttpResponse<T> = {status: number; body: T};

/** Normalises a base URL: trailing slash, no credentials (they belong in auth, not a URL). */
export function normaliseBaseUrl(raw: string): URL {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new AirflowError({kind: 'network', title: `Not a URL: ${raw.replace(/\/\/[^@/]*@/, '//')}`, hint: 'Give the Airflow address as http(s)://host[:port][/prefix].'});
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new AirflowError({kind: 'network', title: `Not an http(s) URL: ${url.protocol}`, hint: 'Give the Airflow address as http(s)://host[:port][/prefix].'});
	}
	url.username = '';
	url.password = '';
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

/** Where a redirect pointed, without any credentials or query it may carry. */
function redirectTarget(location: string | undefined, base: URL): string {
	if (!location) return 'nowhere (no Location header)';
	try {
		const target = new URL(location, base);
		return `${target.protocol}//${target.host}${target.pathname}`;
	} catch {
		return 'an address that is not a URL';
	}
}

function redirectError(status: number, location: string | undefined, context: Context, base: URL): AirflowError {
	const target = redirectTarget(location, base);
	return new AirflowError({
		kind: 'http',
		status,
		title: `The server redirected ${context.method} ${context.path} to ${target}`,
		hint: "windsock never follows a redirect, so no password, token or body goes anywhere but the address you gave. If that target is right, give it as --url (or the profile's url).",
		method: context.method,
		path: context.path,
		operation: context.operation,
	});
}

/**
 * Obtaining the credential itself failed (a passwordCommand or tokenCommand): its message is
 * already safe to show (stderr sanitised, never the secret), and it is not a network fault.
 */
async function credentials<T>(obtain: () => Promise<T>, context: Context): Promise<T> {
	try {
		return await obtain();
	} catch (error) {
		if (error instanceof AirflowError) throw error;
		throw new AirflowError({
			kind: 'credentials',
			title: error instanceof Error ? error.message : String(error),
			hint: 'Nothing was sent to Airflow. Run the command yourself to see what it needs.',
			method: context.method,
			path: context.path,
			operation: context.operation,
		});
	}
}

type GotModule = typeof import('got');
let gotModule: Promise<GotModule> | undefined;
/** got, loaded once for the whole process (every Http shares it). */
const loadGot = (): Promise<GotModule> => (gotModule ??= import('got'));

/** The proxy requests to `target` go through, if the environment names one; refused at once when windsock cannot speak to it. */
function proxyOf(target: URL, env: NodeJS.ProcessEnv): string | undefined {
	const proxy = proxyFor(target, env);
	if (!proxy) return undefined;
	if (!/^https?:\/\//i.test(proxy)) {
		throw new AirflowError({
			kind: 'network',
			title: `Unsupported proxy ${proxyLabel(proxy)}`,
			hint: 'windsock speaks to http:// and https:// proxies (HTTPS_PROXY, HTTP_PROXY); add the Airflow host to NO_PROXY to go direct.',
		});
	}
	return proxy;
}

/** The agent that carries requests to `target` through `proxy`. */
async function proxyAgents(target: URL, proxy: string): Promise<Agents> {
	// https targets: a CONNECT tunnel, TLS to Airflow inside it (verified as without a proxy);
	// http targets: absolute-form requests, which proxies that allow CONNECT only to 443 accept
	const options = {keepAlive: true};
	if (target.protocol === 'https:') {
		const {HttpsProxyAgent} = await import('https-proxy-agent');
		return {https: new HttpsProxyAgent(proxy, options)};
	}
	const {HttpProxyAgent} = await import('http-proxy-agent');
	return {http: new HttpProxyAgent(proxy, options)};
}

export class Http {
	readonly baseUrl: URL;
	readonly readOnly: boolean;
	/** the server's certificate is not checked: the header and every command say so */
	readonly insecure: boolean;
	/** the proxy requests go through (host and port only), if any */
	readonly proxy: string | undefined;
	/** got, extended with this connection's settings, made on the first request */
	#got: Promise<Got> | undefined;
	/** the got module, for telling its errors apart (loaded before any request can fail) */
	#module: GotModule | undefined;
	readonly #options: HttpOptions;
	readonly #proxyUrl: string | undefined;
	/** set after detection: which scheme depends on the API generation */
	auth: Auth;
	readonly #requestTimeoutMs: number;
	/** requests sent (attempts count once); for the read-only test and the benchmarks */
	sent = 0;

	constructor(options: HttpOptions) {
		this.baseUrl = normaliseBaseUrl(options.baseUrl);
		this.readOnly = options.readOnly ?? false;
		this.auth = options.auth ?? new NoAuth();
		this.#requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
		this.insecure = options.insecure ?? false;
		this.#options = options;
		this.#proxyUrl = proxyOf(this.baseUrl, options.env ?? process.env);
		this.proxy = this.#proxyUrl ? proxyLabel(this.#proxyUrl) : undefined;
	}

	/** got for this connection; every request waits for it, so none is sent before it exists. */
	#client(): Promise<Got> {
		this.#got ??= this.#extend();
		return this.#got;
	}

	async #extend(): Promise<Got> {
		const options = this.#options;
		const [module, agent] = await Promise.all([loadGot(), this.#proxyUrl ? proxyAgents(this.baseUrl, this.#proxyUrl) : undefined]);
		this.#module = module;
		return module.default.extend({
			prefixUrl: this.baseUrl.href,
			...(agent ? {agent} : {}),
			https: {
				// a caFile adds to Node's own roots, as NODE_EXTRA_CA_CERTS does
				...(options.ca ? {certificateAuthority: [...rootCertificates, options.ca]} : {}),
				rejectUnauthorized: !this.insecure,
			},
			headers: {'user-agent': `windsock/${VERSION}`},
			timeout: {
				connect: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
				request: this.#requestTimeoutMs,
			},
			retry: {
				limit: options.retries ?? DEFAULT_RETRIES,
				// Never POST or PATCH: a trigger sent twice is two runs.
				methods: ['GET', 'HEAD', 'PUT', 'DELETE'],
			},
			responseType: 'text',
			// Never: got drops only the Authorization header on a cross-origin redirect, so a
			// login body {username, password}, a conf or a Basic header would go wherever a
			// server (or anyone in the middle) points. A 3xx becomes an error that names where.
			followRedirect: false,
			hooks: {
				beforeRequest: [
					() => {
						this.sent++;
					},
				],
			},
		});
	}

	get host(): string {
		return this.baseUrl.host;
	}

	/** Sends one request spelled inline: the same as sending its plan. */
	async request<T = unknown>(path: string, options: RequestOptions): Promise<HttpResponse<T>> {
		const {method = 'GET', operation, searchParams, json, readsOnly = false, ...sendOptions} = options;
		return this.send<T>({method, path, query: searchParams, body: json, operation, readsOnly}, sendOptions);
	}

	/** Sends a plan as it is; returns the parsed body or throws AirflowError. */
	async send<T = unknown>(plan: RequestPlan, options: SendOptions = {}): Promise<HttpResponse<T>> {
		const {method, operation} = plan;
		const context: Context = {method, path: planTarget(plan, this.baseUrl), operation, generation: options.generation};
		// THE read-only guard: every request passes here as a plan, before anything is sent.
		if (this.readOnly && changesSomething(plan)) {
			throw new AirflowError({
				kind: 'read-only',
				title: 'Read-only mode: nothing was sent',
				hint: 'This connection was opened with --read-only (or a read-only profile).',
				method,
				path: context.path,
				operation,
			});
		}
		const searchParams = searchParamsOf(plan.query);
		let authorization: string | undefined;
		const attempt = async () => {
			const request = await this.#client();
			authorization = options.anonymous ? undefined : await credentials(() => this.auth.header(), context);
			return request(plan.path, {
				method,
				searchParams: searchParams.size ? searchParams : undefined,
				json: plan.body,
				signal: options.signal,
				headers: {
					accept: options.accept ?? 'application/json',
					...(authorization ? {authorization} : {}),
				},
			});
		};
		let response: Awaited<ReturnType<typeof attempt>>;
		try {
			try {
				response = await attempt();
			} catch (error) {
				// 3.x tokens expire, a command's token or password may rotate: obtain a fresh one
				// (unless another request did since this one was sent) and replay the request once.
				if (error instanceof this.#module!.HTTPError && error.response.statusCode === 401 && !options.anonymous && (await credentials(() => this.auth.renew(authorization), context))) {
					response = await attempt();
				} else {
					throw error;
				}
			}
		} catch (error) {
			throw this.#mapError(error, context);
		}
		if (response.statusCode >= 300 && response.statusCode < 400) throw redirectError(response.statusCode, response.headers.location, context, this.baseUrl);
		if (options.text) return {status: response.statusCode, body: response.body as T};
		return {status: response.statusCode, body: this.#parse<T>(response.body, response.statusCode, context)};
	}

	#parse<T>(text: string, status: number, context: Context): T {
		if (status === 204 || text.trim() === '') return undefined as T;
		try {
			return JSON.parse(text) as T;
		} catch {
			const looksHtml = /^\s*</.test(text);
			throw errorFromBody({
				method: context.method,
				path: context.path,
				operation: context.operation,
				reason: looksHtml ? 'an HTML page instead of JSON' : 'the body is not valid JSON',
			});
		}
	}

	#mapError(error: unknown, context: Context): AirflowError {
		const {method, path, operation} = context;
		if (error instanceof AirflowError) return error;
		const module = this.#module;
		if (module && error instanceof module.HTTPError) {
			const raw = error.response.body;
			let body: unknown = raw;
			if (typeof raw === 'string') {
				try {
					body = JSON.parse(raw);
				} catch {
					// An HTML error page from a proxy says nothing useful on one line.
					body = /^\s*</.test(raw) ? undefined : raw;
				}
			}
			return errorFromResponse({
				status: error.response.statusCode,
				body,
				method,
				path,
				operation,
				generation: context.generation,
			});
		}
		if (module && error instanceof module.RequestError) {
			const code = error.name === 'TimeoutError' ? 'ETIMEDOUT' : error.name === 'AbortError' ? 'ERR_CANCELED' : error.code;
			return errorFromTransport(code, error.message, {
				method,
				path,
				host: this.host,
				operation,
				timeoutMs: this.#requestTimeoutMs,
				proxy: this.proxy,
			});
		}
		return errorFromTransport((error as NodeJS.ErrnoException | null)?.code, error instanceof Error ? error.message : String(error), {
			method,
			path,
			host: this.host,
			operation,
		});
	}
}
