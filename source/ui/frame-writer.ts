// The stdout Ink renders into. Ink writes each frame whole (its incremental renderer is off,
// see run-console.tsx); this stream keeps the frame on the screen and sends the terminal only
// the rows that changed (frame-diff.ts). It passes the terminal's size and 'resize' through,
// so Ink and useStdout() see the real terminal.
import {Writable} from 'node:stream';
import {diffFrames, frameRows, withoutFrameControl, type Frame, type Size} from './frame-diff.js';

type Terminal = NodeJS.WriteStream;

export class FrameWriter extends Writable {
	readonly #terminal: Terminal;
	/** the last frame Ink gave, and the size it was shown at */
	#shown: Frame | undefined;
	#shownSize: Size | undefined;
	/** the screen may not show #shown any more: the next write paints whole */
	#dirty = true;
	/** the visible writes of this turn of the event loop; the last one is the frame */
	#pending: string[] = [];
	#scheduled = false;
	#stopped = false;
	#repaintTimer: NodeJS.Timeout | undefined;

	constructor(terminal: Terminal) {
		super({decodeStrings: false});
		this.#terminal = terminal;
		terminal.on('resize', this.#onResize);
	}

	get isTTY(): boolean {
		return this.#terminal.isTTY === true;
	}
	get columns(): number {
		return this.#terminal.columns;
	}
	get rows(): number {
		return this.#terminal.rows;
	}

	#size(): Size {
		return {columns: this.#terminal.columns || 80, rows: this.#terminal.rows || 24};
	}

	override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
		const visible = withoutFrameControl(text);
		if (visible !== '') {
			this.#pending.push(text);
			// Ink's console patch writes the log text and then the frame in one turn; waiting
			// for the turn to end lets the frame win and marks the screen as written over.
			if (!this.#scheduled) {
				this.#scheduled = true;
				setImmediate(this.#flush);
			}
		}
		callback();
	}

	#flush = () => {
		this.#scheduled = false;
		const writes = this.#pending;
		this.#pending = [];
		const frame = writes.at(-1);
		if (this.#stopped || frame === undefined) return;
		if (writes.length > 1) this.invalidate();
		this.#show(frameRows(frame, this.#size()));
	};

	#show(rows: Frame): void {
		const size = this.#size();
		const bytes = diffFrames(this.#dirty ? undefined : this.#shown, this.#shownSize, rows, size);
		this.#dirty = false;
		this.#shown = rows;
		this.#shownSize = size;
		if (bytes) this.#terminal.write(bytes);
	}

	/** The screen no longer shows our frame (someone else wrote, the terminal was reset): the next frame is painted whole. */
	invalidate(): void {
		this.#dirty = true;
	}

	/** Paints the last frame whole, now: Ctrl-L, back from Ctrl-Z, after a stray write. */
	repaint(): void {
		if (this.#stopped || !this.#shown) return;
		this.invalidate();
		this.#show(this.#shown);
	}

	/**
	 * A sequence that draws nothing (OSC 52, the clipboard) sent to the terminal beside the
	 * frame: in a write of its own, so it never lands inside a frame's bytes, and then the frame
	 * painted whole, so a terminal that showed any of it is put right at once.
	 */
	control(sequence: string): void {
		if (this.#stopped) return;
		this.#terminal.write(sequence);
		this.repaint();
	}

	/** Nothing more reaches the terminal: the console is leaving the alternate screen. */
	stop(): void {
		this.#stopped = true;
		this.#pending = [];
		clearTimeout(this.#repaintTimer);
		this.#terminal.off('resize', this.#onResize);
	}

	// The terminal reflowed the old frame: paint whole. Ink re-renders on the event too, but
	// writes nothing when the frame text is unchanged (a taller terminal), so repaint ourselves
	// unless its new frame comes first.
	#onResize = () => {
		this.invalidate();
		this.emit('resize');
		clearTimeout(this.#repaintTimer);
		this.#repaintTimer = setTimeout(() => {
			if (this.#dirty) this.repaint();
		}, 100);
	};
}
