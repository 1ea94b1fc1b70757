// Config: every option as "section  key  value", filterable; Enter shows an option's whole
// value (a long one is cut in the table). A 403 is the administrator's choice, shown with the
// setting that changes it for this Airflow line.
import {useState} from 'react';
import {Box, Text} from 'ink';
import {exposeConfigSetting} from '../../airflow/errors.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {ListUnderDetail} from '../components/list-under-detail.js';
import {ListPane, pageOf, type PaneProps} from '../components/list-pane.js';
import type {PaneDefinition} from './pane.js';

type Option = {section: string; key: string; value: string};

export function ConfigPane(props: PaneProps) {
	const [open, setOpen] = useState<Option | undefined>(undefined);
	const opened = open
		? {
				title: (
					<Text>
						<Text color="cyan">{sanitizeLine(open.section)}</Text>
						<Text>{' › '}</Text>
						<Text bold>{sanitizeLine(open.key)}</Text>
						<Text dimColor> (Esc: back)</Text>
					</Text>
				),
				text: open.value,
			}
		: undefined;
	return (
		<ListUnderDetail opened={opened} onBack={() => setOpen(undefined)} height={props.height} width={props.width} active={props.active}>
			<ListPane<Option>
				active={props.active && !open}
				height={props.height}
				width={props.width}
				// the configuration changes only with a restart: poll it rarely
				refreshMs={Math.max(props.refreshMs, 60_000)}
				fetchPage={async (query, signal) => {
					const sections = await props.client.getConfig(undefined, signal);
					const options = sections.flatMap(section => section.options.map(option => ({section: section.name, key: option.key, value: option.value})));
					return pageOf(options, query, o => `${o.section} ${o.key} ${o.value}`);
				}}
				filterLabel="section, key or value"
				columns={width => [
					{header: 'section', width: 18, cell: o => ({text: sanitizeLine(o.section), color: 'cyan'})},
					{header: 'key', width: Math.max(20, Math.min(40, Math.floor(width * 0.38))), cell: o => ({text: sanitizeLine(o.key), bold: true})},
					{header: 'value', width: 0, cell: o => ({text: sanitizeLine(o.value), color: o.value === '< hidden >' ? 'gray' : undefined})},
				]}
				empty="no options"
				onEnter={setOpen}
				explainError={error =>
					/^403/.test(error) ? (
						<Box flexDirection="column">
							<Text bold>The configuration is not exposed on this server.</Text>
							<Text>Your Airflow administrator chose not to expose it through the API.</Text>
							<Text>
								The setting that shows it: <Text bold>{exposeConfigSetting(props.client.server.generation)}</Text>
							</Text>
						</Box>
					) : undefined
				}
			/>
		</ListUnderDetail>
	);
}

export const configPane: PaneDefinition = {id: 'config', name: 'Config', short: 'Config', render: context => <ConfigPane {...context} />};
