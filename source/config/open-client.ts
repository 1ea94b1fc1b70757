// From flags and environment to a connected client: resolves the settings, asks for a
// password where one is missing, and, with nothing configured at all, uses (or starts) the
// local sandbox so that a first `windsock` on a fresh machine shows something real.
import {AirflowClient} from '../airflow/client.js';
import {sandboxStatus, startSandbox} from '../sandbox/sandbox.js';
import {promptSecret} from './prompt.js';
import {ConfigError, resolveConnection, type ConnectionFlags} from './connection.js';

export type OpenedClient = {client: AirflowClient; label: string};

export async function openClient(flags: ConnectionFlags, progress: (message: string) => void): Promise<OpenedClient> {
	const resolved = resolveConnection(flags);
	const options = {...resolved.options};
	if (resolved.urlSource === 'default' && !options.username && !options.token) {
		const sandbox = sandboxStatus() ?? (await startSandbox(message => progress(`sandbox: ${message}`)));
		return {
			client: await AirflowClient.connect({...options, baseUrl: sandbox.url, username: sandbox.username, password: sandbox.password}),
			label: 'sandbox',
		};
	}
	if (resolved.needsPassword) {
		if (!process.stdin.isTTY) {
			throw new ConfigError(`no password for ${options.username}: set WINDSOCK_PASSWORD (or WINDSOCK_TOKEN); there is no terminal to ask on`);
		}
		options.password = await promptSecret(`Password for ${options.username} at ${options.baseUrl}: `);
	}
	return {client: await AirflowClient.connect(options), label: resolved.urlSource === 'default' ? 'default' : 'url'};
}
