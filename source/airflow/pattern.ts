// The API's `*_pattern` match, for where windsock must match by itself what a 3.2+ server
// matches (run ids on 2.x): a case-insensitive substring (SQL ILIKE '%term%') where `%` is
// any text and `_` one character, `|` separates alternatives and `~` matches everything.
// Kept to the same rule so `/` means the same on both generations.

/** Does `text` match `pattern` as the API's *_pattern parameters do? */
export function matchesPattern(pattern: string, text: string): boolean {
	return compilePattern(pattern)(text);
}

export function compilePattern(pattern: string): (text: string) => boolean {
	if (pattern === '' || pattern === '~') return () => true;
	const alternatives = pattern.split('|').map(alternative => {
		const body = [...alternative].map(char => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'))).join('');
		return new RegExp(body, 'isu');
	});
	return text => alternatives.some(expression => expression.test(text));
}
