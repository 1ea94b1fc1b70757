// The memory-leak guard, compressed: the real binary in tmux on a fake Airflow with 25 DAGs,
// polling every 0.2 s. React's development build grew the process by ~200 MB in 40 s here
// (a performance.measure entry per render, kept forever); the production build stays flat
// within GC noise (+-50 MB). The bound is generous on purpose: it catches the leak class,
// not a few megabytes.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {after, describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {airflow} from '../support/console-harness.js';
import {CLI} from '../support/run-cli.js';
import {fakeServer, type FakeServer} from '../support/fake-server.js';
import {tmux} from '../support/tmux.js';

const SESSION = 'windsock-soak';
const GROWTH_BOUND_MB = 120;

function rssMb(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find(l => l.startsWith('VmRSS:'));
	return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
}

describe('memory over a compressed soak', () => {
	let server: FakeServer;
	after(async () => {
		try {
			tmux('kill-session', '-t', SESSION);
		} catch {}
		await server?.close();
	});

	it('does not grow past the bound while polling every 0.2 s', async () => {
		server = await fakeServer(airflow(25));
		const cli = CLI;
		try {
			tmux('kill-session', '-t', SESSION);
		} catch {}
		tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '34', `env CI=false NODE_ENV= WINDSOCK_URL=${server.url} WINDSOCK_TOKEN=t node ${cli} --refresh 0.2 ; sleep 5`);
		let pid = 0;
		for (let i = 0; i < 50 && !pid; i++) {
			await sleep(100);
			// the pane runs sh -c '...'; env execs into node, so node is the shell's child
			const shell = tmux('display-message', '-p', '-t', SESSION, '#{pane_pid}').trim();
			pid = Number(execFileSync('sh', ['-c', `pgrep -P ${shell} node | head -1`], {encoding: 'utf8'}).trim());
		}
		assert.ok(pid, 'the console did not start');
		// the DAG list: a table redrawn with its last-runs grid on every tick
		await sleep(1500);
		tmux('send-keys', '-t', SESSION, '3');
		const samples: number[] = [];
		for (let second = 0; second < 45; second += 5) {
			await sleep(5000);
			samples.push(rssMb(pid));
		}
		const early = Math.min(...samples.slice(1, 3));
		const late = Math.max(...samples.slice(-3));
		const screen = tmux('capture-pane', '-p', '-t', SESSION);
		assert.match(screen, /etl_0001/, `the console is not showing data:\n${screen}`);
		assert.ok(late - early < GROWTH_BOUND_MB, `RSS grew ${early.toFixed(0)} -> ${late.toFixed(0)} MB in 35 s (samples ${samples.map(s => s.toFixed(0)).join(', ')})`);
	});
});
