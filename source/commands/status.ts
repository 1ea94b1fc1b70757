// `windsock status`: one line saying where windsock is connected and how Airflow is.
import {describeError} from '../airflow/errors.js';
import type {ConnectionFlags} from '../config/connection.js';
import {openClient} from '../config/open-client.js';
import {sanitizeLine} from '../text/sanitize.js';
import {COMPONENTS} from '../airflow/components.js';

export async function runStatus(flags: ConnectionFlags): Promise<number> {
	try {
		const {client} = await openClient(flags, message => process.stderr.write(`${message}\n`));
		const health = await client.health();
		const parts = COMPONENTS.map(({key, name}) => `${name} ${health[key].status}`);
		const {version, generation} = client.server;
		process.stdout.write(`Airflow ${sanitizeLine(version)} (API ${generation}) at ${client.http.baseUrl.href}: ${parts.join(', ')}\n`);
		return 0;
	} catch (error) {
		process.stderr.write(`windsock: ${describeError(error)}\n`);
		return 1;
	}
}
