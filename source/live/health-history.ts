// What the health badge remembers over the session: the scheduler's heartbeat lag at each
// poll (for the sparkline) and every change of a component's status (for the event line).
import {useEffect, useRef, useState} from 'react';
import type {ComponentStatus, Health} from '../airflow/model.js';
import {ageOf} from '../text/age.js';

/** Heartbeat lag thresholds in seconds. Airflow itself calls a scheduler unhealthy after 30 s
 * without a heartbeat ([scheduler] scheduler_health_check_threshold). */
export const DEFAULT_THRESHOLDS = {warnSeconds: 30, critSeconds: 120};
export type Thresholds = typeof DEFAULT_THRESHOLDS;

export type HealthEvent = {at: number; component: keyof Health; from: ComponentStatus; to: ComponentStatus};

export type HealthHistory = {lags: number[]; events: HealthEvent[]};

const KEEP = 120;

export function useHealthHistory(health: Health | undefined, fetchedAt: number | undefined): HealthHistory {
	const previous = useRef<Health | undefined>(undefined);
	const [history, setHistory] = useState<HealthHistory>({lags: [], events: []});
	useEffect(() => {
		if (!health || !fetchedAt) return;
		const lag = ageOf(health.scheduler.latestHeartbeat, fetchedAt);
		const events: HealthEvent[] = [];
		if (previous.current) {
			for (const component of Object.keys(health) as (keyof Health)[]) {
				const from = previous.current[component].status;
				const to = health[component].status;
				if (from !== to) events.push({at: fetchedAt, component, from, to});
			}
		}
		previous.current = health;
		setHistory(current => ({
			lags: lag === undefined ? current.lags : [...current.lags, Math.max(0, lag / 1000)].slice(-KEEP),
			events: [...current.events, ...events].slice(-KEEP),
		}));
	}, [health, fetchedAt]);
	return history;
}

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
