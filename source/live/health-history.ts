// The health badge's rules: the heartbeat lag thresholds, their levels and the sparkline.
// What it remembers over the session is use-health-history.ts (a React hook, kept apart so
// the commands that need only the thresholds do not load React).
import type {ComponentStatus, Health} from '../airflow/model.js';

/** Heartbeat lag thresholds in seconds. Airflow itself calls a scheduler unhealthy after 30 s
 * without a heartbeat ([scheduler] scheduler_health_check_threshold). */
export const DEFAULT_THRESHOLDS = {warnSeconds: 30, critSeconds: 120};
export type Thresholds = typeof DEFAULT_THRESHOLDS;

export type HealthEvent = {at: number; component: keyof Health; from: ComponentStatus; to: ComponentStatus};

export type HealthHistory = {lags: number[]; events: HealthEvent[]};

const BARS = '▁▂▃▄▅▆▇█';

/** Lags as bars, scaled so the critical threshold (or the worst lag, if higher) is full height. */
export function sparkline(lags: number[], width: number, critSeconds: number): string {
	const shown = lags.slice(-width);
	const top = Math.max(critSeconds, ...shown);
	return shown.map(lag => BARS[Math.min(BARS.length - 1, Math.floor((lag / top) * (BARS.length - 1)))]).join('');
}

export function lagLevel(lagSeconds: number | undefined, thresholds: Thresholds): 'ok' | 'warning' | 'critical' | 'unknown' {
	if (lagSeconds === undefined) return 'unknown';
	if (lagSeconds >= thresholds.critSeconds) return 'critical';
	if (lagSeconds >= thresholds.warnSeconds) return 'warning';
	return 'ok';
}
