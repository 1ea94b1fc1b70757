// A proxy of the project's own that sits between windsock and an Airflow (a real test server
// or the fake one) and breaks requests on demand, one fault at a time: the faults a real
// server, a load balancer or a network produce, when the test asks for them.
import http from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export const FAULTS = [
	'500',
	'502 html',
	'503',
	'black hole',
	'reset',
	'garbage json',
	'truncated json',
	'401',
	'403',
	'404',
	'409',
	'422',
	'redirect',
	'slow drip',
	'huge body',
	'huge total',
] as const;
export type Fault = (typeof FAULTS)[number];

export type FaultProxy = {
	url: string;
	/** the fault for every request from now on (writesOnly: only those that change something); undefined: pass through */
	set(fault: Fault | undefined, options?: {writesOnly?: boolean}): void;
	/** how many requests were broken so far */
	readonly injected: number;
	/** how many writes (any method but GET and HEAD, but for the POST .../list reads) arrived, broken or not */
	readonly writes: number;
	close(): Promise<void>;
};

/** Paths the fault leaves alone: the version probe that opens a session. */
const untouched = (path: string) => /^\/api\/v[12]\/version/.test(path);

/** The upstream's answer, whole. */
function forward(upstream: URL, req: http.IncomingMessage, body: Buffer): Promise<{status: number; headers: http.IncomingHttpHeaders; body: Buffer}> {
	return new Promise((resolve, reject) => {
		// plain bodies from the upstream: the faults cut, pad and rewrite them as JSON, and a
		// real Airflow compresses when asked (a gzip body cut in half is another fault)
		const headers = {...req.headers, host: upstream.host, 'accept-encoding': 'identity'};
		const out = http.request({host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers}, res => {
			const chunks: Buffer[] = [];
			res.on('data', chunk => chunks.push(chunk));
			res.on('end', () => resolve({status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks)}));
			res.on('error', reject);
		});
		out.on('error', reject);
		out.end(body);
	});
}

const HUGE_BYTES = 10 * 1024 * 1024;

export async function faultProxy(upstreamUrl: string, options: {dripMs?: number} = {}): Promise<FaultProxy> {
	const upstream = new URL(upstreamUrl);
	const sockets = new Set<Socket>();
	let fault: Fault | undefined;
	let injected = 0;
	let writes = 0;
	let writesOnly = false;
	const dripMs = options.dripMs ?? 400;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', chunk => chunks.push(chunk));
		req.on('end', async () => {
			// Airflow's batch reads are POSTs to .../list (runs and task instances of many DAGs): reads
			const write = req.method !== 'GET' && req.method !== 'HEAD' && !/\/list(\?|$)/.test(req.url ?? '');
			if (write) writes++;
			const active = untouched(req.url ?? '/') || (writesOnly && !write) ? undefined : fault;
			if (active) injected++;
			const json = (status: number, body: unknown) => {
				res.writeHead(status, {'content-type': 'application/json'});
				res.end(JSON.stringify(body));
			};
			switch (active) {
				case '500':
					return json(500, {detail: 'injected: internal server error'});
				case '502 html':
					res.writeHead(502, {'content-type': 'text/html'});
					return res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
				case 'black hole':
					return; // accepted, never answered
				case 'reset':
					return req.socket.resetAndDestroy();
				case 'garbage json':
					res.writeHead(200, {'content-type': 'application/json'});
					return res.end('{"dags": [1, 2 }}} not json');
				case '401':
					return json(401, {detail: 'Token Expired'});
				case '403':
					return json(403, {detail: 'injected: forbidden'});
				case '404':
					return json(404, {detail: 'injected: not found'});
				case '409':
					return json(409, {detail: 'injected: conflict'});
				case '422':
					return json(422, {detail: [{loc: ['query', 'limit'], msg: 'injected: unprocessable', type: 'value_error'}]});
				case '503':
					return json(503, {detail: 'injected: service unavailable'});
				case 'redirect':
					// a login page or a load balancer moving the API elsewhere: never followed
					res.writeHead(307, {location: 'http://elsewhere.invalid/login?next=/api'});
					return res.end();
				default:
					break;
			}
			let answer: Awaited<ReturnType<typeof forward>>;
			try {
				answer = await forward(upstream, req, Buffer.concat(chunks));
			} catch {
				res.writeHead(502, {'content-type': 'text/plain'});
				return res.end('upstream unreachable');
			}
			const headers = {...answer.headers};
			delete headers['content-length'];
			delete headers['transfer-encoding'];
			delete headers['connection'];
			if (active === 'truncated json') {
				res.writeHead(answer.status, headers);
				return res.end(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
			}
			if (active === 'huge body') {
				// the real answer with 10 MB more of a field nobody reads
				let body = answer.body;
				try {
					const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
					if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = Buffer.from(JSON.stringify({...parsed, padding: 'x'.repeat(HUGE_BYTES)}));
				} catch {
					body = Buffer.concat([body, Buffer.from(`\n${'x'.repeat(HUGE_BYTES)}`)]);
				}
				res.writeHead(answer.status, headers);
				return res.end(body);
			}
			if (active === 'huge total') {
				// a server or cache that claims far more than it holds: paging must stop when a page brings nothing new
				let body = answer.body;
				try {
					const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
					if (parsed && typeof parsed === 'object' && 'total_entries' in parsed) body = Buffer.from(JSON.stringify({...parsed, total_entries: 10 ** 12}));
				} catch {
					// not JSON: passed on as it is
				}
				res.writeHead(answer.status, headers);
				return res.end(body);
			}
			if (active === 'slow drip') {
				// the real answer, a few bytes at a time: slower than any timeout the test sets
				res.writeHead(answer.status, headers);
				let offset = 0;
				const drip = () => {
					if (res.destroyed) return;
					if (offset >= answer.body.length) return res.end();
					res.write(answer.body.subarray(offset, offset + 8));
					offset += 8;
					setTimeout(drip, dripMs);
				};
				return drip();
			}
			res.writeHead(answer.status, headers);
			res.end(answer.body);
		});
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		set(next, options = {}) {
			fault = next;
			writesOnly = options.writesOnly ?? false;
		},
		get injected() {
			return injected;
		},
		get writes() {
			return writes;
		},
		close: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
