// `windsock health`: for cron and monitoring systems. One summary line, one line per
// component, and the monitoring-plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
// (unreachable, or an answer windsock cannot read). Needs no credentials where the server
// serves health anonymously (both 2.x and 3.x do by default).
import {COMPONENTS, statusWords, type ComponentName} from '../airflow/components.js';
import {describeError} from '../airflow/errors.js';
import {EXIT_CODES, healthVerdict, type Level} from '../live/health-verdict.js';
import {sanitizeLine} from '../text/sanitize.js';
import {stateStyle} from '../ui/theme.js';
import type {Health} from '../airflow/model.js';
import type {OpenedClient} from '../config/open-client.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';

const keyOf = (name: ComponentName) => COMPONENTS.find(component => component.name === name)!.key;

const WORD: Record<Level, string> = {ok: 'OK', warning: 'WARNING', critical: 'CRITICAL', unknown: 'UNKNOWN'};
const PAINT: Record<Level, string> = {ok: 'green', warning: 'yellow', critical: 'red', unknown: 'gray'};

export const healthCommand: Command = {
	name: 'health',
	usage: 'health [--warn S] [--crit S] [--json]',
	summary: 'health of each component; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN',
	options: {json: JSON_FLAG},
	examples: [
		['health', 'one line and a table; the exit code says how it is'],
		['health --warn 60 --crit 300 --json', 'for a monitoring system, with wider heartbeat thresholds'],
	],
	async run({values, thresholds, out, connectAndRead}) {
		let opened: OpenedClient;
		let health: Health;
		try {
			// a known server: the health read goes with the version probe, one round trip in all
			({first: health, ...opened} = await connectAndRead({anonymous: true, readOnly: true}, (client, signal) => client.health(signal)));
		} catch (error) {
			if (values['json']) out.json({status: 'unknown', exitCode: 3, error: describeError(error)});
			else out.line(`AIRFLOW UNKNOWN - ${sanitizeLine(describeError(error))}`);
			return EXIT_CODES.unknown;
		}
		const verdict = healthVerdict(health, thresholds);
		const {client} = opened;
		const server = {url: client.http.baseUrl.href, version: client.server.version, api: client.server.generation};
		if (values['json']) {
			out.json({status: verdict.level, exitCode: EXIT_CODES[verdict.level], server, thresholds, reasons: verdict.reasons, components: verdict.components});
			return EXIT_CODES[verdict.level];
		}
		const summary = verdict.reasons.length ? verdict.reasons.join('; ') : 'every component healthy';
		out.line(`AIRFLOW ${out.paint(PAINT[verdict.level], WORD[verdict.level])} - ${summary} (Airflow ${sanitizeLine(server.version)} at ${client.http.baseUrl.host})`);
		out.table(
			[
				{header: 'component', value: c => c.name},
				// the console's words ("inside the scheduler" for 2.x's dag_processor, not "unknown")
				{
					header: 'status',
					value: c => `${stateStyle(c.status).symbol} ${statusWords(keyOf(c.name), c.status, client.server.generation)}`,
					paint: (text, c) => out.paint(stateStyle(c.status).color, text),
				},
				{header: 'heartbeat', value: c => (c.heartbeatAgeSeconds === null ? '' : `${c.heartbeatAgeSeconds}s ago`)},
				{header: 'level', value: c => WORD[c.level], paint: (text, c) => out.paint(PAINT[c.level], text)},
			],
			verdict.components,
		);
		return EXIT_CODES[verdict.level];
	},
};
