// Applies an import file entry by entry and says what happened to each: created, updated,
// unchanged, skipped or failed (with the server's reason). Existing keys whose content
// differs are a decision the user makes up front (--overwrite or --skip-existing); without
// one nothing is written at all, so an import is never half-applied by surprise.
import {describeError} from '../airflow/errors.js';

export type ImportMode = 'overwrite' | 'skip-existing' | undefined;
export type ImportAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
export type ImportResult = {key: string; action: ImportAction; reason?: string};

export type ImportPlan<Entry, Current> = {
	entries: Entry[];
	keyOf(entry: Entry): string;
	existing: Map<string, Current>;
	/** true when writing the entry would change nothing */
	same(entry: Entry, current: Current): boolean;
	create(entry: Entry): Promise<unknown>;
	update(entry: Entry): Promise<unknown>;
};

/** Keys that exist with different content: the ones a mode must decide about. */
export function conflictsOf<Entry, Current>(plan: ImportPlan<Entry, Current>): string[] {
	return plan.entries
		.filter(entry => {
			const current = plan.existing.get(plan.keyOf(entry));
			return current !== undefined && !plan.same(entry, current);
		})
		.map(plan.keyOf);
}

/** What would happen, or (dryRun false) what happened, to each entry. */
export async function applyImport<Entry, Current>(plan: ImportPlan<Entry, Current>, mode: ImportMode, dryRun: boolean): Promise<ImportResult[]> {
	const results: ImportResult[] = [];
	for (const entry of plan.entries) {
		const key = plan.keyOf(entry);
		const current = plan.existing.get(key);
		let action: ImportAction;
		if (current === undefined) action = 'created';
		else if (plan.same(entry, current)) action = 'unchanged';
		else if (mode === 'overwrite') action = 'updated';
		else action = 'skipped';
		if (dryRun || action === 'unchanged' || action === 'skipped') {
			results.push({key, action, ...(action === 'skipped' ? {reason: 'exists with different content (--skip-existing)'} : {})});
			continue;
		}
		try {
			await (action === 'created' ? plan.create(entry) : plan.update(entry));
			results.push({key, action});
		} catch (error) {
			results.push({key, action: 'failed', reason: describeError(error)});
		}
	}
	return results;
}

export function summarise(results: ImportResult[]): string {
	const count = (action: ImportAction) => results.filter(result => result.action === action).length;
	return (['created', 'updated', 'unchanged', 'skipped', 'failed'] as const).map(action => `${count(action)} ${action}`).join(', ');
}
