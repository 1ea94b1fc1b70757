// The help texts, written from the command table: every usage row aligned, every flag of
// every command described, at least one example each (and each example a command line
// windsock would take), and an unknown option answered in windsock's own words.
import assert from 'node:assert/strict';
import {parseArgs} from 'node:util';
import {describe, it} from 'node:test';
import {GLOBAL_OPTIONS} from '../../source/cli/global-options.js';
import {commandHelp, optionForm} from '../../source/cli/help.js';
import {COMMANDS, commandNamed} from '../../source/commands/index.js';
import {runCli} from '../support/run-cli.js';

/** Words as a POSIX shell splits them, for the examples (single and double quotes; stops at a redirection). */
function shellWords(line: string): string[] {
	const words: string[] = [];
	for (const match of line.matchAll(/'([^']*)'|"([^"]*)"|(>>?)|(\S+)/g)) {
		if (match[3]) break;
		words.push(match[1] ?? match[2] ?? match[4]!);
	}
	return words;
}

describe('--help', () => {
	it('aligns every usage row, generated or not', async () => {
		const {code, stdout} = await runCli(['--help']);
		assert.equal(code, 0);
		const usage = stdout.split('\n\n').find(block => block.startsWith('Usage'))!;
		const rows = usage.split('\n').filter(row => row.startsWith('  windsock'));
		assert.ok(rows.some(row => row.includes('windsock status')) && rows.some(row => row.includes('windsock completion')), usage);
		const columns = new Set(rows.map(row => row.match(/^ {2}windsock \S*(?: \S+)*? {2,}/)?.[0].length));
		assert.equal(columns.size, 1, `descriptions start at columns ${[...columns].join(', ')}:\n${usage}`);
		assert.ok(
			stdout.split('\n').every(line => line.length <= 80 || line.includes('/')),
			'fits 80 columns (a long path may not)',
		);
	});

	it("help COMMAND and COMMAND --help print the command's help", async () => {
		const viaHelp = await runCli(['help', 'runs']);
		assert.equal(viaHelp.code, 0, viaHelp.stderr);
		// the same text but for the profile file's path (the child's WINDSOCK_CONFIG)
		const [own = ''] = commandHelp(commandNamed('runs')!).split('Global options');
		assert.ok(viaHelp.stdout.startsWith(own) && viaHelp.stdout.includes('Examples\n  windsock runs'), viaHelp.stdout);
		const viaFlag = await runCli(['runs', '--help']);
		assert.equal(viaFlag.stdout, viaHelp.stdout);
	});

	for (const command of COMMANDS) {
		it(`help ${command.name} describes each of its flags and gives an example`, () => {
			const stdout = commandHelp(command);
			assert.ok(stdout.startsWith(`usage: windsock ${command.usage}\n`), stdout);
			assert.ok(stdout.replace(/\n/g, ' ').includes(command.summary), stdout);
			for (const [name, option] of [...Object.entries(command.options), ...Object.entries(GLOBAL_OPTIONS)]) {
				assert.ok(option.help.trim().length > 10, `--${name} of ${command.name} has no real description`);
				const row = stdout.split('\n').find(line => line.startsWith(`  ${optionForm(name, option)} `));
				assert.ok(row?.includes(option.help.split(' ')[0]!), `help ${command.name} does not describe --${name}:\n${stdout}`);
			}
			const examples = stdout.split('Examples\n')[1] ?? '';
			assert.match(examples, new RegExp(`^  windsock ${command.name}( |$)`, 'm'));
			assert.ok(
				stdout.split('\n').every(line => line.length <= 80 || line.startsWith('usage: ')),
				`help ${command.name} fits 80 columns`,
			);
		});
	}

	it('gives examples that windsock would take: real commands, real flags', () => {
		for (const command of COMMANDS) {
			assert.ok(command.examples.length >= 1, command.name);
			for (const [line, what] of command.examples) {
				const words = shellWords(line);
				assert.equal(words[0], command.name, `an example of ${command.name} starts with its name: ${line}`);
				assert.ok(what.length > 5);
				assert.doesNotThrow(() => parseArgs({args: words, allowPositionals: true, strict: true, options: {...GLOBAL_OPTIONS, ...command.options}}), line);
				if (command.actions && words[1]) assert.ok(command.actions.includes(words[1]), `${line}: ${words[1]} is not an action`);
			}
		}
	});

	it('names the actions it completes in the usage line', () => {
		for (const command of COMMANDS) for (const action of command.actions ?? []) assert.match(command.usage, new RegExp(`\\b${action}\\b`), `${command.name} ${action}`);
	});
});

describe('a command line windsock cannot take', () => {
	it('names an unknown option of a command, guesses the one meant, and shows the usage', async () => {
		const {code, stdout, stderr} = await runCli(['runs', '--all', '--stat', 'failed']);
		assert.equal(code, 2);
		assert.equal(stdout, '');
		const [first, usage, hint] = stderr.trimEnd().split('\n');
		assert.equal(first, 'windsock: runs has no option --stat (did you mean --state?)');
		assert.ok(usage!.startsWith('usage: windsock runs DAG | --all'), stderr);
		assert.equal(hint, '(windsock help runs describes every option)');
	});

	it('names an unknown global option, a missing value, a flag given a value, and an unknown command', async () => {
		const global = await runCli(['--colour']);
		assert.equal(global.code, 2);
		assert.match(global.stderr, /^windsock: unknown option --colour\nusage: windsock \[options\] \| windsock COMMAND/);
		const missing = await runCli(['failures', '--since']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /^windsock: --since needs a value\nusage: windsock failures/);
		const valued = await runCli(['health', '--json=yes']);
		assert.match(valued.stderr, /^windsock: --json takes no value\n/);
		const command = await runCli(['helth']);
		assert.equal(command.code, 2);
		assert.match(command.stderr, /^windsock: unknown command "helth" \(did you mean health\?\)\nusage: /);
		const help = await runCli(['help', 'helth']);
		assert.equal(help.code, 2);
	});

	it('keeps escape sequences typed into an option out of the terminal', async () => {
		const {stderr} = await runCli(['--x\u001b[2Jy']);
		assert.ok(!stderr.includes('\u001b'), JSON.stringify(stderr));
	});
});
