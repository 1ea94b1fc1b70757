// A scrollable block of text (a task log, a variable's value, a stack trace): j/k, PgUp/PgDn,
// g/G. With `follow`, it stays at the bottom as lines arrive until the user scrolls up.
import {useEffect, useRef, useState} from 'react';
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

export function TextView(props: {
	text: string;
	height: number;
	width: number;
	active: boolean;
	/** keep the view at the bottom as text grows */
	follow?: boolean;
	/** open at the end (a log: the error is at the bottom) */
	startAtEnd?: boolean;
}) {
	const rows = wrapLines(props.text, Math.max(10, props.width - 1));
	const maxTop = Math.max(0, rows.length - props.height);
	const [top, setTop] = useState(props.follow || props.startAtEnd ? maxTop : 0);
	// pinned to the end until the user scrolls: text arriving later still lands in view
	const [pinned, setPinned] = useState(props.follow || props.startAtEnd || false);

	useEffect(() => {
		if (pinned) setTop(maxTop);
	}, [pinned, maxTop]);

	// the position in a ref too: each key of a chunk scrolls from where the last one left it
	const topRef = useRef(top);
	topRef.current = top;
	const scroll = (to: (top: number) => number) => {
		const next = Math.max(0, Math.min(maxTop, to(topRef.current)));
		topRef.current = next;
		setTop(next);
		setPinned(next === maxTop && (props.follow || props.startAtEnd || false));
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

	const visible = rows.slice(top, top + props.height);
	return (
		<Box flexDirection="column" height={props.height}>
			{visible.map((row, index) => (
				<Text key={top + index} wrap="truncate">
					{row || ' '}
				</Text>
			))}
		</Box>
	);
}
