// Keeps the Environments pane's rows fresh: every profile probed on its own schedule, a few
// at a time. Gentle by construction:
// - at most `maxInFlight` probes run at once (each is ~4 requests), so a dozen profiles never
//   become a burst;
// - each probe has its own timeout (environment-probe.ts), so one environment that hangs
//   holds one slot for a few seconds and the others go on being probed;
// - an environment that fails waits longer each time (retry-schedule.ts, up to 30 s more than
//   the interval), one that answers is asked again after the interval;
// - nothing runs while the pane is hidden (setActive(false)); the rows stay.
// Not React: the pane subscribes to it; unit tests drive it with a scripted probe.
import type {AirflowClient} from '../airflow/client.js';
import type {Profile} from '../config/profiles.js';
import {probeEnvironment, type ProbeOptions, type ProbeResult} from './environment-probe.js';
import {environmentVerdict, type EnvironmentProbe} from './environment-verdict.js';
import type {Thresholds} from './health-history.js';
import {retryDelaySeconds} from './retry-schedule.js';

export type EnvironmentRow = {profile: Profile; probe: EnvironmentProbe | undefined; checking: boolean};

export type Probe = (profile: Profile, options: ProbeOptions) => Promise<ProbeResult>;

export type MonitorOptions = {
	thresholds: Thresholds;
	/** the profile the console was started with: the only one the shared secret variables go to */
	startingProfile?: string;
	/** how often an environment that answered is probed again */
	intervalMs: number;
	timeoutMs: number;
	maxInFlight: number;
	/** how often due probes are looked for */
	tickMs?: number;
	probe?: Probe;
};

export const DEFAULT_MAX_IN_FLIGHT = 3;

export class EnvironmentMonitor {
	readonly #profiles: Profile[];
	readonly #options: MonitorOptions;
	readonly #probes = new Map<string, EnvironmentProbe>();
	readonly #clients = new Map<string, AirflowClient>();
	readonly #inFlight = new Set<string>();
	readonly #due = new Map<string, number>();
	readonly #failures = new Map<string, number>();
	readonly #listeners = new Set<() => void>();
	readonly #controller = new AbortController();
	#timer: NodeJS.Timeout | undefined;
	#version = 0;
	#rows: EnvironmentRow[] = [];

	constructor(profiles: Profile[], options: MonitorOptions) {
		this.#profiles = profiles;
		this.#options = options;
		this.#rebuild();
	}

	get active(): boolean {
		return this.#timer !== undefined;
	}

	/** Probes while the pane is shown; a hidden pane asks nothing (in-flight probes finish). */
	setActive(on: boolean): void {
		if (on === this.active) return;
		if (!on) {
			clearInterval(this.#timer);
			this.#timer = undefined;
			return;
		}
		this.#timer = setInterval(() => this.tick(), this.#options.tickMs ?? 500);
		this.#timer.unref?.();
		this.tick();
	}

	/** Every environment due now (r): the next tick probes them all, a few at a time. */
	refresh(): void {
		for (const profile of this.#profiles) this.#due.set(profile.name, 0);
		this.tick();
	}

	/** Starts the probes that are due, up to the cap. */
	tick(now = Date.now()): void {
		for (const profile of this.#profiles) {
			if (this.#inFlight.size >= this.#options.maxInFlight) return;
			if (this.#inFlight.has(profile.name) || (this.#due.get(profile.name) ?? 0) > now) continue;
			this.#start(profile);
		}
	}

	#start(profile: Profile): void {
		const {name} = profile;
		this.#inFlight.add(name);
		this.#changed();
		const probe = this.#options.probe ?? probeEnvironment;
		probe(profile, {
			thresholds: this.#options.thresholds,
			startingProfile: this.#options.startingProfile,
			timeoutMs: this.#options.timeoutMs,
			signal: this.#controller.signal,
			client: this.#clients.get(name),
		})
			.then(
				({probe: result, client}) => {
					if (this.#controller.signal.aborted) return;
					if (client) this.#clients.set(name, client);
					else this.#clients.delete(name);
					this.#probes.set(name, result);
					const failed = environmentVerdict(result).level === 'unknown' && (result.unreachable !== undefined || result.configError !== undefined);
					const failures = failed ? (this.#failures.get(name) ?? 0) + 1 : 0;
					this.#failures.set(name, failures);
					this.#due.set(name, Date.now() + this.#options.intervalMs + (failures ? retryDelaySeconds(failures) * 1000 : 0));
				},
				() => {
					// a probe never throws (it returns a row saying why); this is a stop()
				},
			)
			.finally(() => {
				this.#inFlight.delete(name);
				if (this.#controller.signal.aborted) return;
				this.#changed();
				if (this.active) this.tick();
			});
	}

	#rebuild(): void {
		this.#rows = this.#profiles.map(profile => ({profile, probe: this.#probes.get(profile.name), checking: this.#inFlight.has(profile.name)}));
	}

	#changed(): void {
		this.#version++;
		this.#rebuild();
		for (const listener of this.#listeners) listener();
	}

	rows(): EnvironmentRow[] {
		return this.#rows;
	}

	version = (): number => this.#version;

	subscribe = (listener: () => void): (() => void) => {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	};

	/** Ends every probe and the schedule for good: the console is closing. */
	stop(): void {
		this.setActive(false);
		this.#controller.abort();
	}
}
