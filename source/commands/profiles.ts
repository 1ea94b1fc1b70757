// `windsock profiles`: the profiles the file holds, which one is used by default, and how
// careful each is. Never a secret: only the names of the variables that hold them.
// `profiles add`, `profiles test` and `profiles remove` live in their own modules.
import {ConfigError} from '../config/connection.js';
import {loadProfiles, profilesPath} from '../config/profiles.js';
import type {Command} from './command.js';
import {JSON_FLAG, YES_FLAG} from './flags.js';
import {ADD_OPTIONS, profilesAdd} from './profiles-add.js';
import {profilesRemove, profilesTest} from './profiles-test.js';

const SUBCOMMANDS: Record<string, typeof profilesAdd> = {add: profilesAdd, test: profilesTest, remove: profilesRemove};

export const profilesCommand: Command = {
	name: 'profiles',
	usage: 'profiles [add|test|remove] [NAME] [--json] [--yes]',
	summary: 'list, add (guided, or with flags), test or remove the profiles',
	options: {json: JSON_FLAG, yes: YES_FLAG, ...ADD_OPTIONS},
	actions: ['add', 'test', 'remove'],
	examples: [
		['profiles', 'the profiles, the default marked, and where each reads its secret from'],
		['profiles add', 'guided: the URL, the API detected, how to log in; tried before it is written'],
		['profiles add stg --url https://af.stg.example --token-env STG_TOKEN', 'the same for scripts'],
		['profiles test', 'check every profile: reachable, login accepted, version'],
		['profiles remove old-dev --yes', 'delete a profile without asking'],
	],
	async run(context) {
		const [sub, ...rest] = context.args;
		if (sub !== undefined) {
			const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
			if (!run) throw new ConfigError(`profiles ${sub}: unknown; use profiles, profiles add, profiles test or profiles remove`);
			return run({...context, args: rest});
		}
		const {values, out} = context;
		const file = loadProfiles();
		const profiles = file ? [...file.profiles.values()] : [];
		if (values['json']) {
			out.json({file: file?.path ?? profilesPath(), default: file?.defaultProfile ?? null, profiles});
			return 0;
		}
		if (!file) {
			out.note(`no profile file at ${profilesPath()} (see README, "Profiles")`);
			return 0;
		}
		out.table(
			[
				{header: 'profile', value: p => `${p.name}${p.name === file.defaultProfile ? ' (default)' : ''}`},
				{header: 'url', value: p => p.url},
				{header: 'username', value: p => p.username},
				{
					header: 'secret from',
					// the command's name only: its text is the user's to read in the file
					value: p => (p.tokenCommand ? 'tokenCommand' : p.passwordCommand ? 'passwordCommand' : p.tokenEnv ? `$${p.tokenEnv}` : `$${p.passwordEnv ?? 'WINDSOCK_PASSWORD'}`),
				},
				{header: 'safety', value: p => [p.production ? 'PRODUCTION' : '', p.readOnly ? 'read-only' : '', p.confirm ? '' : 'no confirmations'].filter(Boolean).join(', ')},
			],
			profiles,
		);
		out.note(file.path);
		return 0;
	},
};
