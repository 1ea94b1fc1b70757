// A task's log: fetched once, then (while the task runs, or with `f`) the rest is fetched
// with the continuation token every refresh, and the view follows the end.
import {useEffect, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import {describeError} from '../../airflow/errors.js';
import type {TaskInstance} from '../../airflow/model.js';
import {UNFINISHED_TASK_STATES} from '../../airflow/states.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {TextView} from '../components/text-view.js';
import {bind} from '../bindings.js';
import {KeyDepth, useBindings} from '../keys.js';
import {color} from '../theme.js';

export function LogView(props: {client: AirflowClient; task: TaskInstance; tryNumber: number; active: boolean; height: number; width: number; refreshMs: number}) {
	const {client, task} = props;
	const [text, setText] = useState('');
	const [loaded, setLoaded] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	const [follow, setFollow] = useState(UNFINISHED_TASK_STATES.has(task.state ?? ''));
	const [complete, setComplete] = useState(false);
	const token = useRef<string | null | undefined>(undefined);

	useEffect(() => {
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		const fetchMore = async () => {
			try {
				const chunk = await client.getLog(
					{dagId: task.dagId, runId: task.runId, taskId: task.taskId, tryNumber: props.tryNumber, mapIndex: task.mapIndex, continuationToken: token.current},
					controller.signal,
				);
				if (controller.signal.aborted) return;
				token.current = chunk.continuationToken;
				if (chunk.text) setText(previous => previous + chunk.text);
				setLoaded(true);
				setError(undefined);
				// 3.x says when the log is complete; 2.x does not, so it follows until told to stop
				if (chunk.continuationToken === null) setComplete(true);
			} catch (failure) {
				if (!controller.signal.aborted) setError(describeError(failure));
			}
			if (!controller.signal.aborted && follow && token.current !== null) timer = setTimeout(fetchMore, props.refreshMs);
		};
		void fetchMore();
		return () => {
			controller.abort();
			clearTimeout(timer);
		};
		// refetch only when the task or the follow switch changes, not on every render
	}, [client, task.dagId, task.runId, task.taskId, props.tryNumber, follow]);

	useBindings([bind('follow', () => setFollow(current => !current))], props.active);

	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text dimColor>{loaded ? `${text.split('\n').length - 1} lines` : 'loading…'}</Text>
				{'  '}
				{complete ? <Text dimColor>complete</Text> : follow ? <Text color={color('cyan')}>following (f: stop)</Text> : <Text dimColor>f: follow</Text>}
				{error ? <Text color={color('red')}>{`  ! ${sanitizeLine(error)}`}</Text> : null}
			</Text>
			<KeyDepth>
				<TextView text={text} height={props.height - 1} width={props.width} active={props.active} follow={follow} startAtEnd />
			</KeyDepth>
		</Box>
	);
}
