// TLS and proxies on loopback: https servers with the test certificates in test/fixtures/tls
// (see make.sh there), and a forward proxy of our own that counts what passes through it.
// Each test gives the client its proxy environment explicitly.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {AirflowClient, type ConnectOptions} from '../../source/airflow/client.js';
import {AirflowError, errorFromTransport, TLS_MESSAGES} from '../../source/airflow/errors.js';
import {proxyFor} from '../../source/airflow/proxy.js';
import {PACKAGE_ROOT} from '../../source/version.js';
import {countingProxy, type CountingProxy} from '../support/counting-proxy.js';
import {asAirflow3, fakeServer, type FakeServer} from '../support/fake-server.js';
import {runCli} from '../support/run-cli.js';

const tlsDir = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'tls');
const pem = (name: string) => readFileSync(path.join(tlsDir, name), 'utf8');
const CA = pem('ca.pem');
const NO_PROXY_ENV = {} as NodeJS.ProcessEnv;

const closers: {close(): Promise<void>}[] = [];
after(() => Promise.all(closers.map(c => c.close())));

const dagsAnswer = asAirflow3(() => ({body: {dags: [], total_entries: 0}}));

async function httpsServer(certificate: string): Promise<FakeServer> {
	const server = await fakeServer(dagsAnswer, {tls: {key: pem(`${certificate}-key.pem`), cert: pem(`${certificate}.pem`)}});
	closers.push(server);
	return server;
}

async function proxy(): Promise<CountingProxy> {
	const started = await countingProxy();
	closers.push(started);
	return started;
}

async function failure(options: ConnectOptions): Promise<AirflowError> {
	try {
		await AirflowClient.connect({retries: 0, env: NO_PROXY_ENV, ...options});
	} catch (error) {
		assert.ok(error instanceof AirflowError, String(error));
		return error;
	}
	assert.fail('connected');
}

describe('TLS', () => {
	it('a certificate Node does not trust is named as a TLS error, not "is Airflow running there?"', async () => {
		const cases: [string, RegExp, string][] = [
			['self-signed', /TLS error: 127\.0\.0\.1:\d+ was not trusted: its certificate is self-signed/, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
			['server', /its certificate is signed by an unknown certificate authority/, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
		];
		for (const [certificate, title, code] of cases) {
			const server = await httpsServer(certificate);
			const error = await failure({baseUrl: server.url});
			assert.equal(error.kind, 'tls');
			assert.match(error.message, title);
			assert.equal(error.detail, code);
			assert.match(error.hint ?? '', /caFile in the profile .* NODE_EXTRA_CA_CERTS/);
			assert.doesNotMatch(error.hint ?? '', /Is Airflow running/);
		}
	});

	it('with the CA given (caFile) the same server is trusted; a wrong host name or an expired certificate still is not', async () => {
		const good = await httpsServer('server');
		const client = await AirflowClient.connect({baseUrl: good.url, ca: CA, retries: 0, env: NO_PROXY_ENV});
		assert.equal(client.server.generation, 'v2');
		assert.equal(client.http.insecure, false);
		const wrongHost = await failure({baseUrl: (await httpsServer('wrong-host')).url, ca: CA});
		assert.match(wrongHost.message, /TLS error: .* its certificate is for another host name/);
		const expired = await failure({baseUrl: (await httpsServer('expired')).url, ca: CA});
		assert.match(expired.message, /TLS error: .* its certificate has expired/);
	});

	it('insecure: true connects to a self-signed server and says so on the client', async () => {
		const server = await httpsServer('self-signed');
		const client = await AirflowClient.connect({baseUrl: server.url, insecure: true, retries: 0, env: NO_PROXY_ENV});
		assert.equal(client.http.insecure, true);
		assert.deepEqual(await client.listDags({limit: 1}), {items: [], total: 0});
	});

	it('an https URL on a plain http server says it is not TLS', async () => {
		const plain = await fakeServer(dagsAnswer);
		closers.push(plain);
		const error = await failure({baseUrl: plain.url.replace('http:', 'https:')});
		assert.equal(error.kind, 'tls');
		assert.match(error.message, /does not speak TLS on this port/);
		assert.match(error.hint ?? '', /http:\/\//);
	});

	it('every code in the table is a tls error with a hint', () => {
		for (const code of Object.keys(TLS_MESSAGES)) {
			const error = errorFromTransport(code, 'x', {method: 'GET', path: '/', host: 'h'});
			assert.equal(error.kind, 'tls', code);
			assert.ok(error.hint, code);
		}
		assert.equal(errorFromTransport('ECONNREFUSED', 'x', {method: 'GET', path: '/', host: 'h'}).kind, 'network');
	});
});

describe('TLS settings in a profile', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-tls-'));
	const profileFile = (name: string, entry: Record<string, unknown>) => {
		const file = path.join(dir, `${name}.json`);
		writeFileSync(file, JSON.stringify({profiles: {[name]: entry}}), {mode: 0o600});
		return file;
	};

	it('caFile (relative to the profile file) makes a command trust the server', async () => {
		const server = await httpsServer('server');
		writeFileSync(path.join(dir, 'corp-ca.pem'), CA);
		const result = await runCli(['dags', '--profile', 'corp', '--json'], {WINDSOCK_CONFIG: profileFile('corp', {url: server.url, caFile: 'corp-ca.pem'})});
		assert.equal(result.code, 0, result.stderr);
		const without = await runCli(['dags', '--profile', 'plain'], {WINDSOCK_CONFIG: profileFile('plain', {url: server.url})});
		assert.equal(without.code, 1);
		assert.match(without.stderr, /TLS error: .*unknown certificate authority/);
	});

	it('a caFile that cannot be read or holds no certificate is named before anything is sent', async () => {
		const missing = await runCli(['dags', '--profile', 'gone'], {WINDSOCK_CONFIG: profileFile('gone', {url: 'https://127.0.0.1:9', caFile: 'no-such-ca.pem'})});
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, new RegExp(`the caFile of profile "gone", ${path.join(dir, 'no-such-ca.pem').replace(/[.]/g, '\\.')}, cannot be read: no such file`));
		writeFileSync(path.join(dir, 'not-pem.pem'), 'hello');
		const wrong = await runCli(['dags', '--profile', 'notpem'], {WINDSOCK_CONFIG: profileFile('notpem', {url: 'https://127.0.0.1:9', caFile: 'not-pem.pem'})});
		assert.match(wrong.stderr, /holds no PEM certificate/);
	});

	it('insecure: true works against a self-signed server and warns on stderr for the command', async () => {
		const server = await httpsServer('self-signed');
		const result = await runCli(['dags', '--profile', 'lab', '--json'], {WINDSOCK_CONFIG: profileFile('lab', {url: server.url, insecure: true})});
		assert.equal(result.code, 0, result.stderr);
		assert.match(result.stderr, /warning: TLS NOT VERIFIED for lab/);
	});
});

describe('the proxy rule', () => {
	const target = (url: string) => new URL(url);
	it('takes https_proxy for https and http_proxy for http, lowercase first', () => {
		assert.equal(proxyFor(target('https://a.example'), {HTTPS_PROXY: 'http://up:1'}), 'http://up:1');
		assert.equal(proxyFor(target('https://a.example'), {https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:1'}), 'http://low:1');
		assert.equal(proxyFor(target('http://a.example'), {HTTPS_PROXY: 'http://up:1'}), undefined);
		assert.equal(proxyFor(target('http://a.example'), {http_proxy: 'proxy:3128'}), 'http://proxy:3128');
		assert.equal(proxyFor(target('https://a.example'), {}), undefined);
	});

	it('NO_PROXY: hosts, domains with or without a dot or *, ports, IPv4 ranges, and *', () => {
		const env = (noProxy: string) => ({HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy});
		const direct = (url: string, noProxy: string) => proxyFor(target(url), env(noProxy)) === undefined;
		assert.ok(direct('https://127.0.0.1:8080', 'localhost,127.0.0.1'));
		assert.ok(direct('https://airflow.corp.example', 'corp.example'));
		assert.ok(direct('https://airflow.corp.example', '.corp.example'));
		assert.ok(direct('https://airflow.corp.example', '*.corp.example'));
		assert.ok(direct('https://corp.example', '.corp.example'));
		assert.ok(!direct('https://notcorp.example', 'corp.example'));
		assert.ok(direct('https://a.example:8443', 'a.example:8443'));
		assert.ok(!direct('https://a.example', 'a.example:8443'));
		assert.ok(direct('https://10.1.2.3', '10.0.0.0/8'));
		assert.ok(!direct('https://11.1.2.3', '10.0.0.0/8'));
		assert.ok(direct('https://[::1]:8080', '::1'));
		assert.ok(direct('https://anything', ' * '));
		assert.ok(direct('https://A.EXAMPLE', 'a.example'));
		assert.ok(!direct('https://1.2.3.4', '2.3.4'), 'an IP address is not a domain suffix');
	});
});

describe('through a proxy', () => {
	it('an http Airflow is reached with absolute-form requests through HTTP_PROXY; NO_PROXY goes direct', async () => {
		const server = await fakeServer(dagsAnswer);
		closers.push(server);
		const counter = await proxy();
		const client = await AirflowClient.connect({baseUrl: server.url, retries: 0, env: {HTTP_PROXY: counter.url}});
		await client.listDags({limit: 1});
		assert.ok(counter.passed.length >= 2, 'detection and the list went through the proxy');
		assert.ok(counter.passed.every(p => p.kind === 'absolute' && p.target.startsWith(`${server.url}/`)));
		const before = counter.passed.length;
		const direct = await AirflowClient.connect({baseUrl: server.url, retries: 0, env: {HTTP_PROXY: counter.url, NO_PROXY: 'localhost,127.0.0.1'}});
		await direct.listDags({limit: 1});
		assert.equal(counter.passed.length, before, 'NO_PROXY: nothing through the proxy');
	});

	it('an https Airflow is reached through a CONNECT tunnel, its certificate still verified', async () => {
		const server = await httpsServer('server');
		const counter = await proxy();
		const client = await AirflowClient.connect({baseUrl: server.url, ca: CA, retries: 0, env: {https_proxy: counter.url}});
		await client.listDags({limit: 1});
		const {port} = new URL(server.url);
		assert.ok(counter.passed.length >= 1);
		assert.ok(counter.passed.every(p => p.kind === 'connect' && p.target === `127.0.0.1:${port}`));
		// the tunnel does not weaken TLS: without the CA it is refused as before
		const refused = await failure({baseUrl: server.url, env: {https_proxy: counter.url}});
		assert.equal(refused.kind, 'tls');
	});

	it('a proxy that is down is named in the error, without its credentials', async () => {
		const server = await fakeServer(dagsAnswer);
		closers.push(server);
		const error = await failure({baseUrl: server.url, env: {HTTP_PROXY: 'http://someone:pr0xy-pw@127.0.0.1:9'}});
		assert.match(error.message, /Cannot reach 127\.0\.0\.1:\d+ through the proxy http:\/\/127\.0\.0\.1:9: connection refused/);
		assert.doesNotMatch(error.message + (error.hint ?? ''), /pr0xy-pw|someone/);
	});

	it('the binary honours HTTPS_PROXY from its environment', async () => {
		const server = await httpsServer('self-signed');
		const counter = await proxy();
		const dir = mkdtempSync(path.join(os.tmpdir(), 'windsock-proxy-'));
		const file = path.join(dir, 'profiles.json');
		writeFileSync(file, JSON.stringify({profiles: {lab: {url: server.url, insecure: true}}}), {mode: 0o600});
		const result = await runCli(['dags', '--profile', 'lab', '--json'], {WINDSOCK_CONFIG: file, HTTPS_PROXY: counter.url});
		assert.equal(result.code, 0, result.stderr);
		assert.ok(counter.passed.some(p => p.kind === 'connect'));
	});
});
