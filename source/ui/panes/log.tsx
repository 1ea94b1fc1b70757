// A task's log: fetched once, then (while the task runs, or with `f`) the rest is fetched
// with the continuation token every refresh, and the view follows the end. On it: `/` search
// with n/N, E the first error, [ ] other tries, w wrap (unwrapped: h/l scroll sideways),
// z folds ::group:: blocks, s saves it to a file. Every key works while the log is followed;
// the rules are pure modules (log-lines.ts, log-search.ts), this file only holds the state.
import {useEffect, useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {AirflowClient} from '../../airflow/client.js';
import {describeError} from '../../airflow/errors.js';
import type {TaskInstance} from '../../airflow/model.js';
import {UNFINISHED_TASK_STATES} from '../../airflow/states.js';
import {sanitizeLine} from '../../text/sanitize.js';
import {cutPathMiddle} from '../../text/cells.js';
import {useActions} from '../actions.js';
import {ScrollView, type Reveal} from '../components/text-view.js';
import {bind} from '../bindings.js';
import {KeyDepth, useBindings, useKeys} from '../keys.js';
import {editLine} from '../line-edit.js';
import {firstErrorLine, hiddenByFold, layoutRows, levelOf, logLines, rowOf, visibleLines, widest} from '../log-lines.js';
import {findMatches, piecesOf, stepMatch, type Match} from '../log-search.js';
import {logFileName, saveLog} from '../save-log.js';
import {color} from '../theme.js';
import type {LogFocus} from '../navigation.js';

/** Columns one h/l moves an unwrapped log. */
const SIDE_STEP = 8;

type Search = {draft: string | undefined; query: string; current: number | undefined};

export function LogView(props: {
	client: AirflowClient;
	task: TaskInstance;
	tryNumber: number;
	/** where it opens: its end, or (from Triage) its first error line */
	focus: LogFocus;
	/** opens another try of this task (the navigation's 'try' event) */
	onTry: (tryNumber: number) => void;
	active: boolean;
	height: number;
	width: number;
	refreshMs: number;
}) {
	const {client, task} = props;
	const actions = useActions();
	const openTry = props.onTry;
	const [text, setText] = useState('');
	const [loaded, setLoaded] = useState(false);
	const [error, setError] = useState<string | undefined>(undefined);
	const [follow, setFollow] = useState(UNFINISHED_TASK_STATES.has(task.state ?? ''));
	const [complete, setComplete] = useState(false);
	// an earlier try, or the latest one of a task that was done when the log was opened
	const finishedTry = props.tryNumber < Math.max(1, task.tryNumber) || (!!task.state && !UNFINISHED_TASK_STATES.has(task.state));
	const token = useRef<string | null | undefined>(undefined);
	const focus = props.focus;

	const [wrap, setWrap] = useState(true);
	const [left, setLeft] = useState(0);
	const [folded, setFolded] = useState(false);
	const [search, setSearchState] = useState<Search>({draft: undefined, query: '', current: undefined});
	/** the line (and column) to bring into view; seq makes the same place a new jump */
	const [jump, setJump] = useState<{line: number; column: number; seq: number} | undefined>(undefined);

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
				if (chunk.restarted) setText(chunk.text);
				else if (chunk.text) setText(previous => previous + chunk.text);
				setLoaded(true);
				setError(undefined);
				// 3.x says when the log is complete; 2.x does not, but a try that had finished when
				// the log was opened writes no more (a new try is another log)
				if (chunk.continuationToken === null || finishedTry) setComplete(true);
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

	const lines = useMemo(() => logLines(text), [text]);
	const matches = useMemo(() => findMatches(lines, search.query), [lines, search.query]);
	const columns = Math.max(10, props.width - 1);
	const rows = useMemo(() => layoutRows(lines, visibleLines(lines, folded), columns, wrap, left), [lines, folded, columns, wrap, left]);
	const matchesByLine = useMemo(() => {
		const byLine = new Map<number, Match[]>();
		for (const match of matches) byLine.set(match.line, [...(byLine.get(match.line) ?? []), match]);
		return byLine;
	}, [matches]);

	// what the key handlers read: each key of a chunk ("/boom\rn") sees what the keys before it did
	const live = useRef({lines, matches, search, wrap, left, folded});
	live.current = {...live.current, lines, matches, wrap, left, folded};
	const setSearch = (next: Search) => {
		live.current.search = next;
		setSearchState(next);
	};
	const seq = useRef(0);
	/** brings a line into view: unfolds when a fold hides it, scrolls sideways when cut */
	const goTo = (line: number, column = 0, width = 0) => {
		const state = live.current;
		if (state.folded && hiddenByFold(state.lines, line)) {
			live.current.folded = false;
			setFolded(false);
		}
		if (!state.wrap && (column < state.left || column + width > state.left + columns)) {
			const next = Math.max(0, column - SIDE_STEP);
			live.current.left = next;
			setLeft(next);
		}
		setJump({line, column, seq: ++seq.current});
	};
	const goToMatch = (index: number | undefined) => {
		const match = index === undefined ? undefined : live.current.matches[index];
		if (match) goTo(match.line, match.start, match.end - match.start);
	};

	// the first error, once, when the log asked for it by Triage has arrived
	const focused = useRef(false);
	useEffect(() => {
		if (focus !== 'first-error' || focused.current || !loaded) return;
		focused.current = true;
		const line = firstErrorLine(lines);
		if (line !== undefined) goTo(line);
	}, [loaded, lines]);

	const lastTry = Math.max(1, task.tryNumber);
	const step = (delta: 1 | -1) => {
		const state = live.current.search;
		// the matches of a query typed in this same chunk are not drawn yet: count them now
		const current = live.current.matches.length || !state.query ? live.current.matches : findMatches(live.current.lines, state.query);
		live.current.matches = current;
		const next = stepMatch(current.length, state.current, delta);
		setSearch({...state, current: next});
		goToMatch(next);
	};

	useBindings(
		[
			bind('search', () => setSearch({...live.current.search, draft: ''})),
			bind('next-match', () => step(1), {disabledReason: () => (live.current.search.query ? undefined : 'search first: /'), display: false}),
			bind('previous-match', () => step(-1), {disabledReason: () => (live.current.search.query ? undefined : 'search first: /'), display: false}),
			bind('back', () => setSearch({draft: undefined, query: '', current: undefined}), {enabled: () => live.current.search.query !== '', display: false}),
			bind('first-error', () => {
				const line = firstErrorLine(live.current.lines);
				if (line === undefined) actions.notify('no ERROR or Traceback line in this log (yet)');
				else goTo(line);
			}),
			bind('follow', () => setFollow(current => !current)),
			bind('earlier-try', () => openTry!(props.tryNumber - 1), {disabledReason: () => (!openTry ? 'no other try here' : props.tryNumber <= 1 ? 'this is the first try' : undefined)}),
			bind('later-try', () => openTry!(props.tryNumber + 1), {
				disabledReason: () => (!openTry ? 'no other try here' : props.tryNumber >= lastTry ? 'this is the latest try' : undefined),
				display: false,
			}),
			bind('wrap', () => {
				live.current.wrap = !live.current.wrap;
				setWrap(live.current.wrap);
			}),
			bind(
				'scroll-left',
				() => {
					live.current.left = Math.max(0, live.current.left - SIDE_STEP);
					setLeft(live.current.left);
				},
				{disabledReason: () => (live.current.wrap ? 'lines are wrapped (w: unwrap)' : undefined), display: false},
			),
			bind(
				'scroll-right',
				() => {
					live.current.left = Math.max(0, Math.min(widest(live.current.lines) - columns, live.current.left + SIDE_STEP));
					setLeft(live.current.left);
				},
				{disabledReason: () => (live.current.wrap ? 'lines are wrapped (w: unwrap)' : undefined), display: false},
			),
			bind('fold', () => {
				live.current.folded = !live.current.folded;
				setFolded(live.current.folded);
			}),
			bind('save-log', () => {
				saveLog(text, logFileName(task, props.tryNumber)).then(
					// the file name always shows: the directory gives way in its middle ("✓ saved to " is 11)
					path => actions.notify(`saved to ${cutPathMiddle(sanitizeLine(path), Math.max(20, props.width - 11))}`, 'ok'),
					(failure: unknown) => actions.notify(`could not save the log: ${sanitizeLine(failure instanceof Error ? failure.message : String(failure))}`, 'error'),
				);
			}),
		],
		props.active,
	);
	// while the search is typed, every key is text; registered after the bindings, so asked first
	useKeys((input, key) => {
		const state = live.current.search;
		if (state.draft === undefined) return false;
		const edit = editLine(state.draft, input, key);
		if (edit.done === 'cancel') setSearch({...state, draft: undefined});
		else if (edit.done === 'submit') {
			const found = findMatches(live.current.lines, edit.value);
			live.current.matches = found;
			const current = found.length ? 0 : undefined;
			setSearch({draft: undefined, query: edit.value, current});
			if (!found.length && edit.value) actions.notify(`no match for "${sanitizeLine(edit.value)}"`);
			goToMatch(current);
		} else setSearch({...state, draft: edit.value});
		return true;
	}, props.active);

	const currentMatch = search.current === undefined ? undefined : matches[search.current];
	const reveal: Reveal | undefined = useMemo(() => {
		if (!jump) return undefined;
		return {row: rowOf(rows, jump.line, jump.column) ?? 0, seq: jump.seq};
		// only a new jump moves the view; rows changing under it (new lines) must not
	}, [jump?.seq]);

	const renderRow = (index: number) => {
		const row = rows[index]!;
		if (row.folded) return <Text dimColor>{row.text}</Text>;
		const level = levelOf(lines[row.line] ?? '');
		const tone = level === 'error' ? color('red') : level === 'warning' ? color('yellow') : undefined;
		const pieces = piecesOf(row.text, row.start, matchesByLine.get(row.line) ?? [], currentMatch);
		return (
			<Text color={tone}>
				{pieces.map((piece, at) =>
					piece.highlight ? (
						<Text key={at} inverse bold={piece.highlight === 'current'} underline={piece.highlight === 'current'}>
							{piece.text}
						</Text>
					) : (
						piece.text || (pieces.length === 1 ? ' ' : '')
					),
				)}
			</Text>
		);
	};

	const searchWords = search.query ? `  /${sanitizeLine(search.query)} ${matches.length ? `${(search.current ?? 0) + 1}/${matches.length}` : 'no match'}` : '';
	return (
		<Box flexDirection="column">
			{search.draft !== undefined ? (
				<Text wrap="truncate">
					/ {sanitizeLine(search.draft)}
					<Text inverse> </Text>
					<Text dimColor> Enter search, Esc cancel</Text>
				</Text>
			) : (
				<Text wrap="truncate">
					<Text dimColor>{loaded ? `${lines.length} lines` : 'loading…'}</Text>
					{'  '}
					{complete ? <Text dimColor>complete</Text> : follow ? <Text color={color('cyan')}>following (f: stop)</Text> : <Text dimColor>f: follow</Text>}
					<Text dimColor>{`  try ${props.tryNumber}/${lastTry}`}</Text>
					{searchWords ? <Text color={color('cyan')}>{searchWords}</Text> : null}
					{!wrap ? <Text dimColor>{`  unwrapped${left ? ` +${left}` : ''}`}</Text> : null}
					{folded ? <Text dimColor>{'  folded'}</Text> : null}
					{error ? <Text color={color('red')}>{`  ! ${sanitizeLine(error)}`}</Text> : null}
				</Text>
			)}
			<KeyDepth>
				{/* while the search is typed its letters are text, not j/k/g/G scrolling (the view is a
				    level deeper, so it would be asked first) */}
				<ScrollView rowCount={rows.length} renderRow={renderRow} height={props.height - 1} active={props.active && search.draft === undefined} follow={follow} startAtEnd reveal={reveal} />
			</KeyDepth>
		</Box>
	);
}
