// The DAG list's filter text: words match the dag_id (on the server), tag:NAME a tag.
/** "tag:finance etl" -> tags ['finance'], pattern 'etl'. */
export function parseDagFilter(filter: string): {pattern: string | undefined; tags: string[] | undefined} {
	const words = filter.split(/\s+/).filter(Boolean);
	const tags = words
		.filter(word => word.startsWith('tag:'))
		.map(word => word.slice(4))
		.filter(Boolean);
	const pattern = words.filter(word => !word.startsWith('tag:')).join(' ');
	return {pattern: pattern || undefined, tags: tags.length ? tags : undefined};
}
