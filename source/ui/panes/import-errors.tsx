// Import errors: which DAG files do not parse; Enter shows the stack trace.
import React, {useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import type {ImportError} from '../../airflow/model.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListPane, pageOf} from '../components/list-pane.js';
import {TextView} from '../components/text-view.js';
import {KeyDepth, useKeys} from '../keys.js';

export function ImportErrorsPane(props: {client: AirflowClient; active: boolean; height: number; width: number; refreshMs: number}) {
	const [open, setOpen] = useState<ImportError | undefined>(undefined);
	useKeys((_, key) => {
		if (!key.escape) return false;
		setOpen(undefined);
		return true;
	}, props.active && open !== undefined);
	if (open) {
		return (
			<Box flexDirection="column">
				<Text wrap="truncate">
					<Text bold>{sanitizeLine(open.filename)}</Text>
					<Text dimColor>  (Esc: back)</Text>
				</Text>
				<KeyDepth>
					<TextView text={open.stackTrace} height={props.height - 1} width={props.width} active={props.active} />
				</KeyDepth>
			</Box>
		);
	}
	return (
		<ListPane<ImportError>
			active={props.active}
			height={props.height}
			width={props.width}
			refreshMs={props.refreshMs}
			fetchPage={async (query, signal) => pageOf(await props.client.listImportErrors(signal), query, e => `${e.filename} ${e.stackTrace}`)}
			filterLabel="file or error"
			columns={() => [
				{header: 'file', width: 40, cell: e => ({text: sanitizeLine(e.filename), bold: true, color: 'red'})},
				{header: 'since', width: 19, cell: e => ({text: (e.timestamp ?? '').slice(0, 19).replace('T', ' ')})},
				{header: 'error', width: 0, cell: e => ({text: sanitizeLine(e.stackTrace.trim().split('\n').at(-1))})},
			]}
			empty="no import errors: every DAG file parses"
			onEnter={setOpen}
		/>
	);
}
