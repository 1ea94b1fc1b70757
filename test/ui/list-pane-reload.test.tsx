// A list whose rows a store updates in place (the Environments pane's probes) reads them again
// on reloadKey and keeps the selection: Enter must act on the row the user chose, not on the
// first row after a background refresh. A change of `deps` (a new query) still starts at the top.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {render} from 'ink-testing-library';
import {ListPane, pageOf} from '../../source/ui/components/list-pane.js';
import {KeyRegistry, KeyRegistryContext} from '../../source/ui/keys.js';
import {press} from '../support/keys.js';
import {waitFor} from '../support/console-harness.js';

const ROWS = ['alpha', 'bravo', 'charlie', 'delta'];

function Harness(props: {registry: KeyRegistry; reloadKey?: number; deps?: unknown[]; reads: string[][]}) {
	return (
		<KeyRegistryContext.Provider value={props.registry}>
			<ListPane<string>
				active
				height={10}
				width={60}
				refreshMs={0}
				reloadKey={props.reloadKey}
				deps={props.deps}
				fetchPage={async query => {
					props.reads.push(ROWS);
					return pageOf(ROWS, query, row => row);
				}}
				columns={() => [{header: 'name', width: 0, cell: row => ({text: row})}]}
				empty="none"
			/>
		</KeyRegistryContext.Provider>
	);
}

const selected = (frame: string) => frame.split('\n').find(line => line.includes('›'));

describe('ListPane reloadKey', () => {
	it('reads the rows again and keeps the selection; new deps start at the top', async () => {
		const registry = new KeyRegistry();
		const reads: string[][] = [];
		const view = render(<Harness registry={registry} reloadKey={0} deps={['a']} reads={reads} />);
		await waitFor(
			() => view.lastFrame() ?? '',
			frame => frame.includes('delta'),
		);
		registry.dispatch('', press({downArrow: true}));
		registry.dispatch('', press({downArrow: true}));
		await waitFor(
			() => view.lastFrame() ?? '',
			frame => /charlie/.test(selected(frame) ?? ''),
		);
		const before = reads.length;
		view.rerender(<Harness registry={registry} reloadKey={1} deps={['a']} reads={reads} />);
		await waitFor(
			() => String(reads.length),
			() => reads.length > before,
		);
		await new Promise(resolve => setTimeout(resolve, 100));
		assert.match(selected(view.lastFrame() ?? '') ?? '', /charlie/, 'the selection stays on the chosen row');
		view.rerender(<Harness registry={registry} reloadKey={1} deps={['b']} reads={reads} />);
		await waitFor(
			() => view.lastFrame() ?? '',
			frame => /alpha/.test(selected(frame) ?? ''),
		);
		view.unmount();
	});
});
