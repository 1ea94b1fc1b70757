// An Ink Key with nothing pressed, and one with some flags set: for tests of the key rules.
import type {Key} from 'ink';

export const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

export const press = (over: Partial<Key> = {}): Key => ({...NO_KEY, ...over});
