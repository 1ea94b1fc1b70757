// `windsock profiles add [NAME]`: a guided setup on a terminal, the same with flags for
// scripts. It asks for the URL and finds the Airflow there (the API generation), asks how to
// log in, tries the login, and only then writes the profile (profile-store.ts: atomic, 0600).
// A password typed here is used for the try and forgotten: the profile file is plain text and
// holds no secret, only where one comes from (an environment variable, a command, or "ask
// me each time").
import {AirflowClient, type Credentials} from '../airflow/client.js';
import {AirflowError, describeError} from '../airflow/errors.js';
import {askLine as ask, askYesNo} from '../config/ask.js';
import {ConfigError} from '../config/connection.js';
import {looksLikeProduction} from '../config/production.js';
import {checkProfileName, readRawProfiles, withProfile, writeProfilesAtomically} from '../config/profile-store.js';
import {profilesPath} from '../config/profiles.js';
import {promptSecret} from '../config/prompt.js';
import {refuseUrlCredentials} from '../config/settings-checks.js';
import {commandEnvironment, DEFAULT_COMMAND_TIMEOUT_SECONDS, runSecretCommand, SecretCommandError} from '../config/secret-command.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {CommandContext, OptionSpec} from './command.js';

/** How the profile logs in; each maps to the profile's fields one to one. */
export type LoginMethod =
	| {kind: 'ask'} // username; the password is asked for at each start
	| {kind: 'password-env'; variable: string}
	| {kind: 'password-command'; command: string}
	| {kind: 'token-env'; variable: string}
	| {kind: 'token-command'; command: string}
	| {kind: 'none'};

export const ADD_OPTIONS = {
	'password-env': {type: 'string', help: 'profiles add: the password is read from this environment variable at each start'},
	'password-command': {type: 'string', help: 'profiles add: the password is what this command prints (pass, op read, secret-tool)'},
	'token-env': {type: 'string', help: 'profiles add: a bearer token from this environment variable'},
	'token-command': {type: 'string', help: 'profiles add: a bearer token printed by this command (gcloud auth print-access-token)'},
	'no-login': {type: 'boolean', help: 'profiles add: the server lets anyone in'},
	production: {type: 'boolean', help: 'profiles add: mark the profile production (red header, confirmations always on)'},
	default: {type: 'boolean', help: 'profiles add: make it the default profile'},
	'skip-test': {type: 'boolean', help: 'profiles add: write the profile without trying the login first'},
} as const satisfies Record<string, OptionSpec>;

const MENU: {key: string; words: string; kind: LoginMethod['kind']}[] = [
	{key: '1', words: 'username and password, the password asked for at each start', kind: 'ask'},
	{key: '2', words: 'username and password, the password from an environment variable', kind: 'password-env'},
	{key: '3', words: 'username and password, the password printed by a command (pass, op read, secret-tool)', kind: 'password-command'},
	{key: '4', words: 'a bearer token from an environment variable', kind: 'token-env'},
	{key: '5', words: 'a bearer token printed by a command (gcloud auth print-access-token, ...)', kind: 'token-command'},
	{key: '6', words: 'no login (the server lets anyone in)', kind: 'none'},
];

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkVariable(name: string): string {
	if (!VARIABLE.test(name)) throw new ConfigError(`"${name}" is not an environment variable name (letters, digits and _)`);
	return name;
}

/** The one try at setup: the same runner the connection uses (no secret in any message). */
async function trySecretCommand(command: string, field: string): Promise<string> {
	try {
		return await runSecretCommand(command, {
			label: `the ${field} being added`,
			timeoutMs: DEFAULT_COMMAND_TIMEOUT_SECONDS * 1000,
			env: commandEnvironment(process.env, ['WINDSOCK_PASSWORD', 'WINDSOCK_TOKEN']),
		});
	} catch (error) {
		throw error instanceof SecretCommandError ? new ConfigError(error.message) : error;
	}
}

/** The login method the flags ask for; undefined when they name none; an error when they name two. */
export function loginFromFlags(values: CommandContext['values']): LoginMethod | undefined {
	const chosen: LoginMethod[] = [];
	const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
	if (text('password-env') !== undefined) chosen.push({kind: 'password-env', variable: checkVariable(text('password-env')!)});
	if (text('password-command') !== undefined) chosen.push({kind: 'password-command', command: text('password-command')!});
	if (text('token-env') !== undefined) chosen.push({kind: 'token-env', variable: checkVariable(text('token-env')!)});
	if (text('token-command') !== undefined) chosen.push({kind: 'token-command', command: text('token-command')!});
	if (values['no-login']) chosen.push({kind: 'none'});
	if (chosen.length > 1) throw new ConfigError('choose one way to log in: --password-env, --password-command, --token-env, --token-command or --no-login');
	return chosen[0];
}

/** The profile's entry as the file holds it: where the secret comes from, never the secret. */
export function profileEntry(input: {url: string; username?: string; login: LoginMethod; production?: boolean; readOnly?: boolean}): Record<string, unknown> {
	const {login} = input;
	const entry: Record<string, unknown> = {url: input.url};
	if (login.kind !== 'none' && login.kind !== 'token-env' && login.kind !== 'token-command' && input.username) entry['username'] = input.username;
	if (login.kind === 'password-env') entry['passwordEnv'] = login.variable;
	if (login.kind === 'password-command') entry['passwordCommand'] = login.command;
	if (login.kind === 'token-env') entry['tokenEnv'] = login.variable;
	if (login.kind === 'token-command') entry['tokenCommand'] = login.command;
	if (input.production !== undefined) entry['production'] = input.production;
	if (input.readOnly) entry['readOnly'] = true;
	return entry;
}

const needsUsername = (login: LoginMethod) => login.kind === 'ask' || login.kind === 'password-env' || login.kind === 'password-command';

/** The secret to try the login with, or undefined when there is none to be had here (then no try). */
async function secretToTry(login: LoginMethod, interactive: boolean, note: (text: string) => void): Promise<Credentials | undefined> {
	switch (login.kind) {
		case 'none':
			return {};
		case 'ask':
			return interactive ? {password: await promptSecret('Password, to try the login now (not saved): ')} : undefined;
		case 'password-env':
		case 'token-env': {
			const value = process.env[login.variable];
			const key = login.kind === 'token-env' ? 'token' : 'password';
			if (value) return {[key]: value};
			if (!interactive) {
				note(`$${login.variable} is not set here: the login is not tried`);
				return undefined;
			}
			return {[key]: await promptSecret(`$${login.variable} is not set here; the ${key}, to try the login now (not saved): `)};
		}
		case 'password-command':
			return {password: await trySecretCommand(login.command, 'passwordCommand')};
		case 'token-command':
			return {token: await trySecretCommand(login.command, 'tokenCommand')};
	}
}

/** Logs in and reads one thing that needs a login; the reason when it fails. */
async function tryLogin(url: string, username: string | undefined, credentials: Credentials): Promise<string | undefined> {
	try {
		const client = await AirflowClient.connect({baseUrl: url, readOnly: true, retries: 0, ...(credentials.token ? {} : {username}), ...credentials});
		await client.listRuns({limit: 1});
		return undefined;
	} catch (error) {
		return error instanceof AirflowError && (error.status === 401 || error.status === 403) ? `the login was refused (${error.status}): ${describeError(error)}` : describeError(error);
	}
}

export async function profilesAdd(context: CommandContext): Promise<number> {
	const {args, values, flags, out} = context;
	if (args.length > 1)
		throw new ConfigError('usage: windsock profiles add [NAME] [--url URL] [--username USER] [--password-env VAR | --password-command CMD | --token-env VAR | --token-command CMD | --no-login]');
	const interactive = !!process.stdin.isTTY && !!process.stderr.isTTY;
	const file = profilesPath();
	const raw = readRawProfiles(file); // a file windsock cannot read stops here, before any question
	const flagLogin = loginFromFlags(values);
	if (!interactive) {
		const missing = [args[0] ? '' : 'NAME', flags.url ? '' : '--url', flagLogin ? '' : 'one of --password-env, --password-command, --token-env, --token-command, --no-login'].filter(Boolean);
		if (flagLogin && needsUsername(flagLogin) && !flags.username) missing.push('--username');
		if (missing.length) throw new ConfigError(`profiles add: no terminal to ask on, so give ${missing.join(', ')}`);
	}

	const name = args[0] ?? (await ask('Profile name (dev, staging, prod, ...): '));
	checkProfileName(name);
	if (Object.hasOwn(raw.profiles, name)) throw new ConfigError(`there is already a profile "${name}" in ${file}: remove it first (windsock profiles remove ${name}) or choose another name`);

	// the URL, until Airflow answers there (three tries on a terminal)
	let url = flags.url;
	for (let attempt = 1; ; attempt++) {
		url ??= await ask('Airflow URL (the web UI address, with any path prefix): ');
		refuseUrlCredentials(url, 'the URL');
		try {
			const found = await AirflowClient.connect({baseUrl: url, readOnly: true, retries: 0});
			out.note(sanitizeLine(`found Airflow ${found.server.version} (API ${found.server.generation}) at ${found.http.baseUrl.href}`));
			break;
		} catch (error) {
			out.warn(sanitizeLine(describeError(error)));
			if (!interactive || attempt >= 3) {
				out.note('nothing written');
				return 1;
			}
			url = undefined;
		}
	}

	let login: LoginMethod;
	if (flagLogin) login = flagLogin;
	else {
		out.note('How does windsock log in?');
		for (const item of MENU) out.note(`  ${item.key}) ${item.words}`);
		const choice = (await ask('Choice [1]: ')) || '1';
		const kind = MENU.find(item => item.key === choice)?.kind;
		if (!kind) throw new ConfigError(`"${choice}" is not one of 1-${MENU.length}; nothing written`);
		if (kind === 'password-env' || kind === 'token-env') {
			const fallback = kind === 'token-env' ? 'WINDSOCK_TOKEN' : 'WINDSOCK_PASSWORD';
			login = {kind, variable: checkVariable((await ask(`Environment variable [${fallback}]: `)) || fallback)};
		} else if (kind === 'password-command' || kind === 'token-command') {
			const command = await ask('Command (run through the shell; its output is the secret): ');
			if (!command) throw new ConfigError('no command given; nothing written');
			login = {kind, command};
		} else login = {kind};
	}
	let username = needsUsername(login) ? flags.username : undefined;
	if (needsUsername(login) && !username) username = await ask('Username: ');
	if (needsUsername(login) && !username) throw new ConfigError('no username given; nothing written');

	if (!values['skip-test']) {
		const credentials = await secretToTry(login, interactive, text => out.note(text));
		if (credentials) {
			const failed = await tryLogin(url, username, credentials);
			if (failed) {
				out.warn(sanitizeLine(failed));
				if (!interactive || !(await askYesNo('Save the profile anyway?', false))) {
					out.note(interactive ? 'nothing written' : 'nothing written (--skip-test saves without trying)');
					return 1;
				}
			} else out.note(login.kind === 'none' ? 'the server answers without a login' : `logged in${username ? ` as ${sanitizeLine(username)}` : ''}`);
		}
	}

	let production = values['production'] === true ? true : undefined;
	if (production === undefined && interactive) {
		production = await askYesNo(`Is ${name} production? (shown in red; every change asks first)`, looksLikeProduction(name));
	}
	const entry = profileEntry({url, username, login, production, readOnly: flags.readOnly});
	writeProfilesAtomically(file, withProfile(raw, name, entry, {makeDefault: values['default'] === true}));
	out.note(`wrote profile ${name} to ${file} (mode 0600; plain text, holding no password)`);
	if (login.kind === 'ask') out.note(`windsock asks for ${sanitizeLine(username ?? '')}'s password at each start (or set WINDSOCK_PASSWORD)`);
	if (login.kind === 'password-command' || login.kind === 'token-command')
		out.note(`the secret comes from the profile's ${login.kind === 'password-command' ? 'passwordCommand' : 'tokenCommand'} (run at each start, its output never shown)`);
	out.note(`open it with: windsock --profile ${name}`);
	return 0;
}
