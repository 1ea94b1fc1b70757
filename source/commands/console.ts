// `windsock` with no command: settle the connection's settings (a password asked for, the
// sandbox started where nothing is configured), then open the console on the terminal, which
// connects inside its frame: a server that does not answer yet is shown and retried. Ink and
// React load here and only here (a dynamic import), so `--version`, `health` and the other
// commands start without them.
import {AirflowClient} from '../airflow/client.js';
import {askYesNo} from '../config/ask.js';
import {describeError} from '../airflow/errors.js';
import {resolveConnection, startingProfileName, type ConnectionFlags} from '../config/connection.js';
import {DECLINED, sandboxQuestion} from '../sandbox/ask-sandbox.js';
import {sandboxStatus} from '../sandbox/sandbox.js';
import {prepareConnection} from '../config/open-client.js';
import {loadProfiles} from '../config/profiles.js';
import {DEFAULT_MAX_IN_FLIGHT, EnvironmentMonitor} from '../live/environment-monitor.js';
import {DEFAULT_PROBE_TIMEOUT_MS} from '../live/environment-probe.js';
import {DEFAULT_THRESHOLDS} from '../live/health-history.js';
import {startEarlyReads} from '../live/early-start.js';
import {sanitizeLine} from '../text/sanitize.js';
import {paintFirstFrame} from '../ui/first-paint.js';
import {boundYoungGeneration} from '../ui/young-generation.js';
import type {Command} from './command.js';
import {statusCommand} from './status.js';

/** How often the Environments pane asks each environment again: gentler than the pane polls. */
const ENVIRONMENT_INTERVAL_MS = 15_000;

/** Nothing configured and no sandbox running: opening the console would start (maybe install) one. */
function wouldStartSandbox(flags: ConnectionFlags): boolean {
	const resolved = resolveConnection(flags);
	return resolved.urlSource === 'default' && !resolved.options.username && !resolved.options.token && !sandboxStatus();
}

export const consoleCommand: Command = {
	name: '',
	usage: '[options]',
	summary: 'open the console',
	// --start-sandbox is a global option (npm start passes it to whatever follows `--`)
	options: {},
	examples: [
		['--profile prod --read-only', 'open the console on the prod profile, changing nothing'],
		['--start-sandbox', 'no profile yet: install and start a local Airflow to try windsock on'],
	],
	async run(context) {
		if (!process.stdout.isTTY || !process.stdin.isTTY) {
			context.out.note('windsock: the console needs a terminal; printing the status instead');
			return statusCommand.run(context);
		}
		try {
			if (!context.values['start-sandbox'] && wouldStartSandbox(context.flags)) {
				if (!(await askYesNo(sandboxQuestion()))) {
					context.out.note(`windsock: ${DECLINED}`);
					return 1;
				}
			}
			const first = await prepareConnection(context.flags, message => context.out.note(message), {startSandbox: true});
			const profiles = [...(loadProfiles()?.profiles.values() ?? [])];
			const thresholds = context.thresholds ?? DEFAULT_THRESHOLDS;
			const monitor = profiles.length
				? new EnvironmentMonitor(profiles, {
						thresholds,
						startingProfile: startingProfileName(context.flags),
						intervalMs: ENVIRONMENT_INTERVAL_MS,
						timeoutMs: DEFAULT_PROBE_TIMEOUT_MS,
						maxInFlight: DEFAULT_MAX_IN_FLIGHT,
					})
				: undefined;
			// the frame first, then the half second of loading Ink and React behind it
			const painted = paintFirstFrame({label: first.label, url: first.options.baseUrl, production: first.safety.production, columns: process.stdout.columns || 80, rows: process.stdout.rows || 24});
			// the first connection's round trips (version, login) overlap the loading: on a distant
			// server the data can follow the first frame by one round trip
			const connecting = new AbortController();
			const {ahead, connected: firstClient} = AirflowClient.connectAhead({...first.options, detectRetries: 0, signal: connecting.signal});
			// the first pane's reads go out while Ink and React load: with the version probe where
			// this server was seen before (taken only if the probe agrees), else once connected;
			// the console reports a failure, and until it looks the rejection must not count as unhandled
			const aheadReads = new AbortController();
			if (ahead) startEarlyReads(ahead, AbortSignal.any([connecting.signal, aheadReads.signal]));
			firstClient.then(
				client => {
					if (client === ahead) return;
					aheadReads.abort();
					startEarlyReads(client, connecting.signal);
				},
				() => aheadReads.abort(),
			);
			let runConsole: typeof import('../ui/run-console.js').runConsole;
			boundYoungGeneration();
			try {
				({runConsole} = await import('../ui/run-console.js'));
			} catch (error) {
				connecting.abort();
				painted.restore();
				throw error;
			}
			try {
				return await runConsole({first, firstClient, flags: context.flags, profiles: profiles.map(profile => profile.name), monitor, refreshMs: context.refreshMs, thresholds}, painted);
			} finally {
				// quit while a server never answers: the request still out would hold the shell's
				// prompt back until it timed out (the process ends when nothing is left to do)
				connecting.abort();
			}
		} catch (error) {
			context.out.note(`windsock: ${sanitizeLine(describeError(error))}`);
			return 1;
		}
	},
};
