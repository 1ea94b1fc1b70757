// A list with one of its items open over it (a variable's value, a stack trace, an option):
// the list stays mounted, hidden, so Esc comes back to the same row and the same filter,
// instead of a list fetched anew from its top. Pass the list `active` false while the item is
// open: its keys rest, and so does its polling (usePoll); shown again, it asks for fresh rows.
import type {ReactNode} from 'react';
import {Box} from 'ink';
import type {Binding} from '../bindings.js';
import {DetailView} from './detail-view.js';

/** The item shown over the list: its title line, its text, its own keys (v to reveal). */
export type OpenedItem = {title: ReactNode; text: string; bindings?: Binding[]};

export function ListUnderDetail(props: {opened: OpenedItem | undefined; onBack: () => void; height: number; width: number; active: boolean; children: ReactNode}) {
	const {opened} = props;
	return (
		<>
			{opened ? <DetailView {...opened} height={props.height} width={props.width} active={props.active} onBack={props.onBack} /> : null}
			<Box display={opened ? 'none' : 'flex'} flexDirection="column">
				{props.children}
			</Box>
		</>
	);
}
