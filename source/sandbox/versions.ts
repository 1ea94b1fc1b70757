// The Airflow versions windsock installs for its tests and its sandbox. Each one has a
// frozen constraints file in sandbox/constraints/ (re-made by sandbox/resolve-constraints.sh).
export const AIRFLOW_3 = '3.3.2';
export const AIRFLOW_2 = '2.11.2';

/** uv installs a resolved set of ~140 wheels in seconds where pip takes minutes. */
export const UV_VERSION = '0.13.9';

export type AirflowLine = 2 | 3;
