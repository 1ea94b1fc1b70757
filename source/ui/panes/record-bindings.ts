// n / e / d on a list of records (Variables, Connections): new, edit the selected one,
// delete it after a confirmation; y copies its key or id (never its value or password). The pane says what a record is and how to open its form.
import type {Actions} from '../actions.js';
import {bind, type Binding} from '../bindings.js';
import type {RowContext} from '../components/list-pane.js';
import {confirmDelete} from '../dialogs/record-edit.js';

export type RecordKind<Row> = {
	name: 'Variable' | 'Connection';
	idOf: (row: Row) => string;
	/** the form over the pane; no row: a new record */
	openForm: (row: Row | undefined, onSaved: () => void) => void;
	remove: (id: string) => Promise<void>;
};

export function recordBindings<Row>(actions: Actions, context: () => RowContext<Row>, kind: RecordKind<Row>): Binding[] {
	const noRow = () => (context().row ? undefined : `no ${kind.name} selected`);
	return [
		bind('new', () => kind.openForm(undefined, context().refresh)),
		bind('edit', () => kind.openForm(context().row, context().refresh), {disabledReason: noRow}),
		bind(
			'delete',
			() => {
				const {row, refresh} = context();
				const id = kind.idOf(row!);
				confirmDelete(actions, kind.name, id, () => kind.remove(id), refresh);
			},
			{disabledReason: noRow},
		),
		// the id only: a Variable's value or a Connection's password never reaches the clipboard
		bind('copy', () => actions.copy(kind.idOf(context().row!), `${kind.name} ${kind.name === 'Variable' ? 'key' : 'id'}`), {disabledReason: noRow}),
	];
}
