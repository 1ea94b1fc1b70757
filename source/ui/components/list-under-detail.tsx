// A list with one of its items open over it (a variable's value, a stack trace, an option):
// the list stays mounted, hidden, so Esc comes back to the same row, the same filter and the
// rows as they were, instead of a list fetched anew from its top. Its keys and its polling
// rest while the item is open (pass it `active` false then).
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
