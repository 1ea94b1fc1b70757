// Reads how one environment is: its version (the API generation's own answer), its health,
// the failed runs of the last 24 hours and its import errors. Read-only whatever the profile
// says, and bounded: one timeout covers the whole probe, so a server that hangs costs its
// own row a few seconds and holds nothing else up. Used by the Environments pane (through
// environment-monitor.ts) and by `windsock status --all`.
import {AirflowClient} from '../airflow/client.js';
import {describeError} from '../airflow/errors.js';
import {resolveConnection} from '../config/connection.js';
import {isProduction} from '../config/production.js';
import type {Profile} from '../config/profiles.js';
import {failuresVerdict} from './failures-verdict.js';
import type {Thresholds} from './health-history.js';
import {healthVerdict} from './health-verdict.js';
import type {EnvironmentProbe} from './environment-verdict.js';

/** The failures window of a row: the one `windsock failures` and Triage use by default. */
export const FAILURES_WINDOW_MS = 24 * 3_600_000;
/** Failed runs read per probe: enough to check end dates; the server's total counts the rest. */
const RUNS_PAGE = 25;
export const DEFAULT_PROBE_TIMEOUT_MS = 10_000;

export type ProbeOptions = {
	thresholds: Thresholds;
	timeoutMs?: number;
	signal?: AbortSignal;
	/** a client from an earlier probe of the same environment: no second version request */
	client?: AirflowClient;
	env?: NodeJS.ProcessEnv;
	/** the profile windsock was started with: the only one WINDSOCK_PASSWORD / WINDSOCK_TOKEN go to */
	startingProfile?: string;
};

export type ProbeResult = {probe: EnvironmentProbe; client?: AirflowClient};

export async function probeEnvironment(profile: Profile, options: ProbeOptions): Promise<ProbeResult> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
	const base = {name: profile.name, url: profile.url, production: isProduction(profile.name, profile.productionSetting)};
	const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
	let resolved: ReturnType<typeof resolveConnection>;
	try {
		resolved = resolveConnection({profile: profile.name, readOnly: true}, options.env, {ambientSecrets: profile.name === options.startingProfile});
	} catch (error) {
		return {probe: {...base, configError: describeError(error), checkedAt: Date.now()}};
	}
	// health and version need no login; without a secret only the runs go unread
	const anonymous = resolved.needsPassword;
	let client = options.client;
	try {
		client ??= await AirflowClient.connect({
			...resolved.options,
			...(anonymous ? {username: undefined} : {}),
			readOnly: true,
			requestTimeoutMs: Math.min(timeoutMs, resolved.options.requestTimeoutMs ?? timeoutMs),
			retries: 0, // the next poll is the retry: a retried request would outlive the timeout
			signal,
		});
	} catch (error) {
		return {probe: {...base, unreachable: signal.aborted ? `no answer within ${timeoutMs / 1000}s` : describeError(error), checkedAt: Date.now()}};
	}
	const probe: EnvironmentProbe = {...base, version: client.server.version, generation: client.server.generation, checkedAt: 0};
	const windowStart = new Date(Date.now() - FAILURES_WINDOW_MS).toISOString();
	const [health, runs, importErrors] = await Promise.allSettled([
		client.health(signal),
		anonymous ? Promise.reject(new Error(`needs a password: set $${resolved.secretVariables.password}`)) : client.listRuns({states: ['failed'], updatedAfter: windowStart, limit: RUNS_PAGE}, signal),
		anonymous ? Promise.reject(new Error('needs a password')) : client.listImportErrors(signal),
	]);
	if (health.status === 'fulfilled') {
		const verdict = healthVerdict(health.value, options.thresholds);
		probe.health = {level: verdict.level, reasons: verdict.reasons, scheduler: health.value.scheduler.status, dagProcessor: health.value.dagProcessor.status};
	} else {
		// the version answered but health did not: the server is there and not well
		probe.unreachable = signal.aborted ? `no answer within ${timeoutMs / 1000}s` : describeError(health.reason);
	}
	if (runs.status === 'fulfilled' && importErrors.status === 'fulfilled') {
		const verdict = failuresVerdict({runs: runs.value.items, total: runs.value.total, importErrors: importErrors.value.length, windowStart});
		probe.failedRuns = verdict.failedTotal;
		probe.importErrors = verdict.importErrors;
	} else {
		const failed = runs.status === 'rejected' ? runs.reason : (importErrors as PromiseRejectedResult).reason;
		probe.runsError = signal.aborted ? `no answer within ${timeoutMs / 1000}s` : describeError(failed);
	}
	probe.checkedAt = Date.now();
	// a client that stopped answering is detected again next time: the server may have been replaced
	return {probe, client: probe.unreachable ? undefined : client};
}

/** Probes every profile, `concurrency` at a time, each with its own timeout; in the profiles' order. */
export async function probeAll(profiles: Profile[], options: ProbeOptions & {concurrency: number}): Promise<EnvironmentProbe[]> {
	const results: EnvironmentProbe[] = new Array(profiles.length);
	let next = 0;
	const worker = async () => {
		while (next < profiles.length) {
			const index = next++;
			results[index] = (await probeEnvironment(profiles[index]!, options)).probe;
		}
	};
	await Promise.all(Array.from({length: Math.max(1, Math.min(options.concurrency, profiles.length))}, worker));
	return results;
}

/**
 * The probe's failure counts for a client already connected: failed runs in the last 24 hours
 * and import errors (the Environments pane's one row when there is no profile file).
 */
export async function countFailures(client: AirflowClient, signal?: AbortSignal): Promise<{failedRuns: number; importErrors: number}> {
	const windowStart = new Date(Date.now() - FAILURES_WINDOW_MS).toISOString();
	const [runs, importErrors] = await Promise.all([client.listRuns({states: ['failed'], updatedAfter: windowStart, limit: RUNS_PAGE}, signal), client.listImportErrors(signal)]);
	const verdict = failuresVerdict({runs: runs.items, total: runs.total, importErrors: importErrors.length, windowStart});
	return {failedRuns: verdict.failedTotal, importErrors: verdict.importErrors};
}
