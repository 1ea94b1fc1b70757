// A local HTTP server for faults the real Airflow will not produce on demand: 503s,
// garbage bodies, silence, expired tokens. Each test scripts the answers it needs.
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo} from 'node:net';

export type SeenRequest = {method: string; url: string; headers: http.IncomingHttpHeaders; body: string};
/** hang: never answer (the client's timeout must fire); delayMs: answer that much later */
export type Answer = {status?: number; body?: unknown; headers?: Record<string, string>; hang?: boolean; delayMs?: number};
export type Handler = (request: SeenRequest) => Answer;

export type FakeServer = {
	url: string;
	seen: SeenRequest[];
	/** the most requests it held at once, unanswered: how concurrent the client was */
	readonly maxInFlight: number;
	/** requests it holds now, unanswered */
	readonly inFlight: number;
	close(): Promise<void>;
};

/** tls: serve https with this key and certificate (test/fixtures/tls) */
export async function fakeServer(handler: Handler, options: {tls?: {key: string; cert: string}} = {}): Promise<FakeServer> {
	const seen: SeenRequest[] = [];
	const sockets = new Set<import('node:net').Socket>();
	let inFlight = 0;
	let maxInFlight = 0;
	const listener: http.RequestListener = (req, res) => {
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		let done = false;
		const finish = () => {
			if (!done) inFlight--;
			done = true;
		};
		res.on('close', finish);
		let body = '';
		req.on('data', chunk => (body += chunk));
		req.on('end', () => {
			const request = {method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body};
			seen.push(request);
			const answer = handler(request);
			if (answer.hang) return; // never answer: the client's timeout must fire
			const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
			const send = () => {
				if (res.destroyed) return;
				res.writeHead(answer.status ?? 200, {'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', ...answer.headers});
				res.end(text);
			};
			if (answer.delayMs) setTimeout(send, answer.delayMs);
			else send();
		});
	};
	const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		seen,
		get maxInFlight() {
			return maxInFlight;
		},
		get inFlight() {
			return inFlight;
		},
		close: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Answers /api/v2/version like Airflow 3.x and /api/v1/version with 404, then hands over. */
export function asAirflow3(rest: Handler): Handler {
	return request => {
		if (request.url.startsWith('/api/v2/version')) return {body: {version: '3.3.2', git_version: null}};
		if (request.url.startsWith('/api/v1/')) return {status: 404, body: {detail: 'Not Found'}};
		return rest(request);
	};
}

/** Answers like Airflow 2.x: /api/v2 is not there, /api/v1/version is. */
export function asAirflow2(rest: Handler): Handler {
	return request => {
		if (request.url.startsWith('/api/v2/')) return {status: 404, body: {detail: 'Not Found'}};
		if (request.url.startsWith('/api/v1/version')) return {body: {version: '2.11.2', git_version: ''}};
		return rest(request);
	};
}
