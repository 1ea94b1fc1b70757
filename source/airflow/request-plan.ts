// A request as data: method, path, query and body, built before anything is sent. The same
// plan is what a preview shows (describePlan), what the read-only guard inspects and what
// http.ts sends, so a preview cannot drift from the request.
import type {Operation} from './errors.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type SearchValue = string | number | boolean | string[] | undefined | null;

export type RequestPlan = {
	method: Method;
	/** below the base URL, API prefix included and segments encoded: 'api/v2/dags/etl' */
	path: string;
	query?: Record<string, SearchValue>;
	/** sent as JSON; absent: no body */
	body?: unknown;
	/** what the caller is doing: picks the error hint */
	operation: Operation;
	/** changes nothing although the method could (a dry run, a list query, logging in) */
	readsOnly: boolean;
	/** top-level body fields a preview must not print (a password, a secret Variable's value) */
	secret?: string[];
};

const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** True when read-only mode must refuse this plan: a method that can change something, not marked as reading. */
export function changesSomething(plan: RequestPlan): boolean {
	return MUTATING.has(plan.method) && !plan.readsOnly;
}

/** The query as sent: lists exploded (?tags=a&tags=b, as Airflow wants), empty values left out. */
export function searchParamsOf(query: Record<string, SearchValue> | undefined): URLSearchParams {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(query ?? {})) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) for (const item of value) search.append(key, item);
		else search.append(key, String(value));
	}
	return search;
}

/** "/airflow/api/v2/dags/x?update_mask=is_paused": the path and query under the base URL's own path. */
export function planTarget(plan: RequestPlan, baseUrl: URL): string {
	const search = searchParamsOf(plan.query);
	return `/${baseUrl.pathname.replace(/^\/+/, '')}${plan.path}${search.size ? `?${search}` : ''}`;
}

/** JSON on one line, spaced as people write it: {"is_paused": true, "tags": ["a", "b"]}. */
function oneLineJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.entries(value)
			.filter(([, item]) => item !== undefined)
			.map(([key, item]) => `${JSON.stringify(key)}: ${oneLineJson(item)}`)
			.join(', ')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The body as a preview may show it: each secret field replaced by its length. */
function shownBody(plan: RequestPlan): unknown {
	const {body, secret} = plan;
	if (!secret?.length || !body || typeof body !== 'object' || Array.isArray(body)) return body;
	const shown: Record<string, unknown> = {...(body as Record<string, unknown>)};
	for (const field of secret) {
		const value = shown[field];
		if (typeof value === 'string') shown[field] = `(${[...value].length} characters, hidden)`;
	}
	return shown;
}

export type DescribeOptions = {
	/** the body pretty-printed on lines of its own (a trigger's conf), not on the request line */
	multiline?: boolean;
};

/**
 * The plan as preview lines: "PATCH /api/v2/dags/x?update_mask=is_paused  {"is_paused": true}",
 * or with `multiline` the request line followed by the body, two-space indented.
 */
export function describePlanLines(plan: RequestPlan, baseUrl: URL, options: DescribeOptions = {}): string[] {
	const line = `${plan.method} ${planTarget(plan, baseUrl)}`;
	if (plan.body === undefined) return [line];
	const body = shownBody(plan);
	return options.multiline ? [line, ...JSON.stringify(body, null, 2).split('\n')] : [`${line}  ${oneLineJson(body)}`];
}

/** The plan on one line, body included: what a confirmation shows above its choices. */
export function describePlan(plan: RequestPlan, baseUrl: URL): string {
	return describePlanLines(plan, baseUrl)[0]!;
}
