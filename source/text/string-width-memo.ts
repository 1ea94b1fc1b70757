// string-width, remembered. Ink measures every text node of every frame again (widest-line
// in its render, per-frame caches in its output), and a 200x60 frame of unchanged rows paid
// for the same widths on every keystroke: most of the CPU of a key (#12). The bundle
// (scripts/bundle.mjs) sends every `import 'string-width'` here, Ink's and ours alike.
// Bounded: a console that runs for days sees ever new strings (clocks, ages), so the table
// starts over when it is full rather than growing.
import stringWidth from 'string-width';
import {simpleWidth} from './simple-width.js';
import {PRINTABLE_ASCII} from './printable-ascii.js';

/** Distinct strings remembered at most; a frame at 200x60 measures a few hundred. */
export const REMEMBERED = 4096;

/**
 * Longer strings are measured, not remembered: a whole detail view or wrapped log block can
 * be several KB, and 4,096 of them would hold tens of MB. A row is at most a few hundred.
 */
export const LONGEST_REMEMBERED = 512;

const widths = new Map<string, number>();

export default function rememberedWidth(text: string, options?: Parameters<typeof stringWidth>[1]): number {
	// options change the answer (ambiguous width, counting ANSI codes): those are not remembered
	if (options !== undefined) return stringWidth(text, options);
	// most of a frame (ids, dates, states' words) is plain ASCII: a page of new rows measures
	// each text once, and string-width segments graphemes even for those
	if (PRINTABLE_ASCII.test(text)) return text.length;
	// and most of the rest is ASCII with a glyph or an ellipsis, or CJK: no segmenting, nothing to remember
	const simple = simpleWidth(text);
	if (simple !== undefined) return simple;
	if (text.length > LONGEST_REMEMBERED) return stringWidth(text);
	let width = widths.get(text);
	if (width === undefined) {
		width = stringWidth(text);
		if (widths.size >= REMEMBERED) widths.clear();
		widths.set(text, width);
	}
	return width;
}

/** How many widths are remembered now (for the bound's test). */
export function rememberedCount(): number {
	return widths.size;
}
