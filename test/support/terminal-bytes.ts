// Judges the raw bytes a program wrote to a terminal (#11): what escape sequences it holds
// beyond the ones windsock itself writes, and which characters no server string may bring.
// Each finding carries the text around it, so a failure says which field leaked.

/**
 * The sequences windsock writes: cursor moves and positions, erase in line / display, SGR
 * colours and styles, scroll regions, and the private modes it sets and resets (alternate
 * screen 1049, cursor 25, autowrap 7, synchronised output 2026, bracketed paste 2004, focus
 * and mouse reports). Nothing that makes the terminal answer (6n, 21t) or sets anything
 * outside the screen (OSC titles, clipboard, hyperlinks; DCS, APC, PM, SOS).
 */
const OWN_CSI = /^\u001b\[(?:\?(?:1049|25|7|2026|2004|1004|1000|1002|1003|1006)[hl]|[0-9;]*[ABCDEFGHJKfdmr])$/;

/** Characters no server string may bring: C0 but tab, newline, return, backspace and ESC; DEL; C1; bidi, zero-width and line separators. */
const FORBIDDEN = /[\u0000-\u0007\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

export type Finding = {what: string; around: string};

const around = (text: string, index: number) => JSON.stringify(text.slice(Math.max(0, index - 50), index + 70));

/** Everything wrong in `bytes`; [] when only windsock's own sequences and clean text are there. */
export function terminalFindings(bytes: Buffer, payloadWords: RegExp = /pwned/g): Finding[] {
	const findings: Finding[] = [];
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		// a raw 8-bit C1 byte (0x9B CSI, 0x9D OSC) alone is not UTF-8
		findings.push({what: 'bytes that are not UTF-8 (a raw 8-bit control?)', around: ''});
		text = new TextDecoder('utf-8').decode(bytes);
	}
	for (const match of text.matchAll(/\u001b(?:\[[0-?]*[ -/]*[@-~]|[\s\S]?)/g)) {
		const sequence = match[0];
		if (OWN_CSI.test(sequence)) {
			// windsock clears the screen once, right after homing the cursor; a 2J anywhere else came from a server string
			if (sequence === '\u001b[2J' && text.slice(match.index - 3, match.index) !== '\u001b[H') findings.push({what: 'a clear-screen after text', around: around(text, match.index)});
			continue;
		}
		const kind =
			sequence[1] === '['
				? `CSI ${JSON.stringify(sequence)}`
				: sequence[1] === ']'
					? 'OSC'
					: sequence[1] === 'P'
						? 'DCS'
						: sequence[1] === '_'
							? 'APC'
							: sequence[1] === '^'
								? 'PM'
								: sequence[1] === 'X'
									? 'SOS'
									: `ESC ${JSON.stringify(sequence)}`;
		findings.push({what: kind, around: around(text, match.index)});
	}
	for (const match of text.matchAll(FORBIDDEN)) {
		findings.push({what: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, around: around(text, match.index)});
	}
	// A payload word is text of a sequence: on screen, it means a sequence was cut, not
	// removed whole. Shown as JSON (a conf pre-filled from params, with \u001b written out) it
	// is printable text, and that is allowed.
	for (const match of text.matchAll(payloadWords)) {
		if (/\\u00[0-9a-f]{2}[^\s"]*$/i.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
		findings.push({what: `the payload word "${match[0]}"`, around: around(text, match.index)});
	}
	return findings;
}

/** The findings as a short report: each kind once, with its count and first context. */
export function describeFindings(findings: Finding[]): string {
	const byKind = new Map<string, {count: number; first: string}>();
	for (const finding of findings) {
		const seen = byKind.get(finding.what);
		if (seen) seen.count++;
		else byKind.set(finding.what, {count: 1, first: finding.around});
	}
	const where = new Set(findings.filter(finding => finding.what === 'OSC').map(finding => finding.around.slice(1, 40)));
	return [...[...byKind].map(([what, {count, first}]) => `${count} x ${what}, first at ${first}`), ...[...where].map(text => `an OSC after ${text}`)].join('\n');
}
