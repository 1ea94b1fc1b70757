// One row of the Environments pane and of `windsock status --all`: how one environment is,
// judged by the same rules as `health` (the components, live/health-verdict.ts) and
// `failures` (failed runs in the window and import errors, live/failures-verdict.ts), on
// the monitoring-plugin scale: OK, WARNING, CRITICAL, UNKNOWN.
//
// - unreachable (no answer, no Airflow there, a profile that cannot be read): UNKNOWN
// - a critical component (metadatabase, scheduler): CRITICAL; a helper: WARNING
// - failed runs or import errors: WARNING (something needs a look, nothing is down)
// - the runs could not be read (a password that is missing or wrong): at least UNKNOWN,
//   since "no failures" would be a guess
import type {ComponentStatus} from '../airflow/model.js';
import {plural} from '../text/plural.js';
import {worst, type Level} from './health-verdict.js';

export type EnvironmentProbe = {
	name: string;
	url: string;
	production: boolean;
	/** the profile could not be used at all (a bad setting): nothing was sent */
	configError?: string;
	/** the server did not answer as Airflow: why */
	unreachable?: string;
	version?: string;
	generation?: 'v1' | 'v2';
	/** the health verdict's level and its reasons; undefined when health was not read */
	health?: {level: Level; reasons: string[]; scheduler: ComponentStatus; dagProcessor: ComponentStatus};
	/** failed runs in the window; undefined when they could not be read (runsError says why) */
	failedRuns?: number;
	importErrors?: number;
	runsError?: string;
	/** when the probe finished (ms) */
	checkedAt: number;
};

export type EnvironmentVerdict = {level: Level; reasons: string[]};

export function environmentVerdict(probe: EnvironmentProbe): EnvironmentVerdict {
	if (probe.configError) return {level: 'unknown', reasons: [probe.configError]};
	if (probe.unreachable) return {level: 'unknown', reasons: [`unreachable: ${probe.unreachable}`]};
	let level: Level = probe.health?.level ?? 'unknown';
	const reasons = [...(probe.health?.reasons ?? ['health not read'])];
	if (probe.failedRuns === undefined || probe.importErrors === undefined) {
		level = worst(level, 'unknown');
		reasons.push(`runs not read: ${probe.runsError ?? 'no answer'}`);
	} else {
		if (probe.failedRuns > 0) reasons.push(plural(probe.failedRuns, 'failed run'));
		if (probe.importErrors > 0) reasons.push(plural(probe.importErrors, 'import error'));
		if (probe.failedRuns > 0 || probe.importErrors > 0) level = worst(level, 'warning');
	}
	return {level, reasons};
}

/** The exit code of `status --all`: the worst row on health's scale (0 OK … 3 UNKNOWN). */
export function overallLevel(verdicts: EnvironmentVerdict[]): Level {
	return verdicts.reduce<Level>((sum, verdict) => worst(sum, verdict.level), 'ok');
}
