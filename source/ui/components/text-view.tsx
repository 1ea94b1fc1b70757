// A scrollable block of text (a task log, a variable's value, a stack trace): j/k, PgUp/PgDn,
// g/G. With `follow`, it stays at the bottom as lines arrive until the user scrolls up.
// ScrollView does the scrolling over rows someone else draws (the log view: highlighted,
// folded, unwrapped); TextView is ScrollView over plain wrapped text.
import {useEffect, useRef, useState, type ReactNode} from 'react';
import {Box, Text} from 'ink';
import {sanitize} from '../../text/sanitize.js';
import {bind} from '../bindings.js';
import {useBindings} from '../keys.js';

/** Splits text into terminal rows of at most `width` characters (long lines wrap). */
export function wrapLines(text: string, width: number): string[] {
	const rows: string[] = [];
	for (const line of sanitize(text).replace(/\t/g, '    ').split('\n')) {
		if (line.length <= width) rows.push(line);
		else for (let i = 0; i < line.length; i += width) rows.push(line.slice(i, i + width));
	}
	if (rows.length > 1 && rows.at(-1) === '') rows.pop();
	return rows;
}

/** Asks the view to bring a row into sight; a new `seq` asks again for the same row. */
export type Reveal = {row: number; seq: number};

export function ScrollView(props: {
	rowCount: number;
	/** draws row `index` (only the rows on screen are asked for) */
	renderRow: (index: number) => ReactNode;
	height: number;
	active: boolean;
	/** keep the view at the bottom as text grows */
	follow?: boolean;
	/** open at the end (a log: the error is at the bottom) */
	startAtEnd?: boolean;
	reveal?: Reveal;
}) {
	const maxTop = Math.max(0, props.rowCount - props.height);
	const atEnd = props.follow || props.startAtEnd || false;
	const [top, setTop] = useState(atEnd && !props.reveal ? maxTop : 0);
	// pinned to the end until the user scrolls: text arriving later still lands in view
	const [pinned, setPinned] = useState(atEnd && !props.reveal);

	// following switched on again: back to the end
	useEffect(() => {
		if (props.follow) setPinned(true);
	}, [props.follow]);

	useEffect(() => {
		if (pinned) {
			topRef.current = maxTop;
			setTop(maxTop);
		}
	}, [pinned, maxTop]);

	// a jump (a match, the first error): the row a third of the way down, and no longer pinned
	useEffect(() => {
		if (!props.reveal) return;
		const next = Math.max(0, Math.min(maxTop, props.reveal.row - Math.floor(props.height / 3)));
		topRef.current = next;
		setTop(next);
		setPinned(false);
	}, [props.reveal?.seq]);

	// the position in a ref too: each key of a chunk scrolls from where the last one left it
	const topRef = useRef(top);
	topRef.current = Math.min(top, maxTop);
	const scroll = (to: (top: number) => number) => {
		const next = Math.max(0, Math.min(maxTop, to(topRef.current)));
		topRef.current = next;
		setTop(next);
		setPinned(next === maxTop && atEnd);
	};
	useBindings(
		[
			bind('down', () => scroll(top => top + 1), {display: false}),
			bind('up', () => scroll(top => top - 1), {display: false}),
			bind('page-down', () => scroll(top => top + props.height), {display: false}),
			bind('page-up', () => scroll(top => top - props.height), {display: false}),
			bind('top', () => scroll(() => 0), {display: false}),
			bind('bottom', () => scroll(() => maxTop), {display: false}),
		],
		props.active,
	);

	const shown = Math.min(top, maxTop);
	const visible: ReactNode[] = [];
	for (let index = shown; index < Math.min(props.rowCount, shown + props.height); index++) {
		visible.push(
			<Text key={index} wrap="truncate">
				{props.renderRow(index)}
			</Text>,
		);
	}
	return (
		<Box flexDirection="column" height={props.height}>
			{visible}
		</Box>
	);
}

export function TextView(props: {text: string; height: number; width: number; active: boolean; follow?: boolean; startAtEnd?: boolean}) {
	const rows = wrapLines(props.text, Math.max(10, props.width - 1));
	return <ScrollView rowCount={rows.length} renderRow={index => rows[index] || ' '} height={props.height} active={props.active} follow={props.follow} startAtEnd={props.startAtEnd} />;
}
