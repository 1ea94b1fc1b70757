// Every time windsock shows, in one place: UTC, as Airflow's own UI and logs show it, and
// labelled as such where it appears (a column header "(UTC)", a clock "19:04:39 UTC"). Built
// on Intl, so a bad value reads "?" instead of throwing "Invalid time value".
// made on first use: ICU loads its calendar data then (about 6 ms), which a command that shows
// no time, and the console's first frame, need not wait for
let dateTime: Intl.DateTimeFormat | undefined;
const DATE_TIME = () =>
	(dateTime ??= new Intl.DateTimeFormat('en-CA', {timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'}));

export const UTC_LABEL = 'UTC';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;

/** toISOString's form for years 0000-9999: the parts are at fixed places. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/;

function partsOf(time: string | number | Date): Parts | undefined {
	const date = time instanceof Date ? time : new Date(time);
	if (Number.isNaN(date.getTime())) return undefined;
	// a frame formats every row's dates on every render: the ISO string (always UTC) is read
	// by position; Intl's formatToParts, ten times slower, only for years it cannot write so
	const iso = ISO.exec(date.toISOString());
	if (iso) return {year: iso[1]!, month: iso[2]!, day: iso[3]!, hour: iso[4]!, minute: iso[5]!, second: iso[6]!};
	const parts = {} as Parts;
	for (const part of DATE_TIME().formatToParts(date)) if (part.type in {year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1}) parts[part.type as keyof Parts] = part.value;
	return parts;
}

/** "2026-11-25 19:04" (or with seconds), in UTC; '' for none, '?' for a value that is not a time. */
export function formatDateTime(time: string | number | null | undefined, options: {seconds?: boolean} = {}): string {
	if (time === null || time === undefined || time === '') return '';
	const parts = partsOf(time);
	if (!parts) return '?';
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}${options.seconds ? `:${parts.second}` : ''}`;
}

/** "19:04:39 UTC": a clock, labelled. */
export function formatClock(time: string | number | Date): string {
	const parts = partsOf(time);
	return parts ? `${parts.hour}:${parts.minute}:${parts.second} ${UTC_LABEL}` : '?';
}

/** A column header that says its times are UTC: "start (UTC)". */
export const utcHeader = (name: string) => `${name} (${UTC_LABEL})`;
