// A list with one of its items open over it (a variable's value, a stack trace, an option):
// the list stays mounted, hidden, so Esc comes back to the same row and the same filter,
// instead of a list fetched anew from its top. Pass it `active` false while the item is open:
// its keys rest, and so does its polling (usePoll); shown again, it asks for fresh rows.
import type {ReactNode} from 'react';
import {Box} from 'ink';

export function ListUnderDetail(props: {detail: ReactNode | undefined; children: ReactNode}) {
	return (
		<>
			{props.detail}
			<Box display={props.detail ? 'none' : 'flex'} flexDirection="column">
				{props.children}
			</Box>
		</>
	);
}
