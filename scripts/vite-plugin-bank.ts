/**
 * Bundles the question bank into the app as the virtual module `virtual:factdeck-bank`.
 * The YAML is parsed and validated at build time with the same code as `bank:check`, so a
 * broken bank fails the build (and the dev server shows the errors) and the app ships only
 * plain JSON: no YAML parser and no runtime fetch.
 */
import type { Plugin } from 'vite';
import { formatBankError } from '../src/lib/domain/bank.ts';
import { loadBank, QUESTIONS_DIR } from './bank-load.ts';

const VIRTUAL_ID = 'virtual:factdeck-bank';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function bankPlugin(dir = QUESTIONS_DIR): Plugin {
	return {
		name: 'factdeck-bank',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			this.addWatchFile(dir);
			const { bank, errors, unpublished } = loadBank(dir);
			if (!bank || unpublished.length) {
				const lines = errors.map(formatBankError);
				for (const u of unpublished) lines.push(`${u}: id: not yet published (npm run bank:check)`);
				const message = `The question bank has ${lines.length} error(s):\n${lines.join('\n')}`;
				// Printed as well as thrown: a later plugin's failure in the same build (the PWA
				// step finds no service worker) can otherwise hide the thrown error.
				console.error(`\n${message}\n`);
				throw new Error(message);
			}
			return `export default ${JSON.stringify(bank)};`;
		},
		handleHotUpdate({ file, server }) {
			if (file.startsWith(dir)) {
				const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
				if (mod) server.moduleGraph.invalidateModule(mod);
				server.ws.send({ type: 'full-reload' });
			}
		}
	};
}
