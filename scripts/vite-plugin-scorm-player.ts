/**
 * `virtual:factdeck-scorm-player`: the SCORM package's player, built from src/player/ by
 * its own config (vite.player.config.ts) and embedded as two strings. The app loads it
 * lazily when a teacher makes a package, and since it is one of the app's own chunks the
 * service worker precaches it: packages can be made offline.
 */
import type { Plugin } from 'vite';
import { buildPlayer } from './build-player.ts';

const ID = 'virtual:factdeck-scorm-player';

export function scormPlayerPlugin(): Plugin {
	return {
		name: 'factdeck-scorm-player',
		resolveId(id) {
			return id === ID ? '\0' + ID : undefined;
		},
		async load(id) {
			if (id !== '\0' + ID) return undefined;
			this.addWatchFile(new URL('../src/player', import.meta.url).pathname);
			const player = await buildPlayer();
			return `export const js = ${JSON.stringify(player.js)};\nexport const css = ${JSON.stringify(player.css)};\n`;
		}
	};
}
