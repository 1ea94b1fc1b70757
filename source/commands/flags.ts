// Typed readers for parsed option values: parseArgs gives string | boolean | string[], and
// each command reads what it declared. Every numeric flag goes through numberFlag, so every
// one has bounds and the same message.
import {ConfigError} from '../config/connection.js';
import type {OptionSpec} from './command.js';

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export function stringFlag(values: FlagValues, name: string): string | undefined {
	const value = values[name];
	return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(values: FlagValues, name: string): boolean {
	return values[name] === true;
}

/** A flag declared with multiple: true (or given once). */
export function listFlag(values: FlagValues, name: string): string[] | undefined {
	const value = values[name];
	if (value === undefined || typeof value === 'boolean') return undefined;
	return Array.isArray(value) ? value : [value];
}

export type NumberRule = {min: number; max: number; integer?: boolean; unit?: string};

/** A number within bounds, or a ConfigError naming the flag, the bounds and what was given. */
export function parseNumber(name: string, raw: string, rule: NumberRule): number {
	const value = Number(raw);
	const unit = rule.unit ? ` ${rule.unit}` : '';
	if (raw.trim() === '' || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value)) || value < rule.min || value > rule.max) {
		throw new ConfigError(`--${name} takes ${rule.integer ? 'a whole number' : 'a number'}${unit} from ${rule.min} to ${rule.max}, not "${raw}"`);
	}
	return value;
}

export function numberFlag(values: FlagValues, name: string, rule: NumberRule): number | undefined {
	const raw = values[name];
	if (raw === undefined) return undefined;
	if (typeof raw !== 'string') throw new ConfigError(`--${name} takes a value`);
	return parseNumber(name, raw, rule);
}

/** Seconds: positive, at most a day unless the caller says otherwise. */
export function secondsFlag(values: FlagValues, name: string, fallback: number, max = 86_400): number {
	return numberFlag(values, name, {min: 0.001, max, unit: 'of seconds'}) ?? fallback;
}

/** Flags that mean the same in every command that takes them, described once. */
export const JSON_FLAG = {type: 'boolean', help: 'print JSON for scripts instead of a table'} as const satisfies OptionSpec;
export const YES_FLAG = {type: 'boolean', short: 'y', help: 'go ahead without asking (scripts; needed without a terminal)'} as const satisfies OptionSpec;

/** --request-timeout for the commands that probe every profile: bounded, in milliseconds. */
export function probeTimeoutMs(flags: {timeout?: string}, fallbackMs: number): number {
	return flags.timeout === undefined ? fallbackMs : parseNumber('request-timeout', flags.timeout, {min: 0.001, max: 86_400, unit: 'of seconds'}) * 1000;
}
