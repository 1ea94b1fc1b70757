// Health: each component's state and heartbeat age, ticking every second.
import React from 'react';
import {Box, Text} from 'ink';
import type {Health} from '../../airflow/model.js';
import {ageOf, formatAge} from '../../text/age.js';
import {color, stateStyle} from '../theme.js';

const COMPONENTS: [keyof Health, string][] = [
	['metadatabase', 'metadatabase'],
	['scheduler', 'scheduler'],
	['triggerer', 'triggerer'],
	['dagProcessor', 'dag-processor'],
];

/** What a status means to an operator: "unknown" and "absent" are not "unhealthy". */
const WORDS: Record<string, string> = {
	healthy: 'healthy',
	unhealthy: 'UNHEALTHY',
	unknown: 'unknown (never reported)',
	absent: 'not running / not reported',
};

export function HealthPane(props: {health: Health | undefined; now: number}) {
	if (!props.health) return <Text dimColor>waiting for the first answer…</Text>;
	return (
		<Box flexDirection="column">
			<Text bold>{'  component        status                        heartbeat'}</Text>
			{COMPONENTS.map(([key, name]) => {
				const component = props.health![key];
				const style = stateStyle(component.status);
				const age = ageOf(component.latestHeartbeat, props.now);
				return (
					<Text key={key}>
						{'  '}
						{name.padEnd(17)}
						<Text color={color(style.color)}>{`${style.symbol} ${WORDS[component.status]}`.padEnd(30)}</Text>
						{age === undefined ? '' : `${formatAge(age)} ago`}
					</Text>
				);
			})}
		</Box>
	);
}
