// `windsock completion bash|zsh|fish`: the script that teaches a shell to complete windsock's
// commands, flags and profile names (source/cli/complete.ts). Needs no server.
import {completionScript, SHELLS, type Shell} from '../cli/complete.js';
import {ConfigError} from '../config/connection.js';
import {expectArgs, type Command} from './command.js';

export const completionCommand: Command = {
	name: 'completion',
	usage: 'completion bash|zsh|fish',
	summary: 'print the shell completion script (commands, flags, profile names)',
	options: {},
	actions: [...SHELLS],
	examples: [
		['completion bash >> ~/.bashrc', 'complete windsock in every new bash (or: source <(windsock completion bash))'],
		['completion zsh >> ~/.zshrc', 'complete windsock in every new zsh (the script goes after compinit)'],
		['completion fish > ~/.config/fish/completions/windsock.fish', 'install it for fish'],
	],
	async run(context) {
		const [shell] = expectArgs(context, completionCommand, 1);
		if (!SHELLS.includes(shell as Shell)) throw new ConfigError(`windsock completes in bash, zsh and fish, not "${shell}"`);
		context.out.line(completionScript(shell as Shell).trimEnd());
		return 0;
	},
};
