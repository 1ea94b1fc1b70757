// Installs apache-airflow into a virtualenv under the cache dir, pinned by the project's
// constraints file. A second call with the same constraints is a no-op (a marker holds the
// constraints' hash), so CI and the sandbox pay the download once per machine.
import {createHash} from 'node:crypto';
import {execFile} from 'node:child_process';
import {existsSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {cacheDir, constraintsFile} from './paths.js';
import {UV_VERSION} from './versions.js';

const run = promisify(execFile);

export type Progress = (message: string) => void;

export type AirflowInstall = {
	version: string;
	venv: string;
	/** path of the `airflow` executable inside the venv */
	airflow: string;
	/** true when this call installed it, false when the cache already had it */
	installed: boolean;
	seconds: number;
};

function python(): string {
	return process.env['WINDSOCK_PYTHON'] || 'python3';
}

async function ensureUv(progress: Progress): Promise<string> {
	const tools = path.join(cacheDir(), 'tools');
	const uv = path.join(tools, 'bin', 'uv');
	if (existsSync(uv)) {
		const {stdout} = await run(uv, ['--version']).catch(() => ({stdout: ''}));
		if (stdout.includes(UV_VERSION)) return uv;
	}
	progress(`installing uv ${UV_VERSION} (the Python package installer) into ${tools}`);
	rmSync(tools, {recursive: true, force: true});
	await run(python(), ['-m', 'venv', tools]);
	await run(path.join(tools, 'bin', 'pip'), ['install', '--quiet', `uv==${UV_VERSION}`], {
		maxBuffer: 16 * 1024 * 1024,
	});
	return uv;
}

/** Whether apache-airflow==version is installed already (with the constraints windsock pins now). */
export function airflowInstalled(version: string): boolean {
	const constraints = constraintsFile(version);
	const marker = path.join(cacheDir(), 'airflow', version, '.windsock-installed');
	if (!existsSync(constraints) || !existsSync(marker)) return false;
	return readFileSync(marker, 'utf8').trim() === createHash('sha256').update(readFileSync(constraints)).digest('hex');
}

/** Ensures apache-airflow==version is installed; returns where. */
export async function ensureAirflow(version: string, progress: Progress = () => {}): Promise<AirflowInstall> {
	const started = Date.now();
	const constraints = constraintsFile(version);
	if (!existsSync(constraints)) throw new Error(`no constraints file for Airflow ${version}: ${constraints}`);
	const hash = createHash('sha256').update(readFileSync(constraints)).digest('hex');
	const venv = path.join(cacheDir(), 'airflow', version);
	const marker = path.join(venv, '.windsock-installed');
	const airflow = path.join(venv, 'bin', 'airflow');
	if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === hash && existsSync(airflow)) {
		return {version, venv, airflow, installed: false, seconds: (Date.now() - started) / 1000};
	}

	const uv = await ensureUv(progress);
	progress(`creating a virtualenv for Airflow ${version} in ${venv}`);
	rmSync(venv, {recursive: true, force: true});
	mkdirSync(path.dirname(venv), {recursive: true});
	await run(uv, ['venv', '--quiet', '--python', python(), venv]);
	progress(`installing apache-airflow ${version} and its pinned dependencies (a minute or two the first time)`);
	try {
		await run(uv, ['pip', 'install', '--quiet', '--python', path.join(venv, 'bin', 'python'), '-r', constraints], {
			maxBuffer: 64 * 1024 * 1024,
			env: {...process.env, UV_NO_PROGRESS: '1'},
		});
	} catch (error) {
		const stderr = (error as {stderr?: string}).stderr ?? '';
		throw new Error(`installing Airflow ${version} failed:\n${stderr.trim().split('\n').slice(-15).join('\n')}`);
	}
	writeFileSync(marker, hash + '\n');
	return {version, venv, airflow, installed: true, seconds: (Date.now() - started) / 1000};
}
