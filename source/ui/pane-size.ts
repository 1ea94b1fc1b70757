// The size of the space under the tabs, as the frame has it now. A dialog is created once (with
// the size of the moment it opened) but drawn many times: read from here, it follows a resize
// instead of keeping the width of a smaller window.
import {createContext, useContext} from 'react';

export type PaneSize = {width: number; height: number};

export const PaneSizeContext = createContext<PaneSize | undefined>(undefined);

/** The frame's size now; `opened` (the size given when the dialog opened) outside a frame. */
export function usePaneSize(opened: PaneSize): PaneSize {
	return useContext(PaneSizeContext) ?? opened;
}
