// A forward proxy of our own on loopback that counts what passes through it: CONNECT tunnels
// (https targets) and absolute-form requests (http targets), as a corporate proxy sees them.
// It forwards only to loopback: a test can never send traffic anywhere else through it.
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';

export type Passed = {kind: 'connect' | 'absolute'; target: string; proxyAuthorization?: string};

export type CountingProxy = {url: string; passed: Passed[]; close(): Promise<void>};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export async function countingProxy(): Promise<CountingProxy> {
	const passed: Passed[] = [];
	const sockets = new Set<net.Socket>();
	const server = http.createServer((req, res) => {
		// absolute-form: GET http://127.0.0.1:PORT/path HTTP/1.1
		let target: URL;
		try {
			target = new URL(req.url ?? '');
		} catch {
			res.writeHead(400).end('not absolute-form');
			return;
		}
		passed.push({kind: 'absolute', target: target.href, proxyAuthorization: req.headers['proxy-authorization']});
		if (!LOOPBACK.has(target.hostname)) {
			res.writeHead(403).end('loopback only');
			return;
		}
		const headers = {...req.headers};
		delete headers['proxy-authorization'];
		delete headers['proxy-connection'];
		const upstream = http.request({host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers}, answer => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.writeHead(502).end('upstream failed'));
		req.pipe(upstream);
	});
	server.on('connect', (req, client: net.Socket, head: Buffer) => {
		const target = req.url ?? '';
		passed.push({kind: 'connect', target, proxyAuthorization: req.headers['proxy-authorization']});
		const [host = '', port = ''] = target.startsWith('[') ? [target.slice(0, target.indexOf(']') + 1), target.slice(target.indexOf(']') + 2)] : target.split(':');
		if (!LOOPBACK.has(host)) {
			client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
			return;
		}
		const upstream = net.connect(Number(port), host.replace(/^\[|\]$/g, ''), () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		passed,
		close: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
