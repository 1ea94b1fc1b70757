// One verdict over Airflow's health answer, in the monitoring-plugin convention (Nagios,
// Icinga, Sensu): OK 0, WARNING 1, CRITICAL 2, UNKNOWN 3. The metadatabase and the scheduler
// are what every run needs, so they are critical; the triggerer and a separate dag-processor
// only hold up deferred tasks and new parses, so they warn. The scheduler's heartbeat age is
// judged by --warn/--crit on top of Airflow's own healthy/unhealthy word (which only turns
// after [scheduler] scheduler_health_check_threshold, 30 s by default).
import {COMPONENTS, type ComponentName} from '../airflow/components.js';
import type {ComponentStatus, Health} from '../airflow/model.js';
import {ageOf} from '../text/age.js';
import {lagLevel, type Thresholds} from './health-history.js';

export type Level = 'ok' | 'warning' | 'critical' | 'unknown';

export const EXIT_CODES: Record<Level, number> = {ok: 0, warning: 1, critical: 2, unknown: 3};

export type ComponentVerdict = {
	name: ComponentName;
	status: ComponentStatus;
	latestHeartbeat: string | null;
	heartbeatAgeSeconds: number | null;
	level: Level;
	reason: string | null;
};

export type HealthVerdict = {level: Level; components: ComponentVerdict[]; reasons: string[]};

const RANK: Record<Level, number> = {ok: 0, unknown: 1, warning: 2, critical: 3};

export function worst(a: Level, b: Level): Level {
	return RANK[b] > RANK[a] ? b : a;
}

export function healthVerdict(health: Health, thresholds: Thresholds, now = Date.now()): HealthVerdict {
	const components = COMPONENTS.map(({name, key, severity}): ComponentVerdict => {
		const component = health[key];
		const age = ageOf(component.latestHeartbeat, now);
		const ageSeconds = age === undefined ? null : Math.max(0, Math.round(age / 1000));
		let level: Level = 'ok';
		let reason: string | null = null;
		if (component.status === 'unhealthy') {
			level = severity;
			reason = `${name} unhealthy`;
		}
		if (ageSeconds !== null && component.status !== 'absent') {
			const lag = lagLevel(ageSeconds, thresholds);
			// a late scheduler is as bad as its thresholds say; a late helper only warns
			const lagAsLevel: Level = lag === 'critical' && severity === 'warning' ? 'warning' : lag === 'unknown' ? 'ok' : lag;
			if (RANK[lagAsLevel] > RANK[level]) {
				level = lagAsLevel;
				reason = `${name} heartbeat ${ageSeconds}s ago (${lag === 'critical' ? 'critical' : 'warning'} at ${lag === 'critical' ? thresholds.critSeconds : thresholds.warnSeconds}s)`;
			}
		}
		return {name, status: component.status, latestHeartbeat: component.latestHeartbeat, heartbeatAgeSeconds: ageSeconds, level, reason};
	});
	const level = components.reduce<Level>((sum, component) => worst(sum, component.level), 'ok');
	return {level, components, reasons: components.flatMap(component => (component.reason ? [component.reason] : []))};
}
