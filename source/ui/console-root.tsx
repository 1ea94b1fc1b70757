// The console above the frame: which environment is on screen and the connection to it.
// It connects inside the frame, so a server that does not answer yet is shown with the
// reason and retried (1, 2, 4 … 30 s, live/retry-schedule.ts) rather than ending the
// console; the App appears as soon as it answers. A switch (Enter in Environments, `:env
// NAME`) replaces the App whole, keyed by the switch: every pane drops its data and polls the
// new client, and no answer from the old server can land on the new one's screen.
import {useEffect, useMemo, useRef, useState} from 'react';
import {useApp} from 'ink';
import {AirflowClient} from '../airflow/client.js';
import {AirflowError, describeError} from '../airflow/errors.js';
import type {ConnectionFlags} from '../config/connection.js';
import {prepareProfile, type PreparedConnection} from '../config/open-client.js';
import type {EnvironmentMonitor} from '../live/environment-monitor.js';
import type {Thresholds} from '../live/health-history.js';
import {retryDelaySeconds} from '../live/retry-schedule.js';
import type {TerminalControl} from './clipboard.js';
import {App} from './app.js';
import {EnvironmentsContext, type Environments} from './environments.js';
import {ConnectingFrame, type ConnectingState} from './frame/connecting.js';
import {useTerminalSize} from './frame/use-terminal-size.js';

export type ConsoleSetup = {
	first: PreparedConnection;
	/** the console's own flags: --read-only and --request-timeout hold for every environment */
	flags: ConnectionFlags;
	/** the profiles' names, in the file's order */
	profiles: readonly string[];
	monitor: EnvironmentMonitor | undefined;
	refreshMs?: number;
	thresholds?: Thresholds;
	/** makes a profile's connection settings (tests give their own) */
	prepare?: (name: string, flags: ConnectionFlags) => PreparedConnection;
	/** writes a sequence to the terminal past the frame (y's OSC 52 copy) */
	terminalControl?: TerminalControl;
	/** the first connection, started while the console's code loaded: used for the first attempt */
	firstClient?: Promise<AirflowClient>;
};

type Shown = {target: PreparedConnection; id: number; previous?: PreparedConnection; pane?: string};

export function ConsoleRoot(props: ConsoleSetup) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [shown, setShown] = useState<Shown>({target: props.first, id: 0});
	// the client with the switch it belongs to: right after a switch the old one must not be
	// drawn under the new name, not even for one frame
	const [connected, setConnected] = useState<{id: number; client: AirflowClient} | undefined>(undefined);
	const [connecting, setConnecting] = useState<ConnectingState & {id: number}>({id: 0, url: props.first.options.baseUrl, failures: 0});
	const [retryNow, setRetryNow] = useState(0);
	const shownRef = useRef(shown);
	shownRef.current = shown;
	// taken once: a retry (r, or the schedule) connects anew
	const firstClient = useRef(props.firstClient);
	// tries to reach this environment, shown as "N tries so far": r starts the waits between
	// tries over, not the count
	const tries = useRef({id: -1, count: 0});

	useEffect(() => {
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		let failures = 0;
		if (tries.current.id !== shown.id) tries.current = {id: shown.id, count: 0};
		const url = shown.target.options.baseUrl;
		const attempt = () => {
			// the version probe without the client's own retries (they would hold the first "cannot
			// reach" back for seconds: the schedule here is the retry); the panes' requests keep them
			const early = firstClient.current;
			firstClient.current = undefined;
			(early ?? AirflowClient.connect({...shown.target.options, detectRetries: 0, signal: controller.signal})).then(
				client => {
					if (!controller.signal.aborted) setConnected({id: shown.id, client});
				},
				(error: unknown) => {
					if (controller.signal.aborted) return;
					failures++;
					tries.current.count++;
					const delay = retryDelaySeconds(failures) * 1000;
					const known = error instanceof AirflowError;
					setConnecting({id: shown.id, url, failures: tries.current.count, error: known ? error.message : describeError(error), hint: known ? error.hint : undefined, retryAt: Date.now() + delay});
					timer = setTimeout(attempt, delay);
				},
			);
		};
		setConnected(undefined);
		setConnecting({id: shown.id, url, failures: 0, startedAt: Date.now()});
		attempt();
		return () => {
			controller.abort();
			clearTimeout(timer);
		};
	}, [shown.id, retryNow]);

	const prepare = props.prepare ?? prepareProfile;
	const environments = useMemo<Environments>(
		() => ({
			current: shown.target.label,
			names: props.profiles,
			monitor: props.monitor,
			switchTo(name, pane) {
				const now = shownRef.current;
				if (name === now.target.label) return `already on ${name}`;
				if (!props.profiles.includes(name)) return `no profile "${name}" (there: ${props.profiles.join(', ') || 'none'})`;
				let target: PreparedConnection;
				try {
					target = prepare(name, props.flags);
				} catch (error) {
					return describeError(error);
				}
				setShown({target, id: now.id + 1, previous: now.target, ...(pane ? {pane} : {})});
				return undefined;
			},
		}),
		[shown, props.profiles, props.monitor],
	);

	return (
		<EnvironmentsContext.Provider value={environments}>
			{connected && connected.id === shown.id ? (
				<App
					key={shown.id}
					client={connected.client}
					label={shown.target.label}
					safety={shown.target.safety}
					refreshMs={props.refreshMs}
					thresholds={props.thresholds}
					firstPane={shown.pane}
					terminalControl={props.terminalControl}
				/>
			) : (
				<ConnectingFrame
					label={shown.target.label}
					production={shown.target.safety.production}
					state={connecting.id === shown.id ? connecting : {url: shown.target.options.baseUrl, failures: 0}}
					width={columns}
					height={rows - 1}
					back={shown.previous?.label}
					onQuit={() => exit()}
					onRetry={() => setRetryNow(count => count + 1)}
					onBack={() => shown.previous && setShown({target: shown.previous, id: shown.id + 1})}
				/>
			)}
		</EnvironmentsContext.Provider>
	);
}
