// Shell completion: the rule (what the word under the cursor can become) and the scripts in
// the shells themselves: bash for real through its completion variables, zsh with compadd
// recorded, fish through its own `complete --do-complete`. A shell that is not installed
// is skipped and says so (.ci/run installs zsh and fish).
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {before, describe, it} from 'node:test';
import {completionCandidates, type CompletionTable} from '../../source/cli/complete.js';
import {GLOBAL_OPTIONS} from '../../source/cli/global-options.js';
import {COMMANDS} from '../../source/commands/index.js';
import {CLI} from '../support/run-cli.js';

const table: CompletionTable = {commands: COMMANDS, globals: GLOBAL_OPTIONS, profileNames: () => ['dev', 'prod-eu']};
const complete = (...words: string[]) => completionCandidates(words, table);

describe('what completes', () => {
	it("offers commands first, then a command's actions, then nothing (files) for its arguments", () => {
		assert.deepEqual(complete('va'), ['variables']);
		assert.ok(complete('').includes('health') && complete('').includes('help') && complete('').includes('completion'));
		assert.deepEqual(complete('variables', ''), ['list', 'get', 'set', 'delete', 'export', 'import']);
		assert.deepEqual(complete('sandbox', 'st'), ['start', 'stop', 'status']);
		assert.deepEqual(complete('completion', ''), ['bash', 'zsh', 'fish']);
		assert.deepEqual(complete('help', 'tr'), ['trigger']);
		assert.deepEqual(complete('variables', 'import', ''), []);
	});

	it("offers the command's own flags and the global ones", () => {
		assert.deepEqual(complete('runs', '--stat'), ['--state']);
		assert.ok(complete('health', '--').includes('--json') && complete('health', '--').includes('--warn'));
		assert.ok(!complete('health', '--').includes('--state'), 'runs flags are not health flags');
		assert.deepEqual(complete('--ur'), ['--url']);
	});

	it('offers profile names after --profile, wherever it stands, and skips option values', () => {
		assert.deepEqual(complete('--profile', ''), ['dev', 'prod-eu']);
		assert.deepEqual(complete('status', '--profile', 'pr'), ['prod-eu']);
		assert.deepEqual(complete('--profile=d'), ['--profile=dev']);
		// the value of --url is not the command: the next word still completes commands
		assert.deepEqual(complete('--url', 'http://x', 'he'), ['health', 'help']);
		assert.deepEqual(complete('--url', ''), [], 'a URL is not completed');
		assert.deepEqual(complete('--profile', 'dev', 'sandbox', ''), ['start', 'stop', 'status']);
	});

	it('completes no names from a broken profile file, and never throws', () => {
		const broken = {
			...table,
			profileNames: () => {
				throw new Error('bad file');
			},
		};
		assert.deepEqual(completionCandidates(['--profile', ''], broken), []);
	});
});

describe('the completion scripts in their shells', () => {
	let bin: string;
	let env: NodeJS.ProcessEnv;
	before(() => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-completion-'));
		// `windsock` on PATH, as an installed package puts it
		writeFileSync(path.join(dir, 'windsock'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
		chmodSync(path.join(dir, 'windsock'), 0o755);
		writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({default: 'dev', profiles: {dev: {url: 'http://a'}, 'prod-eu': {url: 'http://b'}}}));
		bin = dir;
		env = {...process.env, PATH: `${dir}:${process.env['PATH']}`, WINDSOCK_CONFIG: path.join(dir, 'profiles.json'), HOME: dir, XDG_CONFIG_HOME: dir};
	});

	const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
	const script = (shell: string) => execFileSync(process.execPath, [CLI, 'completion', shell], {encoding: 'utf8', env});

	it('bash: completes commands, actions, flags and profile names through COMP_WORDS', () => {
		const probe = `
source <(windsock completion bash)
t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _windsock_complete; echo "\${COMPREPLY[*]}"; }
t windsock va
t windsock variables ""
t windsock runs --stat
t windsock status --profile ""
complete -p windsock`;
		const lines = execFileSync('bash', ['-c', probe], {encoding: 'utf8', env}).trim().split('\n');
		assert.deepEqual(lines.slice(0, 4), ['variables', 'list get set delete export import', '--state', 'dev prod-eu']);
		assert.match(lines[4]!, /-o default -F _windsock_complete windsock/, 'falls back to file names for arguments');
	});

	it('zsh: parses, and hands compadd the candidates for the words before the cursor', {skip: !has('zsh') && 'zsh is not installed'}, () => {
		const text = script('zsh');
		execFileSync('zsh', ['-n'], {input: text, env});
		const probe = `
compadd() { shift $(( \${@[(i)--]} )); print -r -- "$*"; }
_files() { print -r -- FILES; }
${text}
words=(windsock status --profile p); CURRENT=4; _windsock
words=(windsock sandbox ''); CURRENT=3; _windsock
words=(windsock logs etl ''); CURRENT=4; _windsock`;
		const lines = execFileSync('zsh', ['-f', '-c', probe], {encoding: 'utf8', env}).trim().split('\n');
		assert.deepEqual(lines, ['prod-eu', 'start stop status', 'FILES']);
	});

	it("fish: parses, and fish's own completion offers the candidates", {skip: !has('fish') && 'fish is not installed'}, () => {
		const text = script('fish');
		const dir = mkdtempSync(path.join(bin, 'fish-'));
		writeFileSync(path.join(dir, 'windsock.fish'), text);
		execFileSync('fish', ['--no-execute', path.join(dir, 'windsock.fish')], {env});
		const probe = `source ${dir}/windsock.fish; complete --do-complete 'windsock sandbox st'; complete --do-complete 'windsock --profile d'`;
		const out = execFileSync('fish', ['--no-config', '-c', probe], {encoding: 'utf8', env});
		const words = out
			.trim()
			.split('\n')
			.map(line => line.split('\t')[0]);
		assert.deepEqual([...words].sort(), ['dev', 'start', 'status', 'stop'], out);
	});
});
