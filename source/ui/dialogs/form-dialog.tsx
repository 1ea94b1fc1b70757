// A form over the pane, for a trigger and for editing a Variable or a Connection: fields
// edited in place, mistakes shown as you type (under the field, with the line), Ctrl-S (or
// Enter in a one-line field) to see exactly what will be sent, a second key to send it.
// Whatever goes wrong, the form comes back with everything typed still in it.
import {useEffect, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import {AirflowError, describeError} from '../../airflow/errors.js';
import {sanitize, sanitizeLine} from '../../text/sanitize.js';
import {cursorPosition, editText, textState, type TextState} from '../text-edit.js';
import {cursorWindow} from '../../text/cursor-window.js';
import {useActions} from '../actions.js';
import {useKeys} from '../keys.js';
import {color} from '../theme.js';
import {DialogFrame, DialogProse, proseRows} from './confirm.js';
import {formLayout} from './form-layout.js';
import {usePaneSize} from '../pane-size.js';

export type FieldSpec = {
	name: string;
	label: string;
	multiline?: boolean;
	/** typed text shown as dots */
	secret?: boolean;
	/** shown dim after an empty field */
	hint?: string;
	/** lines a multi-line field shows */
	rows?: number;
};

export type Values = Record<string, string>;

export type Preview = {lines: string[]; warning?: string};

/** A second way to send, offered in the preview (a paused DAG: unpause, then trigger). */
export type ExtraChoice = {key: string; label: string};

export type FormDialogProps = {
	title: string;
	fields: FieldSpec[];
	initial: Values;
	/** fills fields the user has not touched yet (a DAG's params, once fetched) */
	load?: () => Promise<Values>;
	/** mistakes by field name; any blocks sending */
	check: (values: Values) => Record<string, string>;
	preview: (values: Values) => Preview;
	extra?: (values: Values) => ExtraChoice | undefined;
	/** sends; resolves to the notice to show; `extra` when the extra choice was taken */
	send: (values: Values, extra: boolean) => Promise<string>;
	/** the failure's fields (a 422 naming "conf") that the form should move to */
	fieldOfError?: (error: AirflowError) => string | undefined;
	onSent?: () => void;
	width: number;
	height: number;
};

type Phase = 'edit' | 'preview' | 'sending';
/**
 * `attempted`: Ctrl-S was pressed with a mistake in the form; from then on every mistake shows,
 * not only those of fields typed in. `revealed`: secret fields shown as typed (Ctrl-R), for
 * mending a value one cannot see.
 */
type FormState = {values: Record<string, TextState>; touched: Set<string>; focus: number; phase: Phase; error?: string; attempted?: boolean; revealed?: boolean};

/** The line being edited, scrolled so the cursor stays in view however long it is. */
function CursorLine(props: {text: string; column: number; room: number}) {
	const {before, at, after} = cursorWindow(props.text, props.column, props.room);
	return (
		<Text>
			{before}
			<Text inverse>{at}</Text>
			{after}
		</Text>
	);
}

/** Lines a field asks for when the terminal has room. */
const rowsOf = (spec: FieldSpec) => (spec.multiline ? (spec.rows ?? 6) : 1);

/** The form's own message when Ctrl-S finds a mistake: gone once the user types again. */
const FIX_FIRST = 'fix the marked field first';

/** `rows`: the lines it has on screen (form-layout.ts), at most what it asks for. */
function Field(props: {spec: FieldSpec; state: TextState; focused: boolean; problem?: string; width: number; rows: number; revealed: boolean}) {
	const {spec, state, focused} = props;
	const shown = spec.secret && !props.revealed ? state.text.replace(/[^\n]/g, '•') : sanitize(state.text);
	const lines = shown.split('\n');
	const {line, column} = cursorPosition(state);
	const rows = props.rows;
	const first = Math.max(0, Math.min(line - rows + 1, lines.length - rows));
	const visible = lines.slice(Math.max(0, first), Math.max(0, first) + rows);
	const labelWidth = 14;
	// the dialog's border and padding take 4 cells, the label and a multi-line field's numbers the rest
	const room = props.width - 4 - labelWidth - (spec.multiline ? 3 : 0);
	return (
		<Box flexDirection="column">
			{visible.map((text, index) => {
				const lineNumber = Math.max(0, first) + index;
				const cursorHere = focused && lineNumber === line;
				return (
					<Text key={index} wrap="truncate">
						<Text color={focused ? color('cyan') : undefined} bold={focused}>
							{(index === 0 ? spec.label : '').padEnd(labelWidth)}
						</Text>
						{spec.multiline ? <Text dimColor>{String(lineNumber + 1).padStart(2)} </Text> : null}
						{cursorHere ? <CursorLine text={text} column={column} room={room} /> : text}
						{index === 0 && !state.text && spec.hint ? <Text dimColor>{` ${spec.hint}`}</Text> : null}
					</Text>
				);
			})}
			{props.problem ? (
				<Text color={color('red')} wrap="truncate">
					{' '.repeat(labelWidth)}
					{`✖ ${sanitizeLine(props.problem)}`}
				</Text>
			) : null}
		</Box>
	);
}

export function FormDialog(props: FormDialogProps) {
	const actions = useActions();
	const initialState = (): FormState => ({
		values: Object.fromEntries(props.fields.map(field => [field.name, textState(props.initial[field.name] ?? '')])),
		touched: new Set(),
		focus: 0,
		phase: 'edit',
	});
	// state in a ref as well: the keys of one chunk (a paste) must each see the one before
	const ref = useRef<FormState>(initialState());
	const [state, setState] = useState<FormState>(ref.current);
	const update = (next: FormState) => {
		ref.current = next;
		setState(next);
	};
	const texts = (form: FormState): Values => Object.fromEntries(Object.entries(form.values).map(([name, value]) => [name, value.text]));

	useEffect(() => {
		let live = true;
		props.load?.().then(
			loaded => {
				if (!live) return;
				const current = ref.current;
				const values = {...current.values};
				for (const [name, text] of Object.entries(loaded)) if (!current.touched.has(name)) values[name] = textState(text);
				update({...current, values});
			},
			(error: unknown) => live && update({...ref.current, error: describeError(error)}),
		);
		return () => {
			live = false;
		};
	}, []);

	const send = (extra: boolean) => {
		const form = ref.current;
		update({...form, phase: 'sending', error: undefined});
		props.send(texts(form), extra).then(
			notice => {
				actions.close();
				actions.notify(notice, 'ok');
				props.onSent?.();
			},
			(error: unknown) => {
				// back to the form, everything typed kept, the server's reason on one line
				const field = error instanceof AirflowError ? props.fieldOfError?.(error) : undefined;
				const focus = field
					? Math.max(
							0,
							props.fields.findIndex(spec => spec.name === field),
						)
					: ref.current.focus;
				update({...ref.current, phase: 'edit', focus, error: describeError(error)});
			},
		);
	};

	useKeys((input, key) => {
		const form = ref.current;
		if (form.phase === 'sending') return true;
		if (form.phase === 'preview') {
			const extra = props.extra?.(texts(form));
			if (key.escape) update({...form, phase: 'edit'});
			else if (key.return || input === 'y') send(false);
			else if (extra && input === extra.key) send(true);
			return true;
		}
		if (key.escape) {
			actions.close();
			return true;
		}
		const spec = props.fields[form.focus]!;
		if (key.ctrl && input === 'r' && props.fields.some(field => field.secret)) {
			update({...form, revealed: !form.revealed});
			return true;
		}
		const submit = (key.ctrl && input === 's') || (key.return && !spec.multiline);
		if (submit) {
			const problems = props.check(texts(form));
			const firstBad = props.fields.findIndex(field => problems[field.name]);
			if (firstBad >= 0) update({...form, focus: firstBad, error: FIX_FIRST, attempted: true});
			else if (actions.safety.confirm) update({...form, phase: 'preview', error: undefined});
			else send(false);
			return true;
		}
		const result = editText(form.values[spec.name]!, input, key, !!spec.multiline);
		const count = props.fields.length;
		const focus = result.move === 'next' ? (form.focus + 1) % count : result.move === 'previous' ? (form.focus + count - 1) % count : form.focus;
		const changed = result.state.text !== form.values[spec.name]!.text;
		update({
			...form,
			focus,
			values: {...form.values, [spec.name]: result.state},
			touched: changed ? new Set([...form.touched, spec.name]) : form.touched,
			// the server's reason stays while the user mends what it names; the form's own nudge goes
			error: changed && form.error === FIX_FIRST ? undefined : form.error,
		});
		return true;
	}, true);

	const values = texts(state);
	// an empty new form is not a list of mistakes: a field's shows once it is typed in, or all of them at Ctrl-S
	const problems = Object.fromEntries(Object.entries(props.check(values)).filter(([name]) => state.attempted || state.touched.has(name)));
	// the frame's size now, not the one the dialog opened with
	const {width, height} = usePaneSize(props);
	if (state.phase !== 'edit') {
		const preview = props.preview(values);
		const extra = props.extra?.(values);
		const warning = preview.warning ? `▲ ${preview.warning}` : '';
		const keys = `Enter/y: send${extra ? `   ${extra.key}: ${extra.label}` : ''}   Esc: back to the form`;
		const room = Math.max(1, height - 4 - (warning ? proseRows(warning, width) : 0) - proseRows(keys, width));
		const lines = preview.lines.length > room ? [...preview.lines.slice(0, room - 1), `… ${preview.lines.length - room + 1} more lines`] : preview.lines;
		return (
			<DialogFrame title={`${props.title}: this will be sent`} production={actions.safety.production} width={width}>
				{lines.map((line, index) => (
					<Text key={index} wrap="truncate">
						{sanitizeLine(line)}
					</Text>
				))}
				{warning ? <DialogProse text={warning} width={width} color="yellow" /> : null}
				{state.phase === 'sending' ? <Text color={color('cyan')}>sending…</Text> : <DialogProse text={keys} width={width} />}
			</DialogFrame>
		);
	}
	const error = state.error ? `! ${sanitizeLine(state.error)}` : '';
	const reveal = props.fields.some(field => field.secret) ? `  Ctrl-R: ${state.revealed ? 'hide' : 'show'} secrets` : '';
	const keys = `Tab/↑↓: field  ${actions.safety.confirm ? 'Ctrl-S: preview' : 'Ctrl-S: send'} (Enter in a one-line field)${reveal}  Esc: cancel`;
	// the frame's border and title take 3 rows
	const room = Math.max(1, height - 3 - (error ? proseRows(error, width) : 0) - proseRows(keys, width));
	const layout = formLayout(
		props.fields.map(spec => ({rows: rowsOf(spec), multiline: !!spec.multiline, problem: !!problems[spec.name]})),
		state.focus,
		room,
	);
	const hidden = (count: number) => `${count} more field${count === 1 ? '' : 's'}`;
	return (
		<DialogFrame title={props.title} production={actions.safety.production} width={width}>
			{layout.first > 0 ? <Text dimColor>{`↑ ${hidden(layout.first)}`}</Text> : null}
			{props.fields.slice(layout.first, layout.end).map((spec, offset) => {
				const index = layout.first + offset;
				return (
					<Field
						key={spec.name}
						spec={spec}
						state={state.values[spec.name]!}
						focused={index === state.focus}
						problem={problems[spec.name]}
						width={width}
						rows={layout.rows[index]!}
						revealed={!!state.revealed}
					/>
				);
			})}
			{layout.end < props.fields.length ? <Text dimColor>{`↓ ${hidden(props.fields.length - layout.end)} (Tab)`}</Text> : null}
			{error ? <DialogProse text={error} width={width} color="red" /> : null}
			<DialogProse text={keys} width={width} dim />
		</DialogFrame>
	);
}
