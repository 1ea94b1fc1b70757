// With nothing configured, a bare `windsock` on a terminal offers the local sandbox, and asks
// first: it downloads and installs Airflow, which nobody should get by surprise. `npm start`
// (the README's first step) passes --start-sandbox, which answers yes. Without a terminal the
// console never gets here: it prints the status, which never installs anything.
import {cacheDir} from './paths.js';
import {airflowInstalled} from './install.js';
import {AIRFLOW_3} from './versions.js';

/**
 * The sizes, measured on a fresh cache (Airflow 3.3.2 with uv 0.13, Python 3.11, Linux x86-64):
 * the virtualenv takes about 200 MB and uv's own tools about 65 MB; the wheels it downloads
 * are about a third of that on the wire (an estimate: uv keeps no download count).
 */
export const SANDBOX_DOWNLOAD_MB = 100;
export const SANDBOX_DISK_MB = 270;

/** The question, or undefined when there is nothing to install (only a start, which is asked too). */
export function sandboxQuestion(installed = airflowInstalled(AIRFLOW_3), folder = cacheDir()): string {
	const what = installed
		? `Start the local Airflow ${AIRFLOW_3} sandbox (installed in ${folder}) on 127.0.0.1?`
		: `Install and start a local Airflow ${AIRFLOW_3} sandbox? It downloads about ${SANDBOX_DOWNLOAD_MB} MB (Airflow and its pinned dependencies, with uv) and takes about ${SANDBOX_DISK_MB} MB in ${folder}; it runs on 127.0.0.1 only.`;
	return `No Airflow is configured (no --url, --profile, WINDSOCK_URL or profile file).\n${what}`;
}

export const DECLINED =
	'nothing installed. Point windsock at an Airflow with --url URL or `windsock profiles add`; start the sandbox later with `windsock sandbox start` (or `windsock --start-sandbox`).';
