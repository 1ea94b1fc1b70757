// THE Airflow client: domain in, domain out, the same methods on Airflow 2.x and 3.x.
// Every pane and command goes through one instance of it; it never imports React. Changes
// are built as plans (client.plans, change-plans.ts) that a caller may preview
// (client.describe) and that the change methods send (client.send).
import {BasicAuth, NoAuth, PasswordJwtAuth, secretSource, TokenAuth, type Auth, type SecretSource} from './auth.js';
import {detectServer} from './detect.js';
import {AirflowError, errorFromBody, type Operation} from './errors.js';
import {asObject, BodyShapeError, collection, field, list, str, type Json} from './fields.js';
import {changePlans, type ChangePlans, type MarkableRunState, type MarkableTaskState} from './change-plans.js';
import {allPages, type FetchPage} from './paging.js';
import {Http, type HttpOptions, type Method, type SearchValue} from './http.js';
import type {
	ClearTasksRequest,
	ConfigSection,
	Connection,
	ConnectionInput,
	Dag,
	DagDetails,
	DagListQuery,
	DagRun,
	Health,
	ImportError,
	LogChunk,
	LogQuery,
	Page,
	Pool,
	Provider,
	RunListQuery,
	RunPage,
	ServerInfo,
	TaskInstance,
	TaskInstanceRef,
	TaskInstanceListQuery,
	TriggerRequest,
	Variable,
} from './model.js';
import {v1} from './v1.js';
import {v2} from './v2.js';
import {describePlan, describePlanLines, planTarget, type DescribeOptions, type RequestPlan} from './request-plan.js';
import {importErrorFrom, poolFrom, providerFrom, UnsupportedQuery, variableFrom, type WireFormat} from './wire.js';
import {compilePattern} from './pattern.js';
import {defaultServerMemory, type ServerMemory} from './server-memory.js';

export type Credentials = {
	username?: string;
	/** fixed, or a passwordCommand's source (run again after a refused login) */
	password?: string | SecretSource;
	/** a bearer token the user already has (3.x JWT, a proxy's token), or a tokenCommand's source */
	token?: string | SecretSource;
};

export type ConnectOptions = Omit<HttpOptions, 'auth'> &
	Credentials & {
		signal?: AbortSignal;
		/** retries of the version probe alone (the console's own schedule retries a first connect) */
		detectRetries?: number;
		/** what each server answered last time (default: servers.json in the state directory) */
		memory?: ServerMemory;
	};

/** A connection under way: `ahead` at once where the server was seen before, `connected` once the probe has answered. */
export type ConnectingClient = {
	/** a client for the server as remembered, to send reads with while the probe is out */
	ahead: AirflowClient | undefined;
	/** `ahead` itself when the probe agrees (so what it read counts), else a client for the server as it is now */
	connected: Promise<AirflowClient>;
};

/** The largest page Airflow serves by default ([api] maximum_page_limit = 100). */
const PAGE = 100;

const seg = encodeURIComponent;

const sameServer = (a: ServerInfo, b: ServerInfo) => a.generation === b.generation && a.version === b.version && a.gitVersion === b.gitVersion;

/**
 * Where the server cannot match run ids (2.x, 3.0-3.1), the newest this many runs (in the
 * query's states and window) are read and matched here: bounded, and said on screen.
 */
export const RUN_SCAN_LIMIT = 300;

function chooseAuth(http: Http, generation: ServerInfo['generation'], credentials: Credentials): Auth {
	if (credentials.token) return new TokenAuth(credentials.token);
	if (!credentials.username) return new NoAuth();
	const {username} = credentials;
	const password = secretSource(credentials.password ?? '');
	if (generation === 'v1') return new BasicAuth(username, password);
	const login = async () => {
		const {body} = await http.request('auth/token', {
			method: 'POST',
			operation: 'auth',
			anonymous: true,
			readsOnly: true, // logging in changes nothing on the server
			json: {username, password: await password.get()},
			generation,
		});
		const token = str(asObject(body, 'the token answer'), 'access_token');
		if (!token) throw errorFromBody({method: 'POST', path: '/auth/token', operation: 'auth', reason: 'no access_token in the answer'});
		return token;
	};
	return new PasswordJwtAuth(async () => {
		try {
			return await login();
		} catch (error) {
			// a refused login with a passwordCommand: the password may have rotated; ask it once more
			if (error instanceof AirflowError && error.status === 401 && (await password.refresh())) return login();
			throw error;
		}
	});
}

export class AirflowClient {
	readonly http: Http;
	readonly server: ServerInfo;
	readonly #wire: WireFormat;
	/** every change as a plan, for this server's API generation: preview it, then send() it */
	readonly plans: ChangePlans;

	private constructor(http: Http, server: ServerInfo) {
		this.http = http;
		this.server = server;
		this.#wire = server.generation === 'v1' ? v1 : v2;
		this.plans = changePlans(this.#wire);
	}

	/** Detects the API generation and sets up auth for it. Throws AirflowError. */
	static async connect(options: ConnectOptions): Promise<AirflowClient> {
		return AirflowClient.connectAhead(options).connected;
	}

	/**
	 * Connects as connect() does; where this URL's server was seen before, a client for it as
	 * it was is ready at once (`ahead`), so the first reads go out with the version probe, not
	 * a round trip after it. The probe decides: when it finds the same generation and version,
	 * `connected` is that very client; otherwise a new one, and whatever `ahead` read is not
	 * for this server (a 2.x upgraded to 3.x answers /api/v1 with 404s nobody sees).
	 */
	static connectAhead(options: ConnectOptions): ConnectingClient {
		try {
			return AirflowClient.#connectAhead(options);
		} catch (error) {
			// settings refused before any request (a proxy windsock cannot use): reported where
			// connect() reported it, by the promise, so the console shows it in its frame
			return {ahead: undefined, connected: Promise.reject(error)};
		}
	}

	static #connectAhead(options: ConnectOptions): ConnectingClient {
		const {username, password, token, signal, detectRetries, memory = defaultServerMemory(), ...httpOptions} = options;
		const clientFor = (http: Http, server: ServerInfo) => {
			http.auth = chooseAuth(http, server.generation, {username, password, token});
			return new AirflowClient(http, server);
		};
		// the probe shares the client's connection settings (and, through a proxy, its agent)
		// unless it has retries of its own; a client made after a disagreeing probe has its own
		const http = new Http(httpOptions);
		const probe = detectRetries === undefined ? http : new Http({...httpOptions, retries: detectRetries});
		const remembered = memory.recall(http.baseUrl);
		const ahead = remembered ? clientFor(http, remembered) : undefined;
		const connected = detectServer(probe, signal, remembered?.generation).then(server => {
			memory.remember(http.baseUrl, server);
			if (ahead && sameServer(ahead.server, server)) return ahead;
			// ahead's auth was chosen for the generation remembered
			return clientFor(ahead ? new Http(httpOptions) : http, server);
		});
		return {ahead, connected};
	}

	/**
	 * Connects and makes a first read: sent with the version probe where the server was seen
	 * before and kept when the probe agrees, else sent once connected. `windsock health` on a
	 * known server is one round trip.
	 */
	static async connectAndRead<T>(options: ConnectOptions, read: (client: AirflowClient, signal?: AbortSignal) => Promise<T>): Promise<{client: AirflowClient; value: T}> {
		const {ahead, connected} = AirflowClient.connectAhead(options);
		// a read ahead that will not count is given up: a request still out would keep a
		// command's process alive until it timed out
		const unused = new AbortController();
		const early = ahead ? read(ahead, options.signal ? AbortSignal.any([options.signal, unused.signal]) : unused.signal) : undefined;
		// a probe that fails or disagrees leaves it unused: its failure is nobody's to report
		early?.catch(() => {});
		let client: AirflowClient;
		try {
			client = await connected;
		} catch (error) {
			unused.abort();
			throw error;
		}
		if (client === ahead && early) return {client, value: await early};
		unused.abort();
		return {client, value: await read(client, options.signal)};
	}

	get readOnly(): boolean {
		return this.http.readOnly;
	}

	// ---- plans: built, described and sent ----

	/** Sends a plan exactly as built (the read-only guard in http.ts inspects it first). */
	async send(plan: RequestPlan, signal?: AbortSignal): Promise<{status: number; body: unknown}> {
		return this.http.send(plan, {signal, generation: this.server.generation});
	}

	/** A plan as preview lines, under this connection's base URL (a path prefix included). */
	describe(plan: RequestPlan, options?: DescribeOptions): string[] {
		return describePlanLines(plan, this.http.baseUrl, options);
	}

	/** A plan on one line: "PATCH /api/v2/dags/x?update_mask=is_paused  {"is_paused": true}". */
	describeLine(plan: RequestPlan): string {
		return describePlan(plan, this.http.baseUrl);
	}

	/** Sends a plan and maps its answer; a body of the wrong shape becomes an AirflowError. */
	async #apply<T>(plan: RequestPlan, map: (body: unknown) => T): Promise<T> {
		const {body} = await this.send(plan);
		try {
			return map(body);
		} catch (error) {
			if (error instanceof BodyShapeError) throw errorFromBody({method: plan.method, path: planTarget(plan, this.http.baseUrl), operation: plan.operation, reason: error.message});
			throw error;
		}
	}

	// ---- plumbing ----

	async #send(
		path: string,
		operation: Operation,
		options: {method?: Method; searchParams?: Record<string, SearchValue>; json?: unknown; signal?: AbortSignal; readsOnly?: boolean; anonymous?: boolean} = {},
	): Promise<{status: number; body: unknown}> {
		return this.http.request(this.#wire.prefix + path, {...options, operation, generation: this.server.generation});
	}

	/** Runs a mapper over a body; a body of the wrong shape becomes an AirflowError. */
	#map<T>(operation: Operation, path: string, map: () => T): T {
		try {
			return map();
		} catch (error) {
			if (error instanceof BodyShapeError) {
				throw errorFromBody({method: 'GET', path: `/${this.#wire.prefix}${path}`, operation, reason: error.message});
			}
			throw error;
		}
	}

	async #page<T>(path: string, key: string, operation: Operation, searchParams: Record<string, SearchValue>, map: (raw: Json) => T, signal?: AbortSignal): Promise<Page<T>> {
		const {body} = await this.#send(path, operation, {searchParams, signal});
		return this.#map(operation, path, () => {
			const {items, total} = collection(body, key);
			return {items: items.map(map), total};
		});
	}

	/** Every page of a read-only list, concurrently once the total is known (paging.ts). */
	async #all<T>(fetch: FetchPage<T>, keyOf: (item: T) => string): Promise<T[]> {
		return allPages(fetch, keyOf);
	}

	// ---- server ----

	async version(signal?: AbortSignal): Promise<ServerInfo> {
		return detectServer(this.http, signal);
	}

	async health(signal?: AbortSignal): Promise<Health> {
		const {body} = await this.http.request(this.#wire.healthPath, {operation: 'health', anonymous: true, signal, generation: this.server.generation});
		return this.#map('health', this.#wire.healthPath, () => this.#wire.health(body));
	}

	// ---- DAGs ----

	/** A page of DAGs; a query this generation cannot ask (2.x: sort by last run) is an AirflowError, never sent. */
	async listDags(query: DagListQuery = {}, signal?: AbortSignal): Promise<Page<Dag>> {
		let params: Record<string, SearchValue>;
		try {
			params = this.#wire.dagListParams({limit: PAGE, offset: 0, ...query});
		} catch (error) {
			if (error instanceof UnsupportedQuery) throw new AirflowError({kind: 'http', title: error.message, hint: 'Nothing was sent.', operation: 'dags'});
			throw error;
		}
		return this.#page('dags', 'dags', 'dags', params, raw => this.#wire.dag(raw), signal);
	}

	/** Whether listRuns' run id / DAG id patterns are matched by the server (else: among the newest RUN_SCAN_LIMIT runs). */
	get matchesRunPatterns(): boolean {
		return this.#wire.matchesRunPatterns(this.server.version);
	}

	/** Every DAG matching the query, all pages. */
	async listAllDags(query: Omit<DagListQuery, 'limit' | 'offset'> = {}, signal?: AbortSignal): Promise<Dag[]> {
		return this.#all(
			offset => this.listDags({...query, limit: PAGE, offset}, signal),
			dag => dag.dagId,
		);
	}

	/** A DAG with its params (from /details: 3.x has params only there). */
	async getDag(dagId: string, signal?: AbortSignal): Promise<DagDetails> {
		const path = `dags/${seg(dagId)}/details`;
		const {body} = await this.#send(path, 'dag', {signal});
		return this.#map('dag', path, () => this.#wire.dagDetails(asObject(body, 'the DAG')));
	}

	async setPaused(dagId: string, paused: boolean): Promise<Dag> {
		return this.#apply(this.plans.pause(dagId, paused), body => this.#wire.dag(asObject(body, 'the DAG')));
	}

	/**
	 * Pauses or unpauses every DAG whose id contains `pattern`. 2.x updates one page per
	 * call, so this walks the pages; on 3.x the later calls repeat an idempotent change.
	 * Returns the DAGs as the server left them.
	 */
	async setPausedByPattern(pattern: string, paused: boolean): Promise<Dag[]> {
		if (!pattern) throw new AirflowError({kind: 'http', title: 'An empty pattern would match every DAG', hint: 'Give a part of the DAG ids to match.', operation: 'pause'});
		// one page at a time: these are changes, and each answer says where the next page starts
		return allPages(
			offset =>
				this.#apply(this.plans.pauseByPattern(pattern, paused, offset), body => {
					const {items, total} = collection(body, 'dags');
					return {items: items.map(raw => this.#wire.dag(raw)), total};
				}),
			dag => dag.dagId,
			1,
		);
	}

	// ---- runs ----

	/**
	 * A page of runs, newest first. Run id / DAG id patterns go to the server where it
	 * matches them; elsewhere the newest RUN_SCAN_LIMIT runs of the query (states and window
	 * still filtered by the server) are matched here, and `matchedAmong` says so.
	 */
	async listRuns(query: RunListQuery = {}, signal?: AbortSignal): Promise<RunPage> {
		const path = `dags/${query.dagId ? seg(query.dagId) : '~'}/dagRuns`;
		const {runIdPattern, dagIdPattern, ...serverQuery} = query;
		const patterned = !!(runIdPattern || dagIdPattern);
		if (!patterned || this.matchesRunPatterns) {
			const params = this.#wire.runListParams({limit: 50, offset: 0, ...query});
			return this.#page(path, 'dag_runs', 'runs', params, raw => this.#wire.run(raw), signal);
		}
		const scanned = await this.#all(
			async offset => {
				const page = await this.#page(path, 'dag_runs', 'runs', this.#wire.runListParams({...serverQuery, limit: PAGE, offset}), raw => this.#wire.run(raw), signal);
				// never past the bound: the last page read is cut, and the walk stops there
				return offset + page.items.length >= RUN_SCAN_LIMIT
					? {items: page.items.slice(0, RUN_SCAN_LIMIT - offset), total: RUN_SCAN_LIMIT}
					: {items: page.items, total: Math.min(page.total, RUN_SCAN_LIMIT)};
			},
			run => `${run.dagId}\u0000${run.runId}`,
		);
		const runMatch = compilePattern(runIdPattern ?? '');
		const dagMatch = compilePattern(dagIdPattern ?? '');
		const matching = scanned.filter(run => runMatch(run.runId) && dagMatch(run.dagId));
		const offset = query.offset ?? 0;
		return {items: matching.slice(offset, offset + (query.limit ?? 50)), total: matching.length, matchedAmong: scanned.length};
	}

	/**
	 * The latest runs of several DAGs in one request (the batch list endpoint, a POST that
	 * reads), newest first, grouped by DAG. `limit` bounds the runs fetched in all, so a DAG
	 * whose runs are all older than the newest `limit` of the group gets none.
	 */
	async recentRunsOf(dagIds: string[], limit = 100, signal?: AbortSignal): Promise<Map<string, DagRun[]>> {
		const byDag = new Map<string, DagRun[]>(dagIds.map(id => [id, []]));
		if (dagIds.length === 0) return byDag;
		const path = 'dags/~/dagRuns/list';
		const {body} = await this.#send(path, 'runs', {method: 'POST', readsOnly: true, signal, json: {dag_ids: dagIds, page_limit: limit, order_by: this.#wire.runOrder}});
		const runs = this.#map('runs', path, () => collection(body, 'dag_runs').items.map(raw => this.#wire.run(raw)));
		for (const run of runs) byDag.get(run.dagId)?.push(run);
		return byDag;
	}

	async getRun(dagId: string, runId: string, signal?: AbortSignal): Promise<DagRun> {
		const path = `dags/${seg(dagId)}/dagRuns/${seg(runId)}`;
		const {body} = await this.#send(path, 'runs', {signal});
		return this.#map('runs', path, () => this.#wire.run(asObject(body, 'the run')));
	}

	/** Triggers a run. Never retried: a POST sent twice would be two runs. */
	async trigger(dagId: string, request: TriggerRequest = {}): Promise<DagRun> {
		return this.#apply(this.plans.trigger(dagId, request), body => this.#wire.run(asObject(body, 'the new run')));
	}

	async setRunState(dagId: string, runId: string, state: MarkableRunState): Promise<DagRun> {
		return this.#apply(this.plans.setRunState(dagId, runId, state), body => this.#wire.run(asObject(body, 'the run')));
	}

	/** Clears a run's task instances (all, or only the failed ones); dry run by default. */
	async clearRun(dagId: string, runId: string, options: {dryRun?: boolean; onlyFailed?: boolean} = {}): Promise<TaskInstanceRef[]> {
		return this.#apply(this.plans.clearRun(dagId, runId, options), body => this.#clearedRefs(body));
	}

	// ---- task instances and logs ----

	async listTaskInstances(dagId: string, runId: string, signal?: AbortSignal): Promise<TaskInstance[]> {
		const path = `dags/${seg(dagId)}/dagRuns/${seg(runId)}/taskInstances`;
		return this.#all(
			offset => this.#page(path, 'task_instances', 'tasks', {limit: PAGE, offset}, raw => this.#wire.taskInstance(raw), signal),
			task => `${task.taskId}[${task.mapIndex}]`,
		);
	}

	async getTaskInstance(dagId: string, runId: string, taskId: string, signal?: AbortSignal): Promise<TaskInstance> {
		const path = `dags/${seg(dagId)}/dagRuns/${seg(runId)}/taskInstances/${seg(taskId)}`;
		const {body} = await this.#send(path, 'tasks', {signal});
		return this.#map('tasks', path, () => this.#wire.taskInstance(asObject(body, 'the task instance')));
	}

	/** One chunk of a task's log; pass continuationToken back to get what follows. */
	async getLog(query: LogQuery, signal?: AbortSignal): Promise<LogChunk> {
		const path = `dags/${seg(query.dagId)}/dagRuns/${seg(query.runId)}/taskInstances/${seg(query.taskId)}/logs/${query.tryNumber}`;
		const request = this.#wire.logRequest(query);
		const {body} = await this.http.request(this.#wire.prefix + path, {
			operation: 'log',
			accept: request.accept,
			text: request.text,
			searchParams: request.searchParams,
			signal,
			generation: this.server.generation,
		});
		return this.#map('log', path, () => this.#wire.log(body, query));
	}

	/** Clears task instances; dry run unless dryRun is false. Returns what is (or would be) cleared. */
	async clearTasks(dagId: string, request: ClearTasksRequest): Promise<TaskInstanceRef[]> {
		return this.#apply(this.plans.clearTasks(dagId, request), body => this.#clearedRefs(body));
	}

	#clearedRefs(body: unknown): TaskInstanceRef[] {
		return collection(body, 'task_instances').items.map(raw => this.#wire.taskRef(raw));
	}

	async setTaskState(dagId: string, runId: string, taskId: string, state: MarkableTaskState, options: {dryRun?: boolean} = {}): Promise<TaskInstanceRef[]> {
		return this.#apply(this.plans.setTaskState(dagId, runId, taskId, state, options), body => {
			const record = asObject(body, 'the answer');
			// 3.x answers with a collection; 2.x with one reference for a dry run and an empty
			// object once it has changed the state (it dumps a list through a one-item schema).
			const refs = Array.isArray(record['task_instances']) ? collection(record, 'task_instances').items.map(raw => this.#wire.taskRef(raw)) : [this.#wire.taskRef(record)];
			return refs.filter(ref => ref.taskId !== '');
		});
	}

	// ---- variables ----

	async listVariables(query: {limit?: number; offset?: number} = {}, signal?: AbortSignal): Promise<Page<Variable>> {
		return this.#page('variables', 'variables', 'variables', {limit: PAGE, offset: 0, ...query}, variableFrom, signal);
	}

	async listAllVariables(signal?: AbortSignal): Promise<Variable[]> {
		return this.#all(
			offset => this.listVariables({offset}, signal),
			variable => variable.key,
		);
	}

	async getVariable(key: string, signal?: AbortSignal): Promise<Variable> {
		const path = `variables/${seg(key)}`;
		const {body} = await this.#send(path, 'variables', {signal});
		return this.#map('variables', path, () => variableFrom(asObject(body, 'the variable')));
	}

	async createVariable(variable: Variable): Promise<Variable> {
		return this.#apply(this.plans.createVariable(variable), body => variableFrom(asObject(body, 'the variable')));
	}

	async updateVariable(variable: Variable): Promise<Variable> {
		return this.#apply(this.plans.updateVariable(variable), body => variableFrom(asObject(body, 'the variable')));
	}

	async deleteVariable(key: string): Promise<void> {
		await this.send(this.plans.deleteVariable(key));
	}

	// ---- connections ----

	async listConnections(query: {limit?: number; offset?: number} = {}, signal?: AbortSignal): Promise<Page<Connection>> {
		return this.#page('connections', 'connections', 'connections', {limit: PAGE, offset: 0, ...query}, raw => this.#wire.connection(raw), signal);
	}

	async listAllConnections(signal?: AbortSignal): Promise<Connection[]> {
		return this.#all(
			offset => this.listConnections({offset}, signal),
			connection => connection.connectionId,
		);
	}

	async getConnection(connectionId: string, signal?: AbortSignal): Promise<Connection> {
		const path = `connections/${seg(connectionId)}`;
		const {body} = await this.#send(path, 'connections', {signal});
		return this.#map('connections', path, () => this.#wire.connection(asObject(body, 'the connection')));
	}

	async createConnection(connection: ConnectionInput): Promise<Connection> {
		return this.#apply(this.plans.createConnection(connection), body => this.#wire.connection(asObject(body, 'the connection')));
	}

	/** Updates the fields given; the stored password stays unless `password` is set. */
	async updateConnection(connection: ConnectionInput): Promise<Connection> {
		return this.#apply(this.plans.updateConnection(connection), body => this.#wire.connection(asObject(body, 'the connection')));
	}

	async deleteConnection(connectionId: string): Promise<void> {
		await this.send(this.plans.deleteConnection(connectionId));
	}

	// ---- pools, import errors, config ----

	async listPools(signal?: AbortSignal): Promise<Pool[]> {
		return this.#all(
			offset => this.#page('pools', 'pools', 'pools', {limit: PAGE, offset}, poolFrom, signal),
			pool => pool.name,
		);
	}

	/** GET providers: the same path and shape on both lines */
	async listProviders(signal?: AbortSignal): Promise<Provider[]> {
		return this.#all(
			offset => this.#page('providers', 'providers', 'providers', {limit: PAGE, offset}, providerFrom, signal),
			provider => provider.packageName,
		);
	}

	async listImportErrors(signal?: AbortSignal): Promise<ImportError[]> {
		return this.#all(
			offset => this.#page('importErrors', 'import_errors', 'import-errors', {limit: PAGE, offset}, importErrorFrom, signal),
			error => `${error.id} ${error.filename}`,
		);
	}

	/**
	 * The configuration as sections of options; 403 (with the setting to change) when hidden.
	 * A section without an options list is a section with none (a section whose options are
	 * all hidden comes that way), not a failed answer; a value given as [value, source] (3.x
	 * display_source) is its value.
	 */
	async getConfig(section?: string, signal?: AbortSignal): Promise<ConfigSection[]> {
		const {body} = await this.#send('config', 'config', {searchParams: {section}, signal});
		const optionValue = (value: unknown): string => {
			if (Array.isArray(value)) return optionValue(value[0]);
			return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
		};
		return this.#map('config', 'config', () =>
			collection(body, 'sections').items.map(raw => ({
				name: str(raw, 'name') ?? '?',
				options: list(raw, 'options')
					.filter((option): option is Json => !!option && typeof option === 'object' && !Array.isArray(option))
					.map(option => ({key: str(option, 'key') ?? '?', value: optionValue(field(option, 'value'))})),
			})),
		);
	}

	// ---- triage (additive: reads the Triage pane needs, one request each; docs/triage.md) ----

	/**
	 * Task instances of every DAG and run in one request: `~` for both ids, with the state
	 * and updated_at filters both lines take under the same names. One page, as the server
	 * orders it (2.x has no order_by here): callers sort.
	 */
	async listTaskInstancesAcrossRuns(query: TaskInstanceListQuery, signal?: AbortSignal): Promise<Page<TaskInstance>> {
		const searchParams: Record<string, SearchValue> = {limit: query.limit ?? PAGE, offset: 0, state: query.states, updated_at_gte: query.updatedAfter};
		return this.#page('dags/~/dagRuns/~/taskInstances', 'task_instances', 'tasks', searchParams, raw => this.#wire.taskInstance(raw), signal);
	}

	/**
	 * Every task instance of some runs of one DAG (the grid of recent runs), in as few requests
	 * as the page size allows: the batch list (a POST that reads, on both lines) with the runs'
	 * ids, instead of one request per run. 2.11 and 3.x page it with page_limit/page_offset.
	 */
	async listTaskInstancesOfRuns(dagId: string, runIds: readonly string[], signal?: AbortSignal): Promise<TaskInstance[]> {
		if (runIds.length === 0) return [];
		const path = 'dags/~/dagRuns/~/taskInstances/list';
		return this.#all(
			async offset => {
				const json = {dag_ids: [dagId], dag_run_ids: runIds, page_limit: PAGE, page_offset: offset};
				const {body} = await this.#send(path, 'tasks', {method: 'POST', readsOnly: true, signal, json});
				return this.#map('tasks', path, () => {
					const {items, total} = collection(body, 'task_instances');
					return {items: items.map(raw => this.#wire.taskInstance(raw)), total};
				});
			},
			task => `${task.runId}\u0000${task.taskId}\u0000${task.mapIndex}`,
		);
	}

	/**
	 * DAGs whose latest run is in `state`, from the DAG list's `last_dag_run_state` filter.
	 * Only 3.x has that filter; on 2.x this returns undefined and the caller derives it.
	 */
	async listDagsByLatestRunState(state: string, limit = PAGE, signal?: AbortSignal): Promise<Page<Dag> | undefined> {
		if (this.server.generation === 'v1') return undefined;
		const params = {...this.#wire.dagListParams({limit, offset: 0}), last_dag_run_state: state};
		return this.#page('dags', 'dags', 'dags', params, raw => this.#wire.dag(raw), signal);
	}
}
