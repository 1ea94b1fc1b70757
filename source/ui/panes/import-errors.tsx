// Import errors: which DAG files do not parse; Enter shows the stack trace.
import {useState} from 'react';
import {Text} from 'ink';
import type {ImportError} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {layoutOf, ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import {DetailView} from '../components/detail-view.js';
import type {PaneDefinition} from './pane.js';
import {formatDateTime, utcHeader} from '../../text/time.js';

export function ImportErrorsPane(props: PaneProps) {
	const [open, setOpen] = useState<ImportError | undefined>(undefined);
	if (open) {
		return (
			<DetailView
				title={
					<Text>
						<Text bold>{sanitizeLine(open.filename)}</Text>
						<Text dimColor> (Esc: back)</Text>
					</Text>
				}
				text={open.stackTrace}
				height={props.height}
				width={props.width}
				active={props.active}
				onBack={() => setOpen(undefined)}
			/>
		);
	}
	return (
		<ListPane<ImportError>
			{...layoutOf(props)}
			fetchPage={async (query, signal) => pageOf(await props.client.listImportErrors(signal), query, e => `${e.filename} ${e.stackTrace}`)}
			filterLabel="file or error"
			columns={() => [
				{header: 'file', width: 40, cell: e => ({text: sanitizeLine(e.filename), bold: true, color: 'red'})},
				{header: utcHeader('since'), width: 19, cell: e => ({text: formatDateTime(e.timestamp, {seconds: true})})},
				{header: 'error', width: 0, cell: e => ({text: sanitizeLine(e.stackTrace.trim().split('\n').at(-1))})},
			]}
			empty="no import errors: every DAG file parses"
			onEnter={setOpen}
		/>
	);
}

export const importErrorsPane: PaneDefinition = {id: 'errors', name: 'Import errors', short: 'Errors', render: context => <ImportErrorsPane {...context} />};
