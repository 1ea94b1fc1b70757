// How a request proves who it is. Airflow 2.x's API takes basic auth; 3.x's takes only a
// bearer JWT, obtained from POST {base}/auth/token with username and password (no refresh
// token: on a 401 we obtain a new one once). A user may also bring a static token.

export interface Auth {
	/** what goes into the Authorization header, or undefined for none */
	header(): Promise<string | undefined>;
	/**
	 * Called after a 401. True when a fresh credential was obtained, so the request is worth
	 * replaying once; false when nothing would change (wrong password, static token).
	 */
	renew(): Promise<boolean>;
}

export class NoAuth implements Auth {
	async header() {
		return undefined;
	}
	async renew() {
		return false;
	}
}

export class BasicAuth implements Auth {
	readonly #value: string;
	constructor(username: string, password: string) {
		this.#value = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
	}
	async header() {
		return this.#value;
	}
	async renew() {
		return false;
	}
}

export class StaticTokenAuth implements Auth {
	readonly #token: string;
	constructor(token: string) {
		this.#token = token;
	}
	async header() {
		return `Bearer ${this.#token}`;
	}
	async renew() {
		return false;
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

	async renew() {
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
