// Every argument that reads stdin (@- and -) waits for the whole stream: a producer that
// pauses between chunks (vault read ... | windsock ...) used to fail with EAGAIN.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {after, describe, it} from 'node:test';
import {CLI} from '../support/run-cli.js';
import {asAirflow3, fakeServer, type FakeServer, type SeenRequest} from '../support/fake-server.js';

const servers: FakeServer[] = [];
after(async () => Promise.all(servers.map(s => s.close())));

/** 300 KB in three chunks with pauses between them, through a real shell pipe. */
function runSlowPipe(args: string[], url: string, chunks: string[]): Promise<{code: number; stderr: string}> {
	const writer = chunks.map((_, i) => `sleep 0.4; printf '%s' "$C${i}"`).join('; ');
	const env: Record<string, string> = {...(process.env as Record<string, string>), NO_COLOR: '1', WINDSOCK_CONFIG: '/nonexistent', WINDSOCK_URL: url, WINDSOCK_TOKEN: 't'};
	for (const [i, chunk] of chunks.entries()) env[`C${i}`] = chunk;
	const quoted = args.map(a => `'${a}'`).join(' ');
	return new Promise(resolve => {
		const child = spawn('sh', ['-c', `(${writer}) | '${process.execPath}' '${CLI}' ${quoted}`], {env, stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('close', code => resolve({code: code ?? -1, stderr}));
	});
}

async function server(): Promise<FakeServer> {
	const created = await fakeServer(
		asAirflow3(request => {
			if (request.method === 'GET' && request.url.startsWith('/api/v2/variables?')) return {body: {variables: [], total_entries: 0}};
			if (request.method === 'GET' && request.url.startsWith('/api/v2/connections?')) return {body: {connections: [], total_entries: 0}};
			if (request.method === 'GET' && /\/api\/v2\/(variables|connections)\//.test(request.url)) return {status: 404, body: {detail: 'Not Found'}};
			if (request.method === 'GET' && request.url.startsWith('/api/v2/dags/etl')) return {body: {dag_id: 'etl', is_paused: false}};
			if (request.method === 'POST' && request.url.includes('/dagRuns')) return {body: {dag_id: 'etl', dag_run_id: 'manual__1', state: 'queued'}};
			return {body: JSON.parse(request.body || '{}')};
		}),
	);
	servers.push(created);
	return created;
}

const posted = (seen: SeenRequest[], path: string) => seen.filter(r => r.method === 'POST' && r.url.startsWith(path)).map(r => JSON.parse(r.body) as Record<string, unknown>);
const big = 'x'.repeat(100_000);
/** pieces of at most 100 KB: one environment string may not exceed 128 KB */
const pieces = (text: string) => Array.from({length: Math.ceil(text.length / 100_000)}, (_, i) => text.slice(i * 100_000, (i + 1) * 100_000));

describe('stdin that arrives slowly', () => {
	it('variables set KEY @- stores all 300 KB', async () => {
		const fake = await server();
		const result = await runSlowPipe(['variables', 'set', 'k', '@-'], fake.url, [big, big, big]);
		assert.equal(result.code, 0, result.stderr);
		assert.equal(posted(fake.seen, '/api/v2/variables')[0]?.['value'], big + big + big);
	});

	it('trigger --conf @- sends the whole conf', async () => {
		const fake = await server();
		const conf = JSON.stringify({payload: big + big + big});
		const result = await runSlowPipe(['trigger', 'etl', '--conf', '@-'], fake.url, pieces(conf));
		assert.equal(result.code, 0, result.stderr);
		assert.equal((posted(fake.seen, '/api/v2/dags/etl/dagRuns')[0]?.['conf'] as {payload: string} | undefined)?.payload.length, 300_000);
	});

	it('variables import - reads the whole file', async () => {
		const fake = await server();
		const file = JSON.stringify({a: big, b: big, c: big});
		const result = await runSlowPipe(['variables', 'import', '-'], fake.url, pieces(file));
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(
			posted(fake.seen, '/api/v2/variables')
				.map(v => v['key'])
				.sort(),
			['a', 'b', 'c'],
		);
	});

	it('connections import - reads the whole file', async () => {
		const fake = await server();
		const file = JSON.stringify({c1: {conn_type: 'http', extra: big}, c2: {conn_type: 'http', extra: big + big}});
		const result = await runSlowPipe(['connections', 'import', '-'], fake.url, pieces(file));
		assert.equal(result.code, 0, result.stderr);
		assert.deepEqual(
			posted(fake.seen, '/api/v2/connections')
				.map(c => c['connection_id'])
				.sort(),
			['c1', 'c2'],
		);
	});
});
