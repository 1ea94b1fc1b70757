// The console's rows are composed by source/ui/ink-output-rows.ts instead of Ink's
// Output.get() (scripts/bundle.mjs swaps them). Over arbitrary writes, clips and transformers
// (styles, wide and zero-width graphemes, overlaps, texts outside the grid) the screen must
// show the same cells, in the same styles, as Ink's own would.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import path from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import {rowCells} from '../../source/ui/frame-cells.js';
import {composeRows, type InkParts, type Operation, type StyledChar} from '../../source/ui/ink-output-rows.js';

// Ink does not export its Output class: load it from Ink's own build, as the bundle does
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
const {default: InkOutput} = (await import(pathToFileURL(path.join(inkBuild, 'output.js')).href)) as {
	default: new (options: {width: number; height: number}) => {operations: Operation[]; get(): {output: string; height: number}};
};

const parts: InkParts = {
	sliceAnsi,
	stringWidth,
	widestLine: text => Math.max(0, ...text.split('\n').map(line => stringWidth(line))),
	styledChars: line => styledCharsFromTokens(tokenize(line)) as unknown as StyledChar[],
	styledCharsToString: chars => styledCharsToString(chars as never),
};

const WIDTH = 24;
const HEIGHT = 6;

/** Each row as the terminal shows it: cells with their styles, trailing blank cells dropped. */
function screen(output: string): string[] {
	return output.split('\n').map((row, index) => {
		const cells = rowCells(row);
		assert.ok(cells, `row ${index} holds an escape the model does not know: ${JSON.stringify(row)}`);
		while (cells.length > 0 && cells.at(-1)!.text === ' ' && cells.at(-1)!.style === '') cells.pop();
		return JSON.stringify(cells);
	});
}

function both(operations: Operation[], width = WIDTH, height = HEIGHT) {
	const ink = new InkOutput({width, height});
	ink.operations.push(...operations);
	const theirs = ink.get();
	const ours = composeRows(width, height, operations, parts);
	return {theirs, ours};
}

const STYLES: [string, string][] = [
	['', ''],
	['\u001b[31m', '\u001b[39m'],
	['\u001b[1m', '\u001b[22m'],
	['\u001b[7m', '\u001b[27m'],
	['\u001b[44m', '\u001b[49m'],
	['\u001b[38;5;208m', '\u001b[39m'],
	// never closed: in Ink's grid a style ends with its text
	['\u001b[32m', ''],
];
const GRAPHEMES = ['a', 'b', 'Z', ' ', '│', '●', '✖', '…', '›', 'é', '数', '가', '🚀', 'e\u0301', '\u200b', '\t'];

const segment = fc.tuple(fc.constantFrom(...STYLES), fc.array(fc.constantFrom(...GRAPHEMES), {maxLength: 8})).map(([[open, close], chars]) => (chars.length ? `${open}${chars.join('')}${close}` : ''));
const line = fc.array(segment, {maxLength: 3}).map(segments => segments.join(''));
const text = fc.array(line, {minLength: 1, maxLength: 3}).map(lines => lines.join('\n'));
const TRANSFORMERS: ((line: string, index: number) => string)[][] = [[], [line => `\u001b[1m${line}\u001b[22m`], [(line, index) => (index === 0 ? line.replaceAll('a', 'A') : line)]];
const write = fc.record({
	type: fc.constant('write' as const),
	x: fc.integer({min: -3, max: WIDTH + 2}),
	y: fc.integer({min: -2, max: HEIGHT + 1}),
	text,
	transformers: fc.constantFrom(...TRANSFORMERS),
});
const clip = fc.record({
	type: fc.constant('clip' as const),
	clip: fc.record({x1: fc.integer({min: 0, max: WIDTH}), x2: fc.integer({min: 0, max: WIDTH}), y1: fc.integer({min: 0, max: HEIGHT}), y2: fc.integer({min: 0, max: HEIGHT})}, {requiredKeys: []}),
});
const unclip = fc.constant({type: 'unclip' as const});
const operations = fc.array(fc.oneof({weight: 5, arbitrary: write}, {weight: 1, arbitrary: clip}, {weight: 1, arbitrary: unclip}), {maxLength: 12}) as fc.Arbitrary<Operation[]>;

test('over arbitrary writes, clips and transformers, the rows show what Ink would show', () => {
	fc.assert(
		fc.property(operations, operations => {
			const {theirs, ours} = both(operations);
			assert.equal(ours.height, theirs.height);
			assert.deepEqual(screen(ours.output), screen(theirs.output));
		}),
		{numRuns: 1500},
	);
});

test('texts side by side keep their places and styles; a later text over an earlier one wins', () => {
	const side = both([
		{type: 'write', x: 0, y: 0, text: '\u001b[7m› etl_0001\u001b[27m', transformers: []},
		{type: 'write', x: 14, y: 0, text: '\u001b[31m✖ failed\u001b[39m', transformers: []},
		{type: 'write', x: 2, y: 1, text: '数据 🚀 ok', transformers: []},
	]);
	assert.deepEqual(screen(side.ours.output), screen(side.theirs.output));
	assert.equal(side.ours.output.split('\n')[1], '  数据 🚀 ok');
	// a dialog drawn over a list row
	const over = both([
		{type: 'write', x: 0, y: 0, text: 'etl_0001   success   @hourly', transformers: []},
		{type: 'write', x: 5, y: 0, text: '\u001b[1m│ Trigger │\u001b[22m', transformers: []},
	]);
	assert.deepEqual(screen(over.ours.output), screen(over.theirs.output));
	assert.match(over.ours.output.split('\n')[0]!, /^etl_0.*│ Trigger │.*@hourly$/);
});

test('a style left open beside a text with its own styles: the same cells, however each side writes the codes', () => {
	// Ink writes this cell "green, then bold"; the joined row "bold, then green" (found by the property above)
	const bold = (line: string) => `\u001b[1m${line}\u001b[22m`;
	const {ours, theirs} = both([
		{type: 'write', x: 12, y: 0, text: '\u001b[32maaaaa\n', transformers: []},
		{type: 'write', x: 17, y: 0, text: '\u001b[32ma', transformers: [bold]},
	]);
	assert.deepEqual(screen(ours.output), screen(theirs.output));
	assert.deepEqual(JSON.parse(screen(ours.output)[0]!).at(-1), {text: 'a', width: 1, style: '\u001b[1;32m'});
});
