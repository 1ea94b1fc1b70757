// A mistake in the user's settings (flags, environment, profile file): printed as one line, exit code 2.
export class ConfigError extends Error {
	override name = 'ConfigError';
}
