// What the health badge remembers over the session: the scheduler's heartbeat lag at each
// poll (for the sparkline) and every change of a component's status (for the event line).
import {useEffect, useRef, useState} from 'react';
import type {Health} from '../airflow/model.js';
import {ageOf} from '../text/age.js';
import type {HealthEvent, HealthHistory} from './health-history.js';

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
