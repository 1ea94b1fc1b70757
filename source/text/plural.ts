// "1 task instance", "3 task instances": counts read as English, in one place.
export function plural(count: number, word: string, many = `${word}s`): string {
	return `${count.toLocaleString('en')} ${count === 1 ? word : many}`;
}
