// How a request proves who it is. Airflow 2.x's API takes basic auth; 3.x's takes only a
// bearer JWT, obtained from POST {base}/auth/token with username and password (no refresh
// token: on a 401 we obtain a new one once). A user may also bring a token. The password or
// token comes from a SecretSource: fixed (environment, prompt) or a command the profile names,
// which runs again after a 401 (a rotated password, an expired cloud token).

export interface Auth {
	/** what goes into the Authorization header, or undefined for none */
	header(): Promise<string | undefined>;
	/**
	 * Called after a 401. True when a fresh credential was obtained, so the request is worth
	 * replaying once; false when nothing would change (wrong password, static token).
	 */
	renew(used?: string): Promise<boolean>;
}

/** Where a password or token comes from. */
export interface SecretSource {
	get(): Promise<string>;
	/** Obtains the secret afresh; true when it changed (so a refused request is worth replaying). */
	refresh(): Promise<boolean>;
}

/** A secret that cannot change while windsock runs: from the environment or a prompt. */
export class FixedSecret implements SecretSource {
	readonly #value: string;
	constructor(value: string) {
		this.#value = value;
	}
	async get() {
		return this.#value;
	}
	async refresh() {
		return false;
	}
}

export function secretSource(secret: string | SecretSource): SecretSource {
	return typeof secret === 'string' ? new FixedSecret(secret) : secret;
}

/**
 * After a 401: if the header in use is no longer the one the refused request carried, another
 * request renewed it meanwhile, so replay with it; otherwise obtain the secret afresh.
 */
async function renewFrom(source: SecretSource, used: string | undefined, current: () => Promise<string>): Promise<boolean> {
	if (used !== undefined) {
		const now = await current().catch(() => undefined);
		if (now !== undefined && now !== used) return true;
	}
	return source.refresh();
}

export class NoAuth implements Auth {
	async header() {
		return undefined;
	}
	async renew() {
		return false;
	}
}

/** Airflow 2.x: the password on every request; a passwordCommand runs again after a 401. */
export class BasicAuth implements Auth {
	readonly #username: string;
	readonly #password: SecretSource;
	constructor(username: string, password: string | SecretSource) {
		this.#username = username;
		this.#password = secretSource(password);
	}
	async header() {
		return `Basic ${Buffer.from(`${this.#username}:${await this.#password.get()}`).toString('base64')}`;
	}
	async renew(used?: string) {
		return renewFrom(this.#password, used, () => this.header());
	}
}

/** A bearer token the user brings (WINDSOCK_TOKEN, a tokenCommand); a command runs again after a 401. */
export class TokenAuth implements Auth {
	readonly #token: SecretSource;
	constructor(token: string | SecretSource) {
		this.#token = secretSource(token);
	}
	async header() {
		return `Bearer ${await this.#token.get()}`;
	}
	async renew(used?: string) {
		return renewFrom(this.#token, used, () => this.header());
	}
}

/**
 * A JWT obtained on first use and again after a 401. Concurrent requests share one
 * in-flight token request, so a burst of panes does not log in ten times.
 */
export class PasswordJwtAuth implements Auth {
	readonly #obtain: () => Promise<string>;
	#token: Promise<string> | undefined;

	/** obtain: POSTs the credentials to /auth/token and returns access_token, or throws */
	constructor(obtain: () => Promise<string>) {
		this.#obtain = obtain;
	}

	async header() {
		if (!this.#token) this.#fetch();
		return `Bearer ${await this.#token!}`;
	}

	async renew(used?: string) {
		// another request obtained a fresh token since this one was sent: replay with it
		if (used !== undefined && this.#token) {
			const current = await this.#token.catch(() => undefined);
			if (current !== undefined && `Bearer ${current}` !== used) return true;
		}
		// http.ts replays a request once at most, so a refused fresh token cannot loop.
		this.#fetch();
		await this.#token;
		return true;
	}

	#fetch() {
		const pending = this.#obtain();
		// A failed login must not stick: the next request tries again.
		pending.catch(() => {
			if (this.#token === pending) this.#token = undefined;
		});
		this.#token = pending;
	}
}
