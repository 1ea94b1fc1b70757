// `windsock status`: one line saying where windsock is connected and how Airflow is.
// `windsock status --all [--json]`: one row per profile (the console's Environments pane for
// scripts), probed a few at a time, each within its own timeout, exiting on health's scale:
// 0 every environment OK, 1 WARNING (a helper component, failed runs or import errors),
// 2 CRITICAL (the metadatabase or scheduler of one), 3 UNKNOWN (one unreachable, or its runs
// unreadable, and nothing worse), the worst row deciding; a usage mistake exits 2 as always.
import {COMPONENTS} from '../airflow/components.js';
import {ConfigError, startingProfileName} from '../config/connection.js';
import {loadProfiles, profilesPath} from '../config/profiles.js';
import {EXIT_CODES} from '../live/health-verdict.js';
import {DEFAULT_PROBE_TIMEOUT_MS, probeAll} from '../live/environment-probe.js';
import {environmentVerdict, overallLevel} from '../live/environment-verdict.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Command, CommandContext} from './command.js';
import {JSON_FLAG, probeTimeoutMs} from './flags.js';
import {environmentColumns, LEVEL_WORD} from './environments-table.js';

/** Environments probed at once: quick for a dozen, gentle on the machine and the network. */
export const STATUS_CONCURRENCY = 4;

async function statusOfAll({values, flags, thresholds, out}: CommandContext): Promise<number> {
	if (flags.url || flags.profile) throw new ConfigError('status --all reads every profile: leave out --url and --profile');
	const file = loadProfiles();
	if (!file || file.profiles.size === 0) throw new ConfigError(`status --all needs profiles: there are none in ${profilesPath()} (add one with: windsock profiles add)`);
	const timeoutMs = probeTimeoutMs(flags, DEFAULT_PROBE_TIMEOUT_MS);
	// the shared WINDSOCK_PASSWORD / WINDSOCK_TOKEN go only to the default (or WINDSOCK_PROFILE's) profile
	const probes = await probeAll([...file.profiles.values()], {thresholds, timeoutMs, concurrency: STATUS_CONCURRENCY, startingProfile: startingProfileName({})});
	const verdicts = probes.map(environmentVerdict);
	const level = overallLevel(verdicts);
	if (values['json']) {
		out.json({
			status: level,
			exitCode: EXIT_CODES[level],
			file: file.path,
			environments: probes.map((probe, index) => ({...probe, status: verdicts[index]!.level, reasons: verdicts[index]!.reasons})),
		});
		return EXIT_CODES[level];
	}
	out.table(
		environmentColumns((color, text) => out.paint(color, text)),
		probes,
	);
	out.note(`windsock: ${LEVEL_WORD[level]} across ${probes.length} environments (failed runs in the last 24h)`);
	return EXIT_CODES[level];
}

export const statusCommand: Command = {
	name: 'status',
	usage: 'status [--all [--json]]',
	summary: 'one line: server, version, API, health; --all: every profile, exit as health',
	options: {
		all: {type: 'boolean', help: 'every profile in the profile file, checked four at a time; exits as health (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)'},
		json: {...JSON_FLAG, help: 'with --all: print JSON for scripts instead of a table'},
	},
	examples: [
		['status --profile prod', 'where the prod profile points, and how Airflow is there'],
		['status --all', 'every environment: health, version, failed runs in 24 h, import errors'],
	],
	async run(context) {
		if (context.values['all']) return statusOfAll(context);
		if (context.values['json']) throw new ConfigError('--json goes with --all (status of every profile); for one server use: windsock health --json');
		const {connect, out} = context;
		const {client} = await connect();
		const health = await client.health();
		const parts = COMPONENTS.map(({key, name}) => `${name} ${health[key].status}`);
		const {version, generation} = client.server;
		// every server string through the one boundary: a version is the server's words too
		out.line(sanitizeLine(`Airflow ${version} (API ${generation}) at ${client.http.baseUrl.href}: ${parts.join(', ')}`));
		return 0;
	},
};
