// Which environment is production: the profile says so with "production": true (or false),
// and a profile that says nothing is judged by its name: a word "prod" or "production" in it
// (prod, eu-prod, prod_us, Production) counts. A console pointed at production shows it in
// red and always asks before a change, so a guess errs on the careful side; "production":
// false turns the guess off for a name like "prod-replica-sandbox".
const PRODUCTION_WORD = /(^|[^a-z0-9])(prod|production|prd)([^a-z]|$)/i;

export function looksLikeProduction(name: string): boolean {
	return PRODUCTION_WORD.test(name);
}

/** The explicit setting wins; without one, the name decides. */
export function isProduction(name: string, explicit: boolean | undefined): boolean {
	return explicit ?? looksLikeProduction(name);
}
