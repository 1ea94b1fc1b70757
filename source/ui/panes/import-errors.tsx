// Import errors: which DAG files do not parse; Enter shows the stack trace.
import {useState} from 'react';
import {Text} from 'ink';
import type {ImportError} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {cutPathMiddle} from '../../text/cells.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import {ListUnderDetail} from '../components/list-under-detail.js';
import type {PaneDefinition} from './pane.js';
import type {Column} from '../components/windowed-table.js';
import {formatDateTime, utcHeader} from '../../text/time.js';

/**
 * File, since (from 80 columns), and the error: the traceback's last line, the exception
 * ("ModuleNotFoundError: No module named 'x'"). The file column gives way at 80 and 60
 * columns so the error always shows beside it.
 */
export function importErrorColumns(width: number): Column<ImportError>[] {
	const fileWidth = Math.max(14, Math.min(40, Math.floor(width * 0.35)));
	return [
		// an absolute path (2.x) keeps its file name: the directory gives way in its middle
		{header: 'file', width: fileWidth, cell: e => ({text: cutPathMiddle(sanitizeLine(e.filename), fileWidth), bold: true, color: 'red'})},
		...(width >= 80 ? [{header: utcHeader('since'), width: 19, cell: (e: ImportError) => ({text: formatDateTime(e.timestamp, {seconds: true})})}] : []),
		{header: 'error', width: 0, cell: e => ({text: sanitizeLine(e.stackTrace.trim().split('\n').at(-1))})},
	];
}

export function ImportErrorsPane(props: PaneProps) {
	const [open, setOpen] = useState<ImportError | undefined>(undefined);
	const opened = open
		? {
				title: (
					<Text>
						<Text bold>{sanitizeLine(open.filename)}</Text>
						<Text dimColor> (Esc: back)</Text>
					</Text>
				),
				text: open.stackTrace,
			}
		: undefined;
	return (
		<ListUnderDetail opened={opened} onBack={() => setOpen(undefined)} height={props.height} width={props.width} active={props.active}>
			<ListPane<ImportError>
				{...layoutOf(props)}
				active={props.active && !open}
				fetchPage={async (query, signal) => pageOf(await props.client.listImportErrors(signal), query, e => `${e.filename} ${e.stackTrace}`)}
				filterLabel="file or error"
				columns={importErrorColumns}
				empty="no import errors: every DAG file parses"
				onEnter={setOpen}
			/>
		</ListUnderDetail>
	);
}

export const importErrorsPane: PaneDefinition = {id: 'errors', name: 'Import errors', short: 'Errors', render: context => <ImportErrorsPane {...context} />};
