// `windsock profiles`: the profiles the file holds, which one is used by default, and how
// careful each is. Never a secret: only the names of the variables that hold them.
import {loadProfiles, profilesPath} from '../config/profiles.js';
import type {Command} from './command.js';

export const profilesCommand: Command = {
	name: 'profiles',
	usage: 'profiles [--json]',
	summary: 'the profiles in the profile file, and which is the default',
	options: {json: {type: 'boolean'}},
	async run({values, out}) {
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
