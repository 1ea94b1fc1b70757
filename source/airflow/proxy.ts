// Which proxy a request to the Airflow URL goes through, by the conventions curl and most
// tools share: https_proxy / HTTPS_PROXY for https, http_proxy / HTTP_PROXY for http (the
// lowercase one first), none when no_proxy / NO_PROXY names the host. A pure rule on an
// environment given to it: the tests pass their own, so a proxy set on the machine running
// them changes nothing.
import {isIP} from 'node:net';

function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
	const value = env[name.toLowerCase()] || env[name.toUpperCase()];
	return value?.trim() || undefined;
}

function ipv4Number(address: string): number | undefined {
	if (isIP(address) !== 4) return undefined;
	return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** True when one NO_PROXY entry covers the host (and port). */
function entryCovers(entry: string, host: string, port: string): boolean {
	let pattern = entry.toLowerCase();
	// host:port (not an IPv6 address, whose colons are not a port)
	const withPort = /^(.*[^:]):(\d+)$/.exec(pattern);
	if (withPort && isIP(pattern) !== 6) {
		if (withPort[2] !== port) return false;
		pattern = withPort[1] ?? '';
	}
	pattern = pattern.replace(/^\[(.*)\]$/, '$1');
	if (pattern.includes('/')) {
		// an IPv4 range, 10.0.0.0/8
		const [base = '', bits = ''] = pattern.split('/');
		const network = ipv4Number(base);
		const address = ipv4Number(host);
		const size = Number(bits);
		if (network === undefined || address === undefined || !Number.isInteger(size) || size < 0 || size > 32) return false;
		const mask = size === 0 ? 0 : (0xffffffff << (32 - size)) >>> 0;
		return (network & mask) >>> 0 === (address & mask) >>> 0;
	}
	// ".example.com" and "*.example.com" mean the domain and everything under it, as "example.com" does
	pattern = pattern.replace(/^\*?\.+/, '');
	if (!pattern) return false;
	return host === pattern || (isIP(host) === 0 && host.endsWith(`.${pattern}`));
}

/** The proxy URL for a request to `target`, or undefined to go direct. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv): string | undefined {
	const proxy = variable(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
	if (!proxy) return undefined;
	const noProxy = variable(env, 'no_proxy');
	if (noProxy) {
		const host = target.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
		const port = target.port || (target.protocol === 'https:' ? '443' : '80');
		const entries = noProxy.split(/[,\s]+/).filter(Boolean);
		if (entries.includes('*')) return undefined;
		if (entries.some(entry => entryCovers(entry, host, port))) return undefined;
	}
	// "proxy:3128" without a scheme is an http proxy, as curl reads it
	return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** The proxy's address for messages: host and port, never its credentials. */
export function proxyLabel(proxy: string): string {
	try {
		const url = new URL(proxy);
		return `${url.protocol}//${url.host}`;
	} catch {
		return 'the proxy';
	}
}
