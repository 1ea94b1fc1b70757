// RUN as commands take it: a run id, or `latest` for the DAG's newest run.
import type {AirflowClient} from '../airflow/client.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Output} from './output.js';

/** The run id meant; undefined (said on stderr) when `latest` finds no run. */
export async function runIdOf(client: AirflowClient, dagId: string, runArg: string, out: Output): Promise<string | undefined> {
	if (runArg !== 'latest') return runArg;
	const newest = (await client.listRuns({dagId, limit: 1})).items[0];
	if (!newest) {
		out.note(`windsock: ${sanitizeLine(dagId)} has no runs`);
		return undefined;
	}
	out.note(`latest run: ${sanitizeLine(newest.runId)}`);
	return newest.runId;
}
