// The Environments table as `windsock status --all` prints it: one row per profile, the
// same probe and verdict as the console's Environments pane.
import type {Level} from '../live/health-verdict.js';
import {environmentVerdict, type EnvironmentProbe} from '../live/environment-verdict.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {PlainColumn} from '../text/plain-table.js';

export const LEVEL_WORD: Record<Level, string> = {ok: 'OK', warning: 'WARNING', critical: 'CRITICAL', unknown: 'UNKNOWN'};
export const LEVEL_COLOR: Record<Level, string> = {ok: 'green', warning: 'yellow', critical: 'red', unknown: 'gray'};

/** A count, or "?" when it could not be read. */
const count = (value: number | undefined) => (value === undefined ? '?' : String(value));

export function environmentColumns(paint: (color: string, text: string) => string): PlainColumn<EnvironmentProbe>[] {
	return [
		{header: 'environment', value: p => `${p.name}${p.production ? ' (prod)' : ''}`, paint: (text, p) => (p.production ? paint('red', text) : text)},
		{header: 'status', value: p => LEVEL_WORD[environmentVerdict(p).level], paint: (text, p) => paint(LEVEL_COLOR[environmentVerdict(p).level], text)},
		{header: 'scheduler', value: p => p.health?.scheduler ?? '?'},
		{header: 'dag_processor', value: p => p.health?.dagProcessor ?? '?'},
		{header: 'version', value: p => (p.version ? sanitizeLine(p.version) : '?')},
		{header: 'failed 24h', value: p => count(p.failedRuns)},
		{header: 'import errors', value: p => count(p.importErrors)},
		{header: 'why', value: p => sanitizeLine(environmentVerdict(p).reasons.join('; ')), max: 60},
	];
}
