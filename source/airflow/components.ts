// Airflow's components, in one place with one spelling each: the names Airflow's own health
// answer uses (dag_processor, not dagProcessor or dag-processor), which `health --json`,
// `status`, the Health pane and the event line all print.
import type {ApiGeneration, ComponentStatus, Health} from './model.js';

export type ComponentName = 'metadatabase' | 'scheduler' | 'triggerer' | 'dag_processor';

export type ComponentInfo = {
	key: keyof Health;
	name: ComponentName;
	/**
	 * What its failure means for monitoring: the metadatabase and the scheduler hold up every
	 * run (critical); the triggerer and a separate dag-processor hold up only deferred tasks
	 * and new parses (warning).
	 */
	severity: 'critical' | 'warning';
};

export const COMPONENTS: readonly ComponentInfo[] = [
	{key: 'metadatabase', name: 'metadatabase', severity: 'critical'},
	{key: 'scheduler', name: 'scheduler', severity: 'critical'},
	{key: 'triggerer', name: 'triggerer', severity: 'warning'},
	{key: 'dagProcessor', name: 'dag_processor', severity: 'warning'},
];

export function componentName(key: keyof Health): ComponentName {
	return COMPONENTS.find(component => component.key === key)!.name;
}

/** What a status means to an operator: "unknown" and "absent" are not "unhealthy". */
export function statusWords(key: keyof Health, status: ComponentStatus, generation?: ApiGeneration): string {
	if (status === 'healthy') return 'healthy';
	if (status === 'unhealthy') return 'UNHEALTHY';
	// 2.x reports dag_processor with a null status unless [scheduler] standalone_dag_processor
	// is on: the scheduler parses the DAG files itself, which is normal, not unknown.
	if (key === 'dagProcessor' && generation === 'v1') return 'inside the scheduler';
	return status === 'unknown' ? 'unknown (never reported)' : 'not running / not reported';
}
