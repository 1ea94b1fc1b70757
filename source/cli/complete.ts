// Shell completion: what the word under the cursor can become, from the command table, the
// global options and the profile names (read when Tab is pressed, so a new profile completes
// at once). The shells' scripts (`windsock completion bash|zsh|fish`) only pass the words
// typed so far to `windsock __complete` and offer what it prints, one candidate a line.
import type {Command, OptionSpec} from '../commands/command.js';

export type CompletionTable = {
	commands: readonly Pick<Command, 'name' | 'options' | 'actions'>[];
	globals: Record<string, OptionSpec>;
	/** read only when a profile name is wanted */
	profileNames: () => string[];
};

const HELP = 'help';

/**
 * The candidates for the last word, given every word after `windsock` (the last one is the
 * word being completed, '' right after a space), filtered to those it begins.
 */
export function completionCandidates(words: readonly string[], table: CompletionTable): string[] {
	const current = words.at(-1) ?? '';
	const commandNamed = (name: string) => table.commands.find(command => command.name === name);
	let command: CompletionTable['commands'][number] | undefined;
	const positionals: string[] = [];
	let valueFor: string | undefined;
	let afterDashes = false;
	for (const word of words.slice(0, -1)) {
		if (valueFor !== undefined) {
			valueFor = undefined;
			continue;
		}
		if (!afterDashes && word === '--') afterDashes = true;
		else if (!afterDashes && word.startsWith('-') && word !== '-') {
			const name = word.replace(/^--?/, '');
			const option = command?.options[name] ?? table.globals[name];
			if (!word.includes('=') && option?.type === 'string') valueFor = name;
		} else {
			if (positionals.length === 0) command = commandNamed(word);
			positionals.push(word);
		}
	}
	const startingWith = (candidates: Iterable<string>) => [...new Set(candidates)].filter(candidate => candidate.startsWith(current));
	if (valueFor !== undefined) return valueFor === 'profile' ? startingWith(safely(table.profileNames)) : [];
	if (current.startsWith('-') && !afterDashes) {
		if (current.startsWith('--profile=')) return startingWith(safely(table.profileNames).map(name => `--profile=${name}`));
		const options = {...(command?.options ?? {}), ...table.globals};
		return startingWith(Object.keys(options).map(name => `--${name}`));
	}
	if (positionals.length === 0) return startingWith([...table.commands.map(c => c.name), HELP]);
	if (positionals.length === 1 && positionals[0] === HELP) return startingWith(table.commands.map(c => c.name));
	if (positionals.length === 1 && command?.actions) return startingWith(command.actions);
	// a DAG id, a file, a key: the shell's own completion (files) takes over
	return [];
}

/** A broken profile file completes no names; it never breaks the shell's line. */
function safely(read: () => string[]): string[] {
	try {
		return read();
	} catch {
		return [];
	}
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * The script a shell sources. Each asks `windsock __complete` with the words before the
 * cursor; an empty answer falls back to the shell's file completion (bash, zsh).
 */
export function completionScript(shell: Shell): string {
	switch (shell) {
		case 'bash':
			return `# windsock completion for bash: add to ~/.bashrc
#   source <(windsock completion bash)
_windsock_complete() {
	local IFS=$'\\n'
	local words=("\${COMP_WORDS[@]:1:COMP_CWORD}")
	COMPREPLY=($(windsock __complete -- "\${words[@]}" 2>/dev/null))
}
complete -o default -F _windsock_complete windsock
`;
		case 'zsh':
			return `#compdef windsock
# windsock completion for zsh: add to ~/.zshrc (after compinit)
#   source <(windsock completion zsh)
_windsock() {
	local -a candidates
	candidates=("\${(@f)$(windsock __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
	candidates=(\${candidates:#})
	if (( \${#candidates} )); then
		compadd -Q -- "\${candidates[@]}"
	else
		_files
	fi
}
if (( $+functions[compdef] )); then
	compdef _windsock windsock
fi
`;
		case 'fish':
			return `# windsock completion for fish: save as ~/.config/fish/completions/windsock.fish
#   windsock completion fish > ~/.config/fish/completions/windsock.fish
function __windsock_complete
	set -l words (commandline -opc) (commandline -ct)
	windsock __complete -- $words[2..-1] 2>/dev/null
end
complete -c windsock -f -a '(__windsock_complete)'
`;
	}
}
