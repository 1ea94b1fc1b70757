// Every dialog's title names something of the server's (Trigger DAG, Clear run, Delete
// Variable): the frame passes it through the sanitising boundary, so a DAG id cannot retitle
// the window or write the clipboard when its dialog opens (#11).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {DialogFrame} from '../../source/ui/dialogs/confirm.js';

describe('a dialog title', () => {
	it("shows a hostile DAG id's words and none of its escapes", () => {
		const dagId = 'etl\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u001b\\\u009d2;x\u0007\u202e\u200b_daily';
		const view = render(
			<DialogFrame title={`Trigger ${dagId}`} production={false} width={60}>
				<Text>body</Text>
			</DialogFrame>,
		);
		const frame = view.lastFrame()!;
		view.unmount();
		assert.match(frame, /Trigger etl_daily/);
		assert.doesNotMatch(frame, /\u001b\]|\u009d|\u202e|\u200b|pwned|cHduZWQ/, JSON.stringify(frame));
	});
});
