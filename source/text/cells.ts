// Terminal cell arithmetic shared by the console's tables and the commands' plain tables.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u;

/** Terminal cells a string takes: wide characters (CJK, emoji) take two. */
export function cellWidth(text: string): number {
	let width = 0;
	for (const char of text) width += WIDE.test(char) ? 2 : 1;
	return width;
}

/** Pads or cuts (with …) to exactly `width` cells, so columns stay aligned. */
export function fit(text: string, width: number): string {
	if (cellWidth(text) <= width) return text + ' '.repeat(width - cellWidth(text));
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = WIDE.test(char) ? 2 : 1;
		if (used + w > width - 1) break;
		out += char;
		used += w;
	}
	return out + '…' + ' '.repeat(Math.max(0, width - used - 1));
}
