// "3s", "4m 10s", "2h 5m", "3d 1h": how long ago an ISO time was, for heartbeats and stale marks.
export function formatAge(ms: number): string {
	if (!Number.isFinite(ms)) return '?';
	const s = Math.max(0, Math.round(ms / 1000));
	if (s < 60) return `${s}s`;
	const m = Math.floor(s / 60);
	if (m < 60) return `${m}m ${s % 60}s`;
	const h = Math.floor(m / 60);
	if (h < 24) return `${h}h ${m % 60}m`;
	return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export function ageOf(iso: string | null | undefined, now: number = Date.now()): number | undefined {
	if (!iso) return undefined;
	const t = Date.parse(iso);
	return Number.isNaN(t) ? undefined : now - t;
}
