// Search in a log: every match of the text typed after `/`, moving between them with n / N
// (wrapping round at either end), and the pieces of a row to highlight. Smart case, as in
// less and vim: a query with a capital letter matches case, one without ignores it. Pure.

export type Match = {line: number; start: number; end: number};

export function findMatches(lines: readonly string[], query: string): Match[] {
	if (!query) return [];
	const sensitive = query !== query.toLowerCase();
	const needle = sensitive ? query : query.toLowerCase();
	const matches: Match[] = [];
	lines.forEach((text, line) => {
		const haystack = sensitive ? text : text.toLowerCase();
		for (let start = haystack.indexOf(needle); start >= 0; start = haystack.indexOf(needle, start + needle.length)) {
			matches.push({line, start, end: start + needle.length});
		}
	});
	return matches;
}

/** The first match at or after line `from` (a new search starts where the user is), wrapping. */
export function firstMatchFrom(matches: readonly Match[], from: number): number | undefined {
	if (!matches.length) return undefined;
	const index = matches.findIndex(match => match.line >= from);
	return Math.max(index, 0);
}

/** n (+1) or N (-1) from the current match, wrapping round; the first (or last) when none is current. */
export function stepMatch(count: number, current: number | undefined, step: 1 | -1): number | undefined {
	if (count === 0) return undefined;
	if (current === undefined || current >= count) return step === 1 ? 0 : count - 1;
	return (current + step + count) % count;
}

export type Piece = {text: string; highlight?: 'match' | 'current'};

/** A row's text cut into plain and highlighted pieces: row is columns [start, start + text.length) of its line. */
export function piecesOf(text: string, start: number, lineMatches: readonly Match[], current: Match | undefined): Piece[] {
	const pieces: Piece[] = [];
	let at = 0;
	for (const match of lineMatches) {
		const from = Math.max(0, match.start - start);
		const to = Math.min(text.length, match.end - start);
		if (to <= 0 || from >= text.length || from < at) continue;
		if (from > at) pieces.push({text: text.slice(at, from)});
		pieces.push({text: text.slice(from, to), highlight: match === current ? 'current' : 'match'});
		at = to;
	}
	if (at < text.length || pieces.length === 0) pieces.push({text: text.slice(at)});
	return pieces;
}
