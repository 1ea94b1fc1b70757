// The console's first reads, sent while Ink and React load (commands/console.ts): the header's
// health and the Triage pane's first look, the pane the console opens on. Loading the UI takes
// about 200 ms here, longer than a round trip to most servers; sent first, the answers are in
// when the console first draws, and the data follows the first frame by the one round trip of
// the version probe (none, for a server remembered: server-memory.ts) instead of that load
// and two more round trips. Triage's first look is taken after its first round trip; the
// medians of the DAGs running now follow. Each read is taken once, by the client it was sent
// with: a retry or a switch to another environment starts afresh.
import type {AirflowClient} from '../airflow/client.js';
import type {Health} from '../airflow/model.js';
import {sweepGroups, type FactsUpdate, type TriageFacts} from './triage-feed.js';
import {DEFAULT_WINDOW} from './triage.js';

/** Triage's first look, with the health it will be judged with when in (the header's may not be yet), and its medians to come. */
export type EarlyTriage = {facts: TriageFacts; health: Health | undefined; medians: Promise<FactsUpdate | undefined>};

type EarlyReads = {health?: Promise<Health>; triage?: Promise<EarlyTriage>};

const sent = new WeakMap<AirflowClient, EarlyReads>();

/** Sends the first reads on this client; `signal` ends them when the console ends first. */
export function startEarlyReads(client: AirflowClient, signal: AbortSignal): void {
	const health = client.health(signal);
	// the health in by the time the lists are (it usually is: both are one round trip, and
	// Triage's is five requests); never waited for, a hanging health endpoint must not hold Triage back
	let healthIn: Health | undefined;
	// whoever takes it reports a failure; until then it must not count as unhandled
	health.then(
		value => {
			healthIn = value;
		},
		() => {},
	);
	const windowStartIso = new Date(Date.now() - DEFAULT_WINDOW.ms).toISOString();
	const sweep = sweepGroups(client, windowStartIso, signal);
	const triage = sweep.first.then(update => ({facts: update({errors: {}, windowLabel: DEFAULT_WINDOW.label}), health: healthIn, medians: sweep.medians}));
	triage.catch(() => {});
	sent.set(client, {health, triage});
}

/** One of the early reads on this client, once; undefined when none was sent or it was taken. */
function take<K extends keyof EarlyReads>(client: AirflowClient, read: K): EarlyReads[K] {
	const reads = sent.get(client);
	const taken = reads?.[read];
	if (reads) delete reads[read];
	return taken;
}

/** The early health read on this client, once. */
export const takeEarlyHealth = (client: AirflowClient): Promise<Health> | undefined => take(client, 'health');

/** Triage's early first look on this client, once: the default window's facts. */
export const takeEarlyTriage = (client: AirflowClient): Promise<EarlyTriage> | undefined => take(client, 'triage');
