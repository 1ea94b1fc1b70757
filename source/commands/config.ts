// `windsock config`: Airflow's effective configuration, as the API shows it. When the
// administrator hides it (the default), says which setting shows it.
import {AirflowError, exposeConfigSetting} from '../airflow/errors.js';
import type {ConfigSection} from '../airflow/model.js';
import {sanitizeLine} from '../text/sanitize.js';
import type {Command} from './command.js';
import {JSON_FLAG} from './flags.js';

export const configCommand: Command = {
	name: 'config',
	usage: 'config [--section S] [--json]',
	summary: "Airflow's configuration (when the server exposes it)",
	options: {section: {type: 'string', value: 'S', help: 'only the section S, e.g. scheduler'}, json: JSON_FLAG},
	examples: [['config --section scheduler', "the scheduler section of Airflow's configuration"]],
	async run({values, out, connect}) {
		const {client} = await connect();
		let sections: ConfigSection[];
		try {
			sections = await client.getConfig(values['section'] as string | undefined);
		} catch (error) {
			if (error instanceof AirflowError && error.status === 403) {
				out.note(
					`windsock: the server does not show its configuration (403): that is the administrator's choice, ${exposeConfigSetting(client.server.generation)}. ` +
						'Ask for it to be set to True (or non-sensitive-only), or read airflow.cfg on the server',
				);
				return 1;
			}
			throw error;
		}
		const rows = sections.flatMap(section => section.options.map(option => ({section: section.name, ...option})));
		if (!rows.length) {
			// an answer with no options is an answer, not a crash: say so, and exit 1 (nothing to show)
			if (values['json']) out.json(sections);
			const asked = values['section'] as string | undefined;
			out.note(`windsock: the server shows no options${asked ? ` in section [${sanitizeLine(asked)}]` : ''} (the section may be empty, or every option in it hidden)`);
			return 1;
		}
		if (values['json']) {
			out.json(sections);
			return 0;
		}
		out.table(
			[
				{header: 'section', value: r => r.section},
				{header: 'key', value: r => r.key},
				{header: 'value', value: r => r.value, max: 200},
			],
			rows,
		);
		return 0;
	},
};
