// Where windsock keeps what it installs and runs on this machine: Airflow virtualenvs and
// the homes of local Airflow servers. Shared by the tests and the future `windsock sandbox`.
import os from 'node:os';
import path from 'node:path';
import {PACKAGE_ROOT} from '../version.js';

/** The cache root: $WINDSOCK_CACHE_DIR, else $XDG_CACHE_HOME/windsock, else ~/.cache/windsock. */
export function cacheDir(): string {
	if (process.env['WINDSOCK_CACHE_DIR']) return process.env['WINDSOCK_CACHE_DIR'];
	const xdg = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'windsock');
}

/** The constraints files the project keeps: one frozen `pip freeze` per Airflow version. */
export function constraintsFile(airflowVersion: string): string {
	return path.join(PACKAGE_ROOT, 'sandbox', 'constraints', `airflow-${airflowVersion}.txt`);
}
