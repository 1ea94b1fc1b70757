// The current time, re-read every second: for ages that tick (heartbeats). Used only by the
// components that show such an age, so a tick re-renders them and nothing else.
import {useEffect, useState} from 'react';

export function useNow(intervalMs = 1000): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		const timer = setInterval(() => setNow(Date.now()), intervalMs);
		return () => clearInterval(timer);
	}, [intervalMs]);
	return now;
}
